import { shapeOf } from './line-shape.js';

/** A title line with more words than this is a paragraph, not a headline (news headlines run 5–20 words). */
const TITLE_MAX_WORDS = 30;
/** A title line ending in sentence punctuation with at least this many words is a lead sentence. */
const SENTENCE_TITLE_MIN_WORDS = 20;
/** Fewest letters a usable title has. */
const TITLE_MIN_LETTERS = 8;
/** Headline-shaped lines are looked for among this many first body lines. */
const TITLE_SEARCH_LINES = 3;
/** Shape of a headline found in the body: word count bounds. */
const HEADLINE_MIN_WORDS = 3;
const HEADLINE_MAX_WORDS = 20;
/** A title made from the lead sentence is cut at a word boundary below this length. */
const DERIVED_TITLE_MAX_CHARS = 120;

export interface TitleChoice {
  readonly title: string;
  readonly source: string;
  /** Index of the body paragraph that became the title (to remove it), or null. */
  readonly removedLine: number | null;
  readonly fallback: string | null;
}

function looksLikeParagraph(title: string): boolean {
  const s = shapeOf(title);
  return s.words.length > TITLE_MAX_WORDS || (s.endsSentence && s.words.length >= SENTENCE_TITLE_MIN_WORDS);
}

function isJunk(title: string): boolean {
  return shapeOf(title).letters < TITLE_MIN_LETTERS;
}

function firstSentence(p: string): string {
  const m = /^(.+?[.!?。！？؟])(\s|$)/u.exec(p);
  let s = (m?.[1] ?? p).trim();
  if (s.length > DERIVED_TITLE_MAX_CHARS) {
    const cut = s.lastIndexOf(' ', DERIVED_TITLE_MAX_CHARS);
    s = `${s.slice(0, cut > 0 ? cut : DERIVED_TITLE_MAX_CHARS)}…`;
  }
  return s;
}

/**
 * Picks the title of a text article: the given first line when it is a headline; else a
 * headline-shaped line near the top of the body; else the lead sentence (each fallback recorded).
 */
export function chooseTitle(given: string, paragraphs: readonly string[], leadIsTitle: boolean): TitleChoice {
  if (given && !leadIsTitle && !isJunk(given)) return { title: given.trim(), source: 'input', removedLine: null, fallback: null };
  const why = leadIsTitle
    ? `first line is a paragraph (${shapeOf(given).words.length} words), kept as body`
    : `first line "${given.slice(0, 40)}" is not a usable title`;
  for (let i = 0; i < Math.min(TITLE_SEARCH_LINES, paragraphs.length); i++) {
    const p = paragraphs[i] as string;
    const s = shapeOf(p);
    if (!s.endsSentence && s.words.length >= HEADLINE_MIN_WORDS && s.words.length <= HEADLINE_MAX_WORDS) {
      return { title: p, source: 'body-headline', removedLine: i, fallback: `title: ${why}; used the headline-shaped body line ${i + 1}` };
    }
  }
  const lead = paragraphs[0];
  if (lead) return { title: firstSentence(lead), source: 'lead-sentence', removedLine: null, fallback: `title: ${why}; derived from the lead sentence` };
  return { title: given.trim(), source: 'input', removedLine: null, fallback: null };
}
chooseTitle.looksLikeParagraph = looksLikeParagraph;

/** Picks the paragraph of an article that best supports its place in an event: the cited passage. */

/** Longest passage excerpt sent with a citation, in characters (about two lines on a phone). */
export const PASSAGE_EXCERPT_CHARS = 240;

export interface Passage {
  /** Index into the article's paragraphs. */
  readonly paragraph: number;
  /** The paragraph, cut to PASSAGE_EXCERPT_CHARS at a word boundary. */
  readonly excerpt: string;
  /** Terms the passage shares with its event (the cluster stage's evidence). */
  readonly terms: readonly string[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether `term` occurs in `hay` as whole words (both already lower-cased). */
function hasWord(hay: string, term: string): boolean {
  let from = 0;
  for (;;) {
    const i = hay.indexOf(term, from);
    if (i < 0) return false;
    const before = hay[i - 1];
    const after = hay[i + term.length];
    if ((before === undefined || !LETTER_OR_DIGIT.test(before)) && (after === undefined || !LETTER_OR_DIGIT.test(after))) return true;
    from = i + 1;
  }
}

export function excerpt(text: string, max = PASSAGE_EXCERPT_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Paragraphs shorter than this are datelines, bylines or captions rather than reporting, and are
 * cited only when nothing longer exists (about one short sentence; set by reading the demo corpus).
 */
export const MIN_PASSAGE_CHARS = 80;

/**
 * The paragraph holding the most of `terms` (ties: the earlier one, as leads carry the news),
 * skipping paragraphs too short to be reporting; the first substantial paragraph when no term matches.
 * Terms may be words or multi-word names, matched as whole words.
 */
export function bestPassage(paragraphs: readonly string[], terms: readonly string[]): Passage | null {
  if (paragraphs.length === 0) return null;
  const wanted = [...new Set(terms.map((t) => t.normalize('NFKC').toLowerCase().trim()))].filter(Boolean);
  const substantial = paragraphs.map((p, i) => ({ p, i })).filter(({ p }) => p.length >= MIN_PASSAGE_CHARS);
  const candidates = substantial.length ? substantial : paragraphs.map((p, i) => ({ p, i }));
  let best = candidates[0]?.i ?? 0;
  let bestHits: string[] = [];
  candidates.forEach(({ p, i }) => {
    const hay = p.normalize('NFKC').toLowerCase();
    const hits = wanted.filter((t) => hasWord(hay, t));
    if (hits.length > bestHits.length) {
      best = i;
      bestHits = hits;
    }
  });
  return { paragraph: best, excerpt: excerpt(paragraphs[best] ?? ''), terms: bestHits };
}

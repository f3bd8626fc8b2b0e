import { isPrefixedByline } from './byline.js';
import { CALL_TO_ACTION, RELATED_LABEL } from './cues.js';
import { isAllCaps, isNameShaped, isUnspaced, type LineShape, shapeOf, tokens } from './line-shape.js';

/** A line of an article with what the rules need to know about it. */
export interface Line {
  text: string;
  /** The line was an HTML heading (h2–h6): structure says it is a subheading, not a teaser. */
  readonly heading: boolean;
  /** The line was an HTML table/list cell: names, numbers and short labels are its content. */
  readonly structured?: boolean;
  /** The HTML paragraph holds a link (a call to action points somewhere). */
  readonly linked?: boolean;
}

export interface Verdict {
  readonly rule: string;
  readonly reason: string;
}

/** Lines at either end of the article this close to the edge count as "at the edge" (promo bars, bylines, follow-us lines). */
export const EDGE_LINES = 3;
/** An ALL-CAPS line with at least this many words is a teaser headline of another story; shorter ones are calls to action or labels. */
const TEASER_MIN_WORDS = 6;
/** Longest call-to-action line, in words. */
const PROMO_MAX_WORDS = 15;
/** Fewest letters for a line to carry content ("d", "• en" and lone symbols do not). */
const MIN_LETTERS = 3;
/** Longest line treated as a non-sentence fragment ("Advert", "comments"), in words. */
const FRAGMENT_MAX_WORDS = 3;
/** The same for scripts written without spaces, in letters (a CJK word runs 1–4 characters). */
const UNSPACED_FRAGMENT_MAX_LETTERS = 6;
/** Longest credit inside a caption's closing parentheses, in characters. */
const CREDIT_MAX_CHARS = 80;
/** Longest closing call-to-action paragraph (with a link), in words. */
const LINKED_PROMO_MAX_WORDS = 40;
/** Longest dateline, in words; up to DATELINE_SHORT_WORDS it may even end with a period ("Updated at 1:23 p.m."). */
const DATELINE_MAX_WORDS = 12;
const DATELINE_SHORT_WORDS = 5;
/** Longest related-story line, in words. */
const RELATED_MAX_WORDS = 30;

/** A trailing "(Name/Agency via Getty Images)", "(Image: GETTY )", "(Photo: AP)": the credit that closes a photo caption. */
const CREDIT = /\(([^()]{2,})\)\s*$/;
/** A credit names its source with a slash, colon or "via"-like joiner, or is a short run of capitalised words. */
function isCredit(inner: string): boolean {
  if (inner.length > CREDIT_MAX_CHARS) return false;
  if (/[/:]/.test(inner) || /\svia\s/i.test(inner)) return true;
  const words = inner.trim().split(/\s+/);
  return words.length <= 3 && words.every((w) => /^\p{Lu}/u.test(w)) && !/\d/.test(inner);
}
/** A date or time glued into a line, the mark of a related-story link with its timestamp. */
const STAMP = /\d{1,2}[./]\d{1,2}[./]\d{2,4}|\b\d{1,2}:\d{2}\b/;
/** A view/comment counter such as "[views_2532]" or "👁 4920". */
const COUNTER = /\[[\p{L}_]*\d+\]|[👁💬]\s*\d+|\(\d+\)\s*$/u;
/** Date pattern of a dateline/metadata line. */
const DATE = /\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/;

export interface LineContext {
  readonly index: number;
  readonly count: number;
  /** Words of every other line (for "does this name appear in the text?"). */
  readonly wordsNear: (index: number) => ReadonlySet<string>;
  readonly html: boolean;
}

/** The first rule a line breaks, or null when it is body text. */
export function judgeLine(line: Line, ctx: LineContext): Verdict | null {
  const text = line.text;
  const s = shapeOf(text);
  const atEdge = ctx.index < EDGE_LINES || ctx.index >= ctx.count - EDGE_LINES;
  if (s.letters < MIN_LETTERS && !line.structured) {
    // A bare date stamp ("11.03.2026 | 13:02") above the body is the article's own dateline.
    if (ctx.index < EDGE_LINES && DATE.test(text)) return { rule: 'dateline', reason: 'date stamp at the top of the article, kept as metadata' };
    return { rule: 'fragment', reason: 'fewer than 3 letters: a stray label or symbol' };
  }
  // In HTML a teaser headline is a link (cut by link density); an unlinked caps line is a subheading or dateline.
  const capsTeaser = !ctx.html || line.linked === true || CALL_TO_ACTION.test(text);
  if (!line.heading && !line.structured && capsTeaser && isAllCaps(s)) {
    return s.words.length >= TEASER_MIN_WORDS && !CALL_TO_ACTION.test(text)
      ? { rule: 'teaser-headline', reason: 'ALL-CAPS headline of another story inside the article' }
      : { rule: 'promo-line', reason: 'short ALL-CAPS line: a call to action or section label' };
  }
  const credit = CREDIT.exec(text);
  if (credit?.[1] && isCredit(credit[1])) return { rule: 'caption', reason: 'photo caption: ends with a credit in parentheses' };
  if (isPromo(text, s, atEdge, atTail(ctx), ctx.html))
    return { rule: 'promo-line', reason: 'short call-to-action line (listen, subscribe, follow, download…)' };
  if (line.linked && atTail(ctx) && s.words.length <= LINKED_PROMO_MAX_WORDS && CALL_TO_ACTION.test(text)) {
    return { rule: 'promo-line', reason: 'closing call-to-action paragraph with a link (subscribe, follow, sign up…)' };
  }
  const related = relatedVerdict(text, s, ctx, atEdge);
  if (related) return related;
  if (!line.heading && ctx.index < EDGE_LINES && isDateline(text, s))
    return { rule: 'dateline', reason: 'byline/date line at the edge of the article, kept as metadata' };
  if (DATE.test(text) && (text.match(/\s[-|•·]\s/g)?.length ?? 0) >= 2 && !s.endsSentence) {
    return { rule: 'meta-line', reason: 'dateline with author/category separators, kept as metadata' };
  }
  if (line.structured) return null;
  if (!line.heading && atEdge && isPrefixedByline(text, s)) {
    return { rule: 'byline', reason: 'short "By …" line at the edge of the article: the byline (moved to metadata)' };
  }
  if (!line.heading && isNameShaped(text, s)) {
    const near = ctx.wordsNear(ctx.index);
    const own = tokens(text);
    const echoed = own.every((w) => near.has(w));
    if (echoed) return { rule: 'image-label', reason: 'short name-shaped label whose words repeat the neighbouring text (image alt/label)' };
    if (atEdge && own.length >= 2) return { rule: 'byline', reason: 'name-shaped line at the edge of the article: the byline (moved to metadata)' };
  }
  const short = isUnspaced(s) ? s.letters <= UNSPACED_FRAGMENT_MAX_LETTERS : s.words.length <= FRAGMENT_MAX_WORDS;
  if (!line.heading && !s.endsSentence && short && (ctx.html || atEdge)) {
    return { rule: 'fragment', reason: `${s.words.length}-word line without sentence punctuation outside the body flow (label, button, counter)` };
  }
  return null;
}

/** The last lines of the article, where closing promos sit. */
function atTail(ctx: LineContext): boolean {
  return ctx.index >= ctx.count - EDGE_LINES;
}

/** A year or a clock time: the date part of a dateline. */
const DATE_PART = /(^|\D)(19|20)\d{2}(\D|$)|\d{1,2}:\d{2}/;

/** A short line carrying a date or time and no sentence (or only a few words): "By Jane Doe - 11/18/19 11:04 PM", "20 Nov 2019 08:00 GMT". */
function isDateline(text: string, s: LineShape): boolean {
  // A date has at least two numbers (day and year, or hours and minutes); a lone year is a title's.
  if (s.words.length > DATELINE_MAX_WORDS || !DATE_PART.test(text) || (text.match(/\d+/g)?.length ?? 0) < 2) return false;
  return !s.endsSentence || s.words.length <= DATELINE_SHORT_WORDS;
}

function isPromo(text: string, s: LineShape, atEdge: boolean, atEnd: boolean, html: boolean): boolean {
  if (s.words.length > PROMO_MAX_WORDS) return false;
  const trimmed = text.trim();
  const ctaEnding = !s.endsSentence || /[!:]$/.test(trimmed);
  const gluedTag = /^\p{Lu}{2,}\p{Lu}\p{Ll}/u.test(trimmed);
  // In HTML a line ending in ":" mid-article introduces a list; only at an edge is it a promo.
  const placed = atEdge || gluedTag || (!html && /[!:]$/.test(trimmed));
  if (ctaEnding && CALL_TO_ACTION.test(trimmed) && placed) return true;
  // "Follow us on:" shape without any cue: a short line ending in a colon among the last lines.
  return atEnd && s.words.length <= 4 && trimmed.endsWith(':');
}

function relatedVerdict(text: string, s: LineShape, ctx: LineContext, atEdge: boolean): Verdict | null {
  if (s.words.length > RELATED_MAX_WORDS || s.endsSentence) return null;
  if (RELATED_LABEL.test(text.trim())) return { rule: 'related-link', reason: '"read also"-style link to another story' };
  const stamp = STAMP.test(text);
  const counter = COUNTER.test(text);
  if (stamp && counter) return { rule: 'related-link', reason: 'headline with a glued timestamp and view counter: a related-story link' };
  // "Label: Headline" at the very end of the article.
  const m = /^([^:]{2,30}):\s+\S/.exec(text);
  if (m?.[1] && atEdge && ctx.index >= ctx.count - 1 && m[1].trim().split(/\s+/).length <= 3) {
    return { rule: 'related-link', reason: 'closing "Label: headline" line without a sentence ending: a link to another story' };
  }
  return null;
}

import type { RemovedBlock } from '../types.js';
import { bylineName } from './internal/byline.js';
import { lineFingerprint } from './internal/fingerprint.js';
import { splitGlued, vocabularyOf } from './internal/glue.js';
import { joinBrokenLines } from './internal/join-lines.js';
import { lineDate } from './internal/line-date.js';
import { judgeLine, type Line } from './internal/line-rules.js';
import { tokens } from './internal/line-shape.js';
import type { Sourced } from './internal/metadata.js';
import { normaliseText, repairMojibake } from './internal/normalise.js';
import { RepeatTracker } from './internal/repeats.js';
import type { CleanOptions } from './options.js';

/** A paragraph (HTML block) or line (text input) before text-level cleaning. */
export interface RawLine {
  readonly text: string;
  /** An HTML heading (h2–h6). */
  readonly heading?: boolean;
  /** A blank line preceded this line in the input (text input only). */
  readonly afterBlank?: boolean;
  /** An HTML table or list cell: short unpunctuated content is normal there. */
  readonly structured?: boolean;
  /** The HTML paragraph contains a link. */
  readonly linked?: boolean;
}

export interface ParagraphContext {
  readonly title: string;
  readonly options: CleanOptions;
  readonly removed: RemovedBlock[];
  /** Paragraphs came from HTML block structure (no hard-wrapped lines to re-join). */
  readonly html: boolean;
}

export interface CleanedParagraphs {
  readonly paragraphs: string[];
  readonly byline: Sourced | null;
  /** Publication date stated by a dateline/metadata line at the edge of the article ("Published 27 February 2026 18:50"). */
  readonly published: Sourced | null;
  /** Lines changed in place: mojibake runs repaired, glued tokens split, broken lines re-joined. */
  readonly repairs: { mojibake: number; glued: number; joined: number };
}

/** Above this share of known-boilerplate lines an article is a repeat of a seen one, not boilerplate-heavy. */
const KNOWN_MAX_SHARE = 0.5;
/** Lines around a line whose words count as "near" it (for image labels that repeat the next sentence). */
const NEAR_WINDOW = 2;

interface Kept extends Line {
  readonly afterBlank: boolean;
}

/**
 * Text-level cleaning shared by HTML paragraphs and plain text: normalisation and repairs, then
 * line rules (promo, caption, teaser, related link, byline, label), then re-joining of broken
 * lines and removal of repeated blocks. Every cut line goes to `ctx.removed` with its rule.
 */
export function cleanParagraphs(input: readonly (RawLine | string)[], ctx: ParagraphContext): CleanedParagraphs {
  const repairs = { mojibake: 0, glued: 0, joined: 0 };
  const lines: Kept[] = [];
  let blank = false;
  for (const item of input) {
    const raw = typeof item === 'string' ? { text: item } : item;
    const fixed = repairMojibake(raw.text);
    repairs.mojibake += fixed.repaired;
    const text = normaliseText(fixed.text, { asciiQuotes: ctx.options.asciiQuotes }).replace(/\s+/g, ' ').trim();
    if (!text) {
      blank = true;
      continue;
    }
    lines.push({
      text,
      heading: raw.heading === true,
      structured: raw.structured === true,
      linked: raw.linked === true,
      afterBlank: blank || raw.afterBlank === true,
    });
    blank = false;
  }
  // Lost spaces are a defect of text pulled out of pages; HTML keeps its own spacing.
  if (!ctx.html) {
    const vocab = vocabularyOf(lines.map((l) => l.text));
    for (const l of lines) {
      const g = splitGlued(l.text, vocab);
      repairs.glued += g.splits;
      l.text = g.text;
    }
  }
  const lineWords = lines.map((l) => tokens(l.text));
  const titleWords = tokens(ctx.title);
  const wordsNear = (i: number): ReadonlySet<string> => {
    const set = new Set<string>(titleWords);
    for (let j = Math.max(0, i - NEAR_WINDOW); j <= Math.min(lines.length - 1, i + NEAR_WINDOW); j++) {
      if (j !== i) for (const w of lineWords[j] ?? []) set.add(w);
    }
    return set;
  };
  let byline: Sourced | null = null;
  let published: Sourced | null = null;
  const kept: Kept[] = [];
  const known = ctx.options.knownBoilerplate;
  // When most lines are "known", this is a re-published copy of an article already seen (dedup's
  // business), not boilerplate: the outlet signal is ignored for it.
  let useKnown = known.size > 0;
  if (useKnown) {
    const hits = lines.filter((l) => known.has(lineFingerprint(l.text))).length;
    if (hits > KNOWN_MAX_SHARE * lines.length) useKnown = false;
  }
  lines.forEach((line, index) => {
    if (useKnown && known.has(lineFingerprint(line.text))) {
      ctx.removed.push({ text: line.text, rule: 'outlet-boilerplate', reason: 'line seen in many articles of this outlet' });
      return;
    }
    const v = judgeLine(line, { index, count: lines.length, wordsNear, html: ctx.html });
    if (!v) {
      kept.push(line);
      return;
    }
    ctx.removed.push({ text: line.text, rule: v.rule, reason: v.reason });
    if ((v.rule === 'byline' || v.rule === 'dateline' || v.rule === 'meta-line') && !byline) {
      const name = bylineName(line.text, v.rule === 'byline');
      if (name) byline = { value: name, source: v.rule === 'byline' ? 'text-byline' : 'text-dateline' };
    }
    if ((v.rule === 'byline' || v.rule === 'dateline' || v.rule === 'meta-line') && !published) {
      const date = lineDate(line.text);
      if (date) published = { value: date, source: 'text-dateline' };
    }
  });
  const joined = ctx.html ? kept : joinBrokenLines(kept, repairs);
  const tracker = new RepeatTracker();
  const paragraphs: string[] = [];
  for (const l of joined) {
    // List and table cells repeat by design (one feature list per product); they are not pasted blocks.
    const rep = l.structured ? null : tracker.check(l.text);
    if (rep) {
      ctx.removed.push({
        text: l.text,
        rule: 'repeated-block',
        reason:
          rep === 'exact'
            ? 'paragraph already appears earlier in the article'
            : 'paragraph restates text that already appears earlier (≥ 80% of its word 3-grams)',
      });
      continue;
    }
    paragraphs.push(l.text);
  }
  return { paragraphs, byline, published, repairs };
}

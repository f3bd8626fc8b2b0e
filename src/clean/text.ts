import type { RemovedBlock } from '../types.js';
import { normaliseText, repairMojibake } from './internal/normalise.js';
import type { Sourced } from './internal/metadata.js';
import type { CleanOptions } from './options.js';

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
}

/** Text-level cleaning of paragraphs: normalisation, mojibake repair, repeated blocks. */
export function cleanParagraphs(input: readonly string[], ctx: ParagraphContext): CleanedParagraphs {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of input) {
    const p = normaliseText(repairMojibake(raw).text, { asciiQuotes: ctx.options.asciiQuotes }).trim();
    if (!p) continue;
    if (seen.has(p)) {
      ctx.removed.push({ text: p, rule: 'repeated-block', reason: 'paragraph already appears earlier in the article' });
      continue;
    }
    seen.add(p);
    out.push(p);
  }
  return { paragraphs: out, byline: null };
}

// Frozen copy of src/cluster/internal/junk.ts as of f481d15 (2026-11-21): the reference test/cluster/features-exact.test.ts
// compares the current feature path with. Do not edit; it is the old behaviour, not live code.
/**
 * Junk bodies: pages whose text is a cookie notice, paywall, ad-blocker wall, "access denied" page or a
 * donation banner rather than the article its headline announces. Language-independent test: a real report
 * repeats its headline's words in its body (the lead restates the headline); a wall of site furniture does not.
 * Such a body falls back to the headline plus the body sentences that do share a headline word, so the text
 * compared is the article's, not the outlet's furniture (two junk pages of one outlet otherwise look like
 * near-copies, and a junk page looks unrelated to a report of its own story).
 */
import { stems } from './text.js';

/**
 * A body supporting less than this share of its title's distinct stems is junk. bench/similarity (2,419 texts):
 * 63 texts support none of their title's stems, nearly all walls (cookies, paywall, ad blocker, login, job ads);
 * 29 more support under 0.1. Swept 0/0.05/0.1/0.15/0.2/0.3 with the body dropped (same-language Pearson of the
 * total): 0.7239 (no junk test)/0.7252/0.7252/0.7248/0.7243/0.7216; with JUNK_BODY_WEIGHT 0.2, 0.05/0.1/0.2:
 * 0.7275/0.7275/0.7269. 0.1 taken (59 texts judged junk).
 */
export const JUNK_SUPPORT = 0.1;
/** Titles with fewer distinct stems than this say too little to judge the body by (a one-word label). */
export const MIN_TITLE_STEMS = 3;

/** Sentence ends in any script (Latin/Cyrillic/Arabic/CJK punctuation) and line breaks. */
const SENTENCE_END = /(?<=[.!?。！？؟])\s+|(?<=[。！？])|\n+/u;

export interface BodyVerdict {
  /** Share of the title's distinct stems found in the body (1 when the title is too short to judge). */
  readonly support: number;
  /** The body judged junk: compare the title and `kept` instead. */
  readonly junk: boolean;
  /** The body sentences that share a title stem (the whole body when not junk). */
  readonly kept: string;
}

/** Stems already computed by the caller (featuresOf), so the text is tokenised once. */
export interface KnownStems {
  readonly titleStems: readonly string[];
  readonly bodyStems: readonly string[];
}

/** Judges a body by how much of its title it restates; `threshold` overrides JUNK_SUPPORT (for sweeps). */
export function judgeBody(title: string, body: string, threshold = JUNK_SUPPORT, known?: KnownStems): BodyVerdict {
  const titleStems = new Set(known?.titleStems ?? stems(title));
  if (titleStems.size < MIN_TITLE_STEMS || body.trim() === '') return { support: 1, junk: false, kept: body };
  const bodyStems = new Set(known?.bodyStems ?? stems(body));
  let hit = 0;
  for (const s of titleStems) if (bodyStems.has(s)) hit++;
  const support = hit / titleStems.size;
  if (support >= threshold) return { support, junk: false, kept: body };
  const kept = body.split(SENTENCE_END).filter((s) => stems(s).some((x) => titleStems.has(x)));
  return { support, junk: true, kept: kept.join('\n') };
}

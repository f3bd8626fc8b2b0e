/**
 * Splits tokens glued by a lost space, only where confident:
 * - a word glued to a date or time ("Witkoff21.01.26" → "Witkoff 21.01.26");
 * - lower→upper case joins ("TrumpPutin") when both halves also occur as separate words in the
 *   same article (so brand names such as "iPhone" or "YouTube" stay whole);
 * - an ALL-CAPS tag glued to a capitalised word ("NEWYou") under the same condition.
 */
const DATE_GLUE = /(\p{L})(\d{1,2}[./]\d{1,2}[./]\d{2,4})/gu;
const CAMEL = /(\p{Lu}?\p{Ll}{2,})(\p{Lu}\p{Ll}+)/gu;
const CAPS_GLUE = /(?<!\p{L})(\p{Lu}{2,})(\p{Lu}\p{Ll}+)/gu;

export function splitGlued(text: string, vocabulary: ReadonlySet<string>): { text: string; splits: number } {
  let splits = 0;
  let t = text.replace(DATE_GLUE, (_m, a: string, d: string) => {
    splits++;
    return `${a} ${d}`;
  });
  const known = (w: string) => vocabulary.has(w.toLowerCase());
  t = t.replace(CAMEL, (m, a: string, b: string) => {
    if (!known(a) || !known(b)) return m;
    splits++;
    return `${a} ${b}`;
  });
  t = t.replace(CAPS_GLUE, (m, a: string, b: string) => {
    if (!known(b) || a.length < 2) return m;
    splits++;
    return `${a} ${b}`;
  });
  return { text: t, splits };
}

/** Standalone word counts of an article, the vocabulary that `splitGlued` trusts. */
export function vocabularyOf(lines: readonly string[]): Set<string> {
  const v = new Set<string>();
  for (const l of lines) for (const w of l.match(/[\p{L}]+/gu) ?? []) v.add(w.toLowerCase());
  return v;
}

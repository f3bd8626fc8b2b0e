/** Clause separators counted as a sign of running prose, across scripts (Latin, CJK, Arabic). */
const CLAUSE_MARKS = /[,，、،;；]/g;
/** Each this many characters of a paragraph adds one point (Readability: 100)… */
const CHARS_PER_POINT = 100;
/** …up to this many points (Readability: 3). */
const MAX_LENGTH_POINTS = 3;

/** Vote of one paragraph: 1 + clause marks + length points (`length` in Latin-character units). */
export function paragraphScore(text: string, length: number): number {
  const marks = text.match(CLAUSE_MARKS)?.length ?? 0;
  return 1 + marks + Math.min(Math.floor(length / CHARS_PER_POINT), MAX_LENGTH_POINTS);
}

/**
 * ASCII character tests shared by the fast plain-text paths (plain-text.ts, anchor-bound.ts), which must agree
 * with the Unicode-aware `normalise`/`joinNumbers` of text.ts on the characters they accept.
 */
const NBSP = 0x00a0;
const NARROW_NBSP = 0x202f;

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

export function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** A separator `joinNumbers` drops: one of `, .`, a space or a no-break space after a digit, before exactly three digits. */
export function joinsNumber(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (
    (c === 44 || c === 46 || c === 32 || c === NBSP || c === NARROW_NBSP) &&
    isDigit(s.charCodeAt(i - 1)) &&
    isDigit(s.charCodeAt(i + 1)) &&
    isDigit(s.charCodeAt(i + 2)) &&
    isDigit(s.charCodeAt(i + 3)) &&
    !isDigit(s.charCodeAt(i + 4))
  );
}

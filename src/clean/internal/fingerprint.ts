/**
 * Fingerprint of a line for cross-article repetition: lower-cased letters only, digits folded to
 * 0, whitespace and punctuation dropped. Two outlets' "Follow us on:" lines, or one outlet's
 * promo line with a changing number, map to the same fingerprint.
 */
export function lineFingerprint(line: string): string {
  return line
    .normalize('NFC')
    .toLowerCase()
    .replace(/\p{N}+/gu, '0')
    .replace(/[^\p{L}0]+/gu, '');
}

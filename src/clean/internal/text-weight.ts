/** Han, Kana and Hangul characters: one of them carries about as much as a short Latin word. */
const DENSE_SCRIPT = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/g;
/**
 * Weight of one dense-script character in Latin-character units: Chinese news runs ~1 character
 * per 2.5–3.5 characters of its English translation; 3 is the middle.
 */
export const DENSE_CHAR_WEIGHT = 3;

/** Length of a text in Latin-character units, so length thresholds mean the same in every script. */
export function weightedLength(text: string, visible = text.length): number {
  const dense = text.match(DENSE_SCRIPT)?.length ?? 0;
  return visible + dense * (DENSE_CHAR_WEIGHT - 1);
}

/** Characters sampled from the start of a body for the binary check. */
const SAMPLE_CHARS = 8192;
/**
 * Share of control characters (other than tab/newline/CR/FF) or U+FFFD replacement characters
 * above which a body is binary data, not text: text and HTML sit at 0, binary formats decoded as
 * text run far above 1% (same threshold as the ingest reader's byte check).
 */
const BINARY_SHARE = 0.01;

/** True when the start of a body looks like binary data decoded as text. */
export function looksBinary(body: string): boolean {
  const n = Math.min(body.length, SAMPLE_CHARS);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = body.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) bad++;
  }
  return n > 0 && bad / n > BINARY_SHARE;
}

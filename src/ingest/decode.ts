import { gunzipSync } from 'node:zlib';
import { InputError } from './errors.js';

/** Share of control bytes (other than tab/newline/CR/FF) above which a file is treated as binary. Binary formats (PDF, images) run far above 1%; text files sit at 0. */
const BINARY_CONTROL_RATIO = 0.01;
/** Bytes sampled from the start of a file for the binary check. */
const BINARY_SAMPLE_BYTES = 8192;
/**
 * Among letter-like bytes of a non-UTF-8 file, the share of bytes ≥ 0x80 above which the text
 * is taken to be in a non-Latin single-byte script (Cyrillic windows-1251) rather than
 * windows-1252: Western European text stays well under 30% accented letters, Cyrillic is ~100%.
 */
const NON_LATIN_HIGH_BYTE_RATIO = 0.5;

export interface Decoded {
  readonly text: string;
  /** Encoding the bytes were decoded from. */
  readonly encoding: string;
}

/** Gunzips when asked to, reporting truncated or corrupt archives specifically. */
export function gunzip(bytes: Buffer, location: string, limit: number): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: limit + 1 });
  } catch (cause) {
    const msg = (cause as Error).message ?? '';
    if ((cause as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new InputError('too-large', `${location}: uncompressed size exceeds the ${limit}-byte limit`, { cause });
    }
    const detail = /unexpected end/i.test(msg) ? 'truncated gzip archive' : `corrupt gzip archive (${msg})`;
    throw new InputError('bad-gzip', `${location}: ${detail}`, { cause });
  }
}

function looksBinary(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, BINARY_SAMPLE_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return n > 0 && control / n > BINARY_CONTROL_RATIO;
}

/** Charset declared in an HTML/XML head, if any (first 2 KB). */
function declaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

function tryDecoder(encoding: string, bytes: Buffer, fatal: boolean): string | null {
  try {
    return new TextDecoder(encoding, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/** Guesses the single-byte legacy encoding of bytes that are not valid UTF-8. */
function guessLegacy(bytes: Buffer): string {
  let high = 0;
  let letters = 0;
  for (const b of bytes) {
    if (b >= 0x80) {
      high++;
      letters++;
    } else if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) letters++;
  }
  return letters > 0 && high / letters > NON_LATIN_HIGH_BYTE_RATIO ? 'windows-1251' : 'windows-1252';
}

/**
 * Turns file bytes into text: BOMs (UTF-8/16) honoured, valid UTF-8 taken as is, a declared HTML
 * charset honoured, other bytes decoded from the likeliest legacy single-byte encoding.
 * Binary and empty inputs are rejected with a specific error.
 */
export function decodeText(bytes: Buffer, location: string): Decoded {
  if (bytes.length === 0) throw new InputError('empty', `${location}: empty file`);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (looksBinary(bytes)) throw new InputError('binary', `${location}: binary content, not text`);
  const utf8 = tryDecoder('utf-8', bytes, true);
  if (utf8 !== null) return { text: utf8.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  const declared = declaredCharset(bytes);
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    const text = tryDecoder(declared, bytes, false);
    if (text !== null) return { text, encoding: declared };
  }
  const legacy = guessLegacy(bytes);
  const text = tryDecoder(legacy, bytes, false);
  if (text === null) throw new InputError('bad-encoding', `${location}: not UTF-8 and no legacy encoding fits`);
  return { text, encoding: legacy };
}

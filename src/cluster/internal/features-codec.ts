/**
 * The stored form of an article's (compact) features, cluster_features.features, written once per assignment. As
 * JSON text, JSON.stringify walked three dictionary-mode records (terms, names, display forms), whose key enumeration
 * sorts the keys on every call (key-order.ts): ~32 µs per synthetic article. This form takes the key lists the
 * records were built with (keysOf) and writes the weights as raw 8-byte doubles, so it reads back bit for bit with
 * every record in its key order.
 *
 * Layout: byte 0 FORMAT; bytes 4–7 the byte length H of the header (UTF-8 JSON, little-endian uint32); the header;
 * zero padding to a multiple of 8; then the weights of `terms`, then of `entities`, each in its key order.
 * Header: the features object with each field in its order, `terms` and `entities` replaced by their key lists and
 * `surfaces` by [keys, forms]; every other field as JSON has it.
 * Rows written before this form hold JSON text, which `decodeFeatures` parses as before.
 */
import type { Features } from './features.js';
import { keysOf } from './key-order.js';

/** First byte of the binary form (JSON text starts with `{`, 0x7b). Bump it if the layout ever changes. */
const FORMAT = 1;
/** Bytes before the header: the format byte, three spare bytes, and the header length. */
const PREAMBLE = 8;
/** Byte offset of the header length within the preamble. */
const HEADER_LENGTH_AT = 4;
/** Size of one stored weight (a little-endian double). */
const WEIGHT_BYTES = 8;

export class FeaturesCodecError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FeaturesCodecError';
  }
}

/** The weight records, in stored order. */
const WEIGHTED = ['terms', 'entities'] as const;

/** The features in their stored binary form. */
export function encodeFeatures(f: Features): Buffer {
  const header: Record<string, unknown> = {};
  let weights = 0;
  const fields = f as unknown as Record<string, unknown>;
  for (const field of Object.keys(f)) {
    const value = fields[field];
    if (field === 'terms' || field === 'entities') {
      const keys = keysOf(value as Record<string, number>);
      header[field] = keys;
      weights += keys.length;
    } else if (field === 'surfaces') {
      const s = value as Record<string, string>;
      const keys = keysOf(s);
      const forms = new Array<string>(keys.length);
      for (let i = 0; i < keys.length; i++) forms[i] = s[keys[i] as string] as string;
      header[field] = [keys, forms];
    } else header[field] = value;
  }
  const text = JSON.stringify(header);
  const headerBytes = Buffer.byteLength(text);
  const valuesAt = Math.ceil((PREAMBLE + headerBytes) / WEIGHT_BYTES) * WEIGHT_BYTES;
  const out = Buffer.alloc(valuesAt + weights * WEIGHT_BYTES);
  out[0] = FORMAT;
  out.writeUInt32LE(headerBytes, HEADER_LENGTH_AT);
  out.write(text, PREAMBLE, 'utf8');
  let at = valuesAt;
  for (const field of WEIGHTED) {
    const rec = f[field];
    for (const k of header[field] as readonly string[]) {
      out.writeDoubleLE(rec[k] as number, at);
      at += WEIGHT_BYTES;
    }
  }
  return out;
}

function decodeBinary(buf: Buffer): Features {
  if (buf.length < PREAMBLE || buf[0] !== FORMAT) throw new FeaturesCodecError(`unknown stored features format ${buf[0]}`);
  const headerBytes = buf.readUInt32LE(HEADER_LENGTH_AT);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(buf.toString('utf8', PREAMBLE, PREAMBLE + headerBytes)) as Record<string, unknown>;
  } catch (cause) {
    throw new FeaturesCodecError('unreadable stored features header', { cause });
  }
  // Where each weight record starts: the records follow one another in WEIGHTED order.
  const starts = new Map<string, number>();
  let at = Math.ceil((PREAMBLE + headerBytes) / WEIGHT_BYTES) * WEIGHT_BYTES;
  for (const field of WEIGHTED) {
    starts.set(field, at);
    at += ((header[field] as string[] | undefined)?.length ?? 0) * WEIGHT_BYTES;
  }
  if (at !== buf.length) throw new FeaturesCodecError(`stored features hold ${buf.length} bytes, their header describes ${at}`);
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(header)) {
    const value = header[field];
    if (field === 'terms' || field === 'entities') {
      const rec: Record<string, number> = {};
      let p = starts.get(field) as number;
      for (const k of value as string[]) {
        rec[k] = buf.readDoubleLE(p);
        p += WEIGHT_BYTES;
      }
      out[field] = rec;
    } else if (field === 'surfaces') {
      const [keys, forms] = value as [string[], string[]];
      const rec: Record<string, string> = {};
      for (let i = 0; i < keys.length; i++) rec[keys[i] as string] = forms[i] as string;
      out[field] = rec;
    } else out[field] = value;
  }
  return out as unknown as Features;
}

/** Stored features read back: the binary form, or JSON text written before it. */
export function decodeFeatures(stored: Buffer | string): Features {
  return typeof stored === 'string' ? (JSON.parse(stored) as Features) : decodeBinary(stored);
}

/**
 * The stored form of an article's compact features (cluster_features.features), written once per assignment. As JSON
 * (~4 KB) printing it was most of saving it: JSON.stringify lists each dictionary-mode record's keys by sorting them
 * (~55 ns a key) and prints ~120 term weights as shortest decimals. This form keeps the three records (terms, names,
 * display forms) as their strings end to end plus the weights as raw 8-byte doubles, the rest of the features as JSON.
 *
 * Layout (a blob; a row written before it holds JSON text, which `decodeFeatures` parses as before): byte 0 the
 * format; bytes 4–7 the byte length H of the header (little-endian uint32); the header; zero padding to a multiple of
 * 8; then the term weights and the name weights, each record in its key order. The header: a uint32 length L, then L
 * bytes of JSON (the features with each of the three records replaced by its key count, so in their key order), then
 * each string's length in UTF-16 units (uint16 each: term keys, name keys, display-form keys, forms), then all those
 * strings end to end as UTF-8.
 *
 * Read back it equals JSON.parse(JSON.stringify(f)): the same keys in the same order, plain objects, the same numbers
 * (a double stored raw is the number JSON prints and parses back; -0 is stored as 0, as JSON prints it). Features
 * that form cannot carry so are written as JSON (see encodeFeatures).
 */

import type { Features } from './features.js';
import { featureKeys } from './key-order.js';

/** First byte of the binary form. Bump it if the layout ever changes. */
const FORMAT = 1;
/** Bytes before the header: the format byte, three spare bytes, and the header length. */
const PREAMBLE = 8;
/** Byte offset of the header length within the preamble. */
const HEADER_LENGTH_AT = 4;
/** Bytes of the JSON length at the start of the header, and of each stored string length. */
const META_LENGTH_BYTES = 4;
const STRING_LENGTH_BYTES = 2;
/** Longest string stored (its length is a uint16). */
const MAX_STRING = 0xffff;
/** Size of one stored weight (a little-endian double). */
const WEIGHT_BYTES = 8;
/** A UTF-16 surrogate: UTF-8 cannot carry a lone one, so text holding any is stored as JSON. */
const SURROGATE = /[\uD800-\uDFFF]/;
/** A key that `rec[key] = …` would not store as an own property (it sets the prototype): stored as JSON. */
const PROTO_KEY = '__proto__';

export class FeaturesCodecError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FeaturesCodecError';
  }
}

/** Whether every key can be stored in the binary form (none too long, none `__proto__`). */
function storable(keys: readonly string[]): boolean {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (k.length > MAX_STRING || k === PROTO_KEY) return false;
  }
  return true;
}

/**
 * The features' stored form: a Buffer in the layout above, or JSON text (as written before it) when a string holds a
 * surrogate or is 65,536 units or longer, a key is `__proto__`, or a weight is not a finite number (JSON prints null).
 */
export function encodeFeatures(f: Features): Buffer | string {
  const terms = featureKeys(f.terms);
  const names = featureKeys(f.entities);
  const surfaceKeys = featureKeys(f.surfaces);
  if (!storable(terms) || !storable(names) || !storable(surfaceKeys)) return JSON.stringify(f);
  const forms: string[] = new Array(surfaceKeys.length);
  for (let i = 0; i < surfaceKeys.length; i++) {
    const form = f.surfaces[surfaceKeys[i] as string];
    if (typeof form !== 'string' || form.length > MAX_STRING) return JSON.stringify(f);
    forms[i] = form;
  }
  const text = terms.join('') + names.join('') + surfaceKeys.join('') + forms.join('');
  if (SURROGATE.test(text)) return JSON.stringify(f);
  const weights = terms.length + names.length;
  const w: number[] = new Array(weights);
  for (let i = 0; i < terms.length; i++) w[i] = f.terms[terms[i] as string] as number;
  for (let i = 0; i < names.length; i++) w[terms.length + i] = f.entities[names[i] as string] as number;
  for (let i = 0; i < weights; i++) if (typeof w[i] !== 'number' || !Number.isFinite(w[i])) return JSON.stringify(f);
  const meta = JSON.stringify({ ...f, terms: terms.length, entities: names.length, surfaces: surfaceKeys.length });
  const metaBytes = Buffer.byteLength(meta);
  const strings = terms.length + names.length + 2 * surfaceKeys.length;
  const textAt = PREAMBLE + META_LENGTH_BYTES + metaBytes + strings * STRING_LENGTH_BYTES;
  const textBytes = Buffer.byteLength(text);
  const valuesAt = Math.ceil((textAt + textBytes) / WEIGHT_BYTES) * WEIGHT_BYTES;
  const out = Buffer.alloc(valuesAt + weights * WEIGHT_BYTES);
  const view = new DataView(out.buffer, out.byteOffset, out.length);
  out[0] = FORMAT;
  view.setUint32(HEADER_LENGTH_AT, textAt + textBytes - PREAMBLE, true);
  view.setUint32(PREAMBLE, metaBytes, true);
  out.write(meta, PREAMBLE + META_LENGTH_BYTES, 'utf8');
  let at = PREAMBLE + META_LENGTH_BYTES + metaBytes;
  for (const list of [terms, names, surfaceKeys, forms])
    for (let i = 0; i < list.length; i++) {
      view.setUint16(at, (list[i] as string).length, true);
      at += STRING_LENGTH_BYTES;
    }
  out.write(text, textAt, 'utf8');
  at = valuesAt;
  for (let i = 0; i < weights; i++) {
    // JSON prints -0 as 0 (`+ 0` turns -0 into 0 and leaves every other number as it is).
    view.setFloat64(at, (w[i] as number) + 0, true);
    at += WEIGHT_BYTES;
  }
  return out;
}

/** A stored form read back: the binary form, or JSON text written before it (or instead of it). */
export function decodeFeatures(stored: Buffer | string): Features {
  if (typeof stored === 'string') return JSON.parse(stored) as Features;
  const fail = (why: string, cause?: unknown) => new FeaturesCodecError(`unreadable stored features: ${why}`, { cause });
  if (stored.length < PREAMBLE + META_LENGTH_BYTES || stored[0] !== FORMAT) throw fail(`unknown format ${stored[0]} or too short (${stored.length} bytes)`);
  const view = new DataView(stored.buffer, stored.byteOffset, stored.length);
  const headerEnd = PREAMBLE + view.getUint32(HEADER_LENGTH_AT, true);
  const metaAt = PREAMBLE + META_LENGTH_BYTES;
  const metaEnd = metaAt + view.getUint32(PREAMBLE, true);
  if (headerEnd > stored.length || metaEnd > headerEnd) throw fail('its header runs past it');
  let meta: Record<string, unknown>;
  try {
    meta = JSON.parse(stored.toString('utf8', metaAt, metaEnd)) as Record<string, unknown>;
  } catch (cause) {
    throw fail('its JSON part does not parse', cause);
  }
  const count = (name: string): number => {
    const n = meta[name];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw fail(`the count of ${name} is ${JSON.stringify(n)}`);
    return n;
  };
  const nTerms = count('terms');
  const nNames = count('entities');
  const nSurfaces = count('surfaces');
  const strings = nTerms + nNames + 2 * nSurfaces;
  let lengthAt = metaEnd;
  const textAt = lengthAt + strings * STRING_LENGTH_BYTES;
  if (textAt > headerEnd) throw fail('its string lengths run past its header');
  const valuesAt = Math.ceil(headerEnd / WEIGHT_BYTES) * WEIGHT_BYTES;
  if (valuesAt + (nTerms + nNames) * WEIGHT_BYTES !== stored.length)
    throw fail(`it holds ${stored.length} bytes, its header describes ${valuesAt + (nTerms + nNames) * WEIGHT_BYTES}`);
  const text = stored.toString('utf8', textAt, headerEnd);
  let textPos = 0;
  const take = (): string => {
    const length = view.getUint16(lengthAt, true);
    lengthAt += STRING_LENGTH_BYTES;
    const s = text.slice(textPos, textPos + length);
    textPos += length;
    return s;
  };
  let weightAt = valuesAt;
  // Plain objects, as JSON.parse makes them.
  const weighted = (n: number): Record<string, number> => {
    const rec: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      rec[take()] = view.getFloat64(weightAt, true);
      weightAt += WEIGHT_BYTES;
    }
    return rec;
  };
  const terms = weighted(nTerms);
  const entities = weighted(nNames);
  const keys: string[] = new Array(nSurfaces);
  for (let i = 0; i < nSurfaces; i++) keys[i] = take();
  const surfaces: Record<string, string> = {};
  for (let i = 0; i < nSurfaces; i++) surfaces[keys[i] as string] = take();
  if (textPos !== text.length) throw fail(`its strings take ${textPos} of ${text.length} characters`);
  // Put back in the places the counts hold, so the features' keys keep their order.
  meta.terms = terms;
  meta.entities = entities;
  meta.surfaces = surfaces;
  return meta as unknown as Features;
}

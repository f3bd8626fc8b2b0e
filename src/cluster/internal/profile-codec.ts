/**
 * The stored form of a profile (cluster_profiles.profile). Two profiles are written per assignment (the event's and
 * its storyline's, ~7 KB of JSON each) and profiles missing from the cache are read back; as JSON, printing and
 * parsing ~300 doubles cost ~50 µs each way per profile. This form keeps the keys and surfaces as JSON strings and
 * the weights as raw 8-byte doubles, so a profile reads back bit for bit (no decimal round trip) and its records keep
 * their key order (every record is refilled in the order it was written; see decodeProfile).
 *
 * Layout: byte 0 the format; bytes 4–7 the byte length H of the header (little-endian uint32); the header; zero
 * padding to a multiple of 8; then the weights of the records in RECORDS order, each in its key order.
 * The header holds the keys of each record in RECORDS order (none for an absent `mentions`), the surfaces' keys and
 * forms (in their key order), n, tLo and tHi:
 * - format 3 (written now): a uint32 length L, then L bytes of JSON [key count of each record (null for an absent
 *   `mentions`), surface count, n, tLo, tHi], then each string's length in UTF-16 units (uint16 each, in the order
 *   above: record keys, surface keys, forms), then all the strings end to end as UTF-8. Printing ~450 strings as JSON
 *   was most of the encoding's time; joining them and listing their lengths takes about half as long.
 * - format 2 (written when a string does not fit format 3: a surrogate, which UTF-8 cannot carry alone, or a string
 *   of 65,536 or more units): UTF-8 JSON [keys of each record (null for an absent `mentions`), surface keys, surface
 *   forms, n, tLo, tHi].
 * - format 1 (written before 2026-11-21): as format 2 with the surfaces as one JSON object instead of the two lists
 *   (printing and parsing a ~120-key object is the slow case of JSON, and parsing it built a throw-away hidden class
 *   per key).
 * All three read. Stores written before any of them hold JSON text, which `decodeProfile` hands to `parseProfile`.
 */
import { dict } from './dict.js';
import { type Profile, parseProfile } from './profile.js';
import { keysOf } from './record-facts.js';

/** First byte of the binary form as written now (a JSON profile starts with `{`, 0x7b). Bump it if the layout ever changes. */
const FORMAT = 3;
/** First byte of the form with a JSON header of string lists, written when a string does not fit FORMAT. */
const FORMAT_JSON_LISTS = 2;
/** First byte of the binary form written before 2026-11-21 (surfaces as one JSON object in the header); still read. */
const FORMAT_SURFACES_OBJECT = 1;
/** Longest string FORMAT stores (its lengths are uint16). */
const MAX_PACKED_STRING = 0xffff;
/** Bytes of a stored string length in FORMAT, and of the meta length before it. */
const STRING_LENGTH_BYTES = 2;
const META_LENGTH_BYTES = 4;
/** A UTF-16 surrogate: a string holding one goes to FORMAT_JSON_LISTS (UTF-8 cannot carry a lone one). */
const SURROGATE = /[\uD800-\uDFFF]/;
/** Bytes before the header: the format byte, three spare bytes, and the header length. */
const PREAMBLE = 8;
/** Byte offset of the header length within the preamble. */
const HEADER_LENGTH_AT = 4;
/** Size of one stored weight (a little-endian double). */
const WEIGHT_BYTES = 8;

/** The number-valued records, in stored order. `mentions` may be absent (profiles stored before it was kept). */
const RECORDS = ['terms', 'entities', 'numbers', 'dates', 'mentions', 'langs'] as const;
type RecordName = (typeof RECORDS)[number];

/** The header of format 1; formats 2 and 3 read as this with two string lists (surface keys, then forms) for the surfaces object. */
type Header = [...keys: (string[] | null)[], surfaces: Record<string, string>, n: number, tLo: number | null, tHi: number | null];

export class ProfileCodecError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProfileCodecError';
  }
}

function recordOf(p: Profile, name: RecordName): Record<string, number> | undefined {
  return p[name] as Record<string, number> | undefined;
}

/** Key lists of the records (RECORDS order), then the surface keys and the forms: the strings of the header, in order. */
const LISTS = RECORDS.length + 2;

/** Most bytes of UTF-8 one UTF-16 unit takes (a surrogate pair, two units, takes four). */
const UTF8_PER_UNIT = 3;
/** Size the shared write buffer starts at (grown to fit, by doubling): the 100k probe's saved profiles average 9.3 KB. */
const SHARED_START_BYTES = 64 * 1024;
let shared = Buffer.allocUnsafe(SHARED_START_BYTES);

/** The shared write buffer, at least `bytes` long. */
function sharedRoom(bytes: number): Buffer {
  if (shared.length < bytes) shared = Buffer.allocUnsafe(Math.max(bytes, 2 * shared.length));
  return shared;
}

/** The profile in its stored binary form (see encodeShared). */
export function encodeProfile(p: Profile): Buffer {
  const out = encodeShared(p);
  return out.buffer === shared.buffer ? Buffer.from(out) : out;
}

/**
 * The profile in its stored binary form (FORMAT; FORMAT_JSON_LISTS when a string does not fit it), written into one
 * buffer shared by every call: valid until the next call, for a caller that copies it at once (a statement binding a
 * blob copies it). With no buffer allocated per profile and no UTF-8 length taken first, encoding and binding the 400
 * latest profiles of the 100k store measured 17.8 against 20.8 µs each (2026-11-21). The header's strings are joined
 * once; text as long in UTF-8 bytes as in UTF-16 units is ASCII (every other character takes two bytes or more), so it
 * holds no surrogate, and only other text is searched for one. The same bytes as the writer before it
 * (test/cluster/profile-writer.test.ts); most of the encoding is looking up ~400 weights and ~120 forms by key.
 */
export function encodeShared(p: Profile): Buffer {
  const lists: (readonly string[] | null)[] = new Array(LISTS);
  let weights = 0;
  for (let i = 0; i < RECORDS.length; i++) {
    const r = recordOf(p, RECORDS[i] as RecordName);
    const keys = r === undefined ? null : keysOf(r);
    lists[i] = keys;
    if (keys) weights += keys.length;
  }
  const surfaceKeys = keysOf(p.surfaces);
  const forms: string[] = new Array(surfaceKeys.length);
  for (let i = 0; i < surfaceKeys.length; i++) forms[i] = p.surfaces[surfaceKeys[i] as string] as string;
  lists[RECORDS.length] = surfaceKeys;
  lists[RECORDS.length + 1] = forms;
  let strings = 0;
  let fits = true;
  let text = '';
  for (let l = 0; l < LISTS; l++) {
    const list = lists[l];
    if (!list) continue;
    strings += list.length;
    for (let i = 0; i < list.length; i++) if ((list[i] as string).length > MAX_PACKED_STRING) fits = false;
    text += list.join('');
  }
  if (!fits) return encodeJsonLists(p, lists, weights);
  const counts: (number | null)[] = new Array(RECORDS.length);
  for (let i = 0; i < RECORDS.length; i++) counts[i] = lists[i]?.length ?? null;
  // Counts, n, tLo and tHi: numbers and nulls, so ASCII.
  const meta = JSON.stringify([...counts, surfaceKeys.length, p.n, p.tLo, p.tHi]);
  const metaBytes = meta.length;
  const textAt = PREAMBLE + META_LENGTH_BYTES + metaBytes + strings * STRING_LENGTH_BYTES;
  const out = sharedRoom(textAt + text.length * UTF8_PER_UNIT + WEIGHT_BYTES + weights * WEIGHT_BYTES);
  const textBytes = out.write(text, textAt, 'utf8');
  if (textBytes !== text.length && SURROGATE.test(text)) return encodeJsonLists(p, lists, weights);
  const headerBytes = textAt + textBytes - PREAMBLE;
  const valuesAt = Math.ceil((textAt + textBytes) / WEIGHT_BYTES) * WEIGHT_BYTES;
  const view = new DataView(out.buffer, out.byteOffset, out.length);
  out.fill(0, 0, HEADER_LENGTH_AT);
  out[0] = FORMAT;
  view.setUint32(HEADER_LENGTH_AT, headerBytes, true);
  view.setUint32(PREAMBLE, metaBytes, true);
  let at = PREAMBLE + META_LENGTH_BYTES;
  at += out.write(meta, at, 'latin1');
  for (let l = 0; l < LISTS; l++) {
    const list = lists[l];
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      view.setUint16(at, (list[i] as string).length, true);
      at += STRING_LENGTH_BYTES;
    }
  }
  out.fill(0, textAt + textBytes, valuesAt);
  writeWeights(p, lists, view, valuesAt);
  return out.subarray(0, valuesAt + weights * WEIGHT_BYTES);
}

/** The weights of the records, each in its key order, as little-endian doubles from `at`. */
function writeWeights(p: Profile, lists: readonly (readonly string[] | null)[], view: DataView, at: number): void {
  for (let i = 0; i < RECORDS.length; i++) {
    const keys = lists[i];
    if (!keys) continue;
    const r = recordOf(p, RECORDS[i] as RecordName) as Record<string, number>;
    for (let j = 0; j < keys.length; j++) {
      const w = r[keys[j] as string];
      // A listed key with no weight: the record was changed outside the functions that keep its key list
      // (record-facts.ts); storing it would write NaN, so stop instead.
      if (w === undefined) throw new ProfileCodecError(`profile ${RECORDS[i]} key list is stale at ${JSON.stringify(keys[j])}`);
      view.setFloat64(at, w, true);
      at += WEIGHT_BYTES;
    }
  }
}

/** FORMAT_JSON_LISTS: the header as UTF-8 JSON [keys of each record, surface keys, forms, n, tLo, tHi]. */
function encodeJsonLists(p: Profile, lists: readonly (readonly string[] | null)[], weights: number): Buffer {
  const header = JSON.stringify([...lists, p.n, p.tLo, p.tHi]);
  const headerBytes = Buffer.byteLength(header);
  const valuesAt = Math.ceil((PREAMBLE + headerBytes) / WEIGHT_BYTES) * WEIGHT_BYTES;
  const out = Buffer.alloc(valuesAt + weights * WEIGHT_BYTES);
  out[0] = FORMAT_JSON_LISTS;
  out.writeUInt32LE(headerBytes, HEADER_LENGTH_AT);
  out.write(header, PREAMBLE, 'utf8');
  writeWeights(p, lists, new DataView(out.buffer, out.byteOffset, out.length), valuesAt);
  return out;
}

/** FORMAT's header (`bytes` long from `start`) read as the Header of format 2. */
function unpackStrings(buf: Buffer, start: number, bytes: number): Header {
  const end = start + bytes;
  const fail = (why: string) => new ProfileCodecError(`unreadable stored profile header: ${why}`);
  if (bytes < META_LENGTH_BYTES) throw fail('too short');
  const metaBytes = buf.readUInt32LE(start);
  const metaAt = start + META_LENGTH_BYTES;
  if (metaAt + metaBytes > end) throw fail('its counts run past it');
  let meta: unknown;
  try {
    meta = JSON.parse(buf.toString('utf8', metaAt, metaAt + metaBytes));
  } catch (cause) {
    throw new ProfileCodecError('unreadable stored profile header', { cause });
  }
  // The key count of each record (or null), the surface count, n, tLo, tHi.
  if (!Array.isArray(meta) || meta.length !== RECORDS.length + 4) throw fail('its counts are not a list of the expected length');
  const counts = meta.slice(0, RECORDS.length + 1) as (number | null)[];
  let strings = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (c === null && i < RECORDS.length) continue;
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 0) throw fail(`count ${i} is ${c}`);
    strings += i === RECORDS.length ? 2 * c : c;
  }
  let lengthAt = metaAt + metaBytes;
  const textAt = lengthAt + strings * STRING_LENGTH_BYTES;
  if (textAt > end) throw fail('its string lengths run past it');
  const text = buf.toString('utf8', textAt, end);
  let at = 0;
  const take = (n: number): string[] => {
    const out: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const length = buf.readUInt16LE(lengthAt);
      lengthAt += STRING_LENGTH_BYTES;
      out[i] = text.slice(at, at + length);
      at += length;
    }
    return out;
  };
  const lists: (string[] | null)[] = counts.slice(0, RECORDS.length).map((c) => (c === null ? null : take(c)));
  const surfaceCount = counts[RECORDS.length] as number;
  lists.push(take(surfaceCount), take(surfaceCount));
  if (at !== text.length) throw fail(`its strings take ${at} of ${text.length} characters`);
  return [...lists, meta[RECORDS.length + 1], meta[RECORDS.length + 2], meta[RECORDS.length + 3]] as unknown as Header;
}

function decodeBinary(buf: Buffer): Profile {
  const format = buf[0];
  if (buf.length < PREAMBLE || (format !== FORMAT && format !== FORMAT_JSON_LISTS && format !== FORMAT_SURFACES_OBJECT))
    throw new ProfileCodecError(`unknown stored profile format ${format}`);
  const headerBytes = buf.readUInt32LE(HEADER_LENGTH_AT);
  if (PREAMBLE + headerBytes > buf.length) throw new ProfileCodecError(`stored profile header of ${headerBytes} bytes runs past its ${buf.length} bytes`);
  let header: Header;
  if (format === FORMAT) header = unpackStrings(buf, PREAMBLE, headerBytes);
  else
    try {
      header = JSON.parse(buf.toString('utf8', PREAMBLE, PREAMBLE + headerBytes)) as Header;
    } catch (cause) {
      throw new ProfileCodecError('unreadable stored profile header', { cause });
    }
  // Format 1 holds one surfaces object after the key lists, formats 2 and 3 two lists; then n, tLo, tHi.
  const entries = RECORDS.length + (format === FORMAT_SURFACES_OBJECT ? 1 : 2) + 3;
  if (!Array.isArray(header) || header.length !== entries)
    throw new ProfileCodecError(`stored profile header of format ${format} holds ${Array.isArray(header) ? header.length : 'no'} entries, not ${entries}`);
  let at = Math.ceil((PREAMBLE + headerBytes) / WEIGHT_BYTES) * WEIGHT_BYTES;
  let weights = 0;
  for (let i = 0; i < RECORDS.length; i++) weights += (header[i] as string[] | null)?.length ?? 0;
  if (at + weights * WEIGHT_BYTES !== buf.length)
    throw new ProfileCodecError(`stored profile holds ${buf.length} bytes, its header describes ${at + weights * WEIGHT_BYTES}`);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.length);
  const p = {} as Record<string, unknown>;
  for (let i = 0; i < RECORDS.length; i++) {
    const keys = header[i] as string[] | null;
    // An absent `mentions` stays absent, as parseProfile leaves it; any other absent record reads back empty, as there.
    if (keys === null && RECORDS[i] === 'mentions') continue;
    const r = dict<number>();
    if (keys)
      for (let j = 0; j < keys.length; j++) {
        r[keys[j] as string] = view.getFloat64(at, true);
        at += WEIGHT_BYTES;
      }
    p[RECORDS[i] as RecordName] = r;
  }
  const surfaces = dict<string>();
  let rest = RECORDS.length;
  if (format === FORMAT_SURFACES_OBJECT) {
    const stored = header[rest++];
    if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) throw new ProfileCodecError('stored profile header holds no surfaces object');
    Object.assign(surfaces, stored);
  } else {
    const keys = header[rest++] as unknown as string[];
    const forms = header[rest++] as unknown as string[];
    if (!Array.isArray(keys) || !Array.isArray(forms) || keys.length !== forms.length)
      throw new ProfileCodecError('stored profile header holds unequal lists of surface keys and forms');
    for (let i = 0; i < keys.length; i++) surfaces[keys[i] as string] = forms[i] as string;
  }
  return {
    terms: p.terms as Record<string, number>,
    entities: p.entities as Record<string, number>,
    numbers: p.numbers as Record<string, number>,
    dates: p.dates as Record<string, number>,
    ...(p.mentions === undefined ? {} : { mentions: p.mentions as Record<string, number> }),
    langs: p.langs as Record<string, number>,
    n: header[rest] as number,
    tLo: header[rest + 1] as number | null,
    tHi: header[rest + 2] as number | null,
    surfaces,
  } as Profile;
}

/** A stored profile read back: the binary form, or JSON text written before it. */
export function decodeProfile(stored: Buffer | string): Profile {
  return typeof stored === 'string' ? parseProfile(stored) : decodeBinary(stored);
}

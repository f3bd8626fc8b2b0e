/**
 * The stored form of a profile (cluster_profiles.profile). Two profiles are written per assignment (the event's and
 * its storyline's, ~7 KB of JSON each) and profiles missing from the cache are read back; as JSON, printing and
 * parsing ~300 doubles cost ~50 µs each way per profile. This form keeps the keys and surfaces as JSON strings and
 * the weights as raw 8-byte doubles, so a profile reads back bit for bit (no decimal round trip) and its records keep
 * their key order (every record is refilled in the order it was written; see decodeProfile).
 *
 * Layout: byte 0 the format; bytes 4–7 the byte length H of the header (UTF-8 JSON, little-endian uint32); the header;
 * zero padding to a multiple of 8; then the weights of the records in RECORDS order, each in its key order.
 * Header of format 2 (written now): [keys of each record in RECORDS order (null for an absent `mentions`), surface
 * keys, surface forms (in the surfaces' key order), n, tLo, tHi]. Format 1 (written before 2026-11-21) held the
 * surfaces as one JSON object instead of the two lists: printing and parsing a ~120-key object is the slow case of
 * JSON (it measured ~40 µs to print, against ~4 µs for a list of as many strings, node 20), and parsing it built a
 * throw-away hidden class per key. Both formats read. Stores written before either hold JSON text, which
 * `decodeProfile` hands to `parseProfile`.
 */
import { dict } from './dict.js';
import { type Profile, parseProfile } from './profile.js';
import { keysOf } from './record-facts.js';

/** First byte of the binary form as written now (a JSON profile starts with `{`, 0x7b). Bump it if the layout ever changes. */
const FORMAT = 2;
/** First byte of the binary form written before FORMAT 2 (surfaces as one JSON object in the header); still read. */
const FORMAT_SURFACES_OBJECT = 1;
/** Bytes before the header: the format byte, three spare bytes, and the header length. */
const PREAMBLE = 8;
/** Byte offset of the header length within the preamble. */
const HEADER_LENGTH_AT = 4;
/** Size of one stored weight (a little-endian double). */
const WEIGHT_BYTES = 8;

/** The number-valued records, in stored order. `mentions` may be absent (profiles stored before it was kept). */
const RECORDS = ['terms', 'entities', 'numbers', 'dates', 'mentions', 'langs'] as const;
type RecordName = (typeof RECORDS)[number];

/** Format 1's header; format 2 has two string lists (surface keys, then forms) where this has the surfaces object. */
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

/** The profile in its stored binary form (FORMAT). */
export function encodeProfile(p: Profile): Buffer {
  const keyLists: (string[] | null)[] = [];
  let weights = 0;
  for (const name of RECORDS) {
    const r = recordOf(p, name);
    const keys = r === undefined ? null : keysOf(r);
    keyLists.push(keys);
    if (keys) weights += keys.length;
  }
  const surfaceKeys = keysOf(p.surfaces);
  const forms: string[] = new Array(surfaceKeys.length);
  for (let i = 0; i < surfaceKeys.length; i++) forms[i] = p.surfaces[surfaceKeys[i] as string] as string;
  const header = JSON.stringify([...keyLists, surfaceKeys, forms, p.n, p.tLo, p.tHi]);
  const headerBytes = Buffer.byteLength(header);
  const valuesAt = Math.ceil((PREAMBLE + headerBytes) / WEIGHT_BYTES) * WEIGHT_BYTES;
  const out = Buffer.alloc(valuesAt + weights * WEIGHT_BYTES);
  out[0] = FORMAT;
  out.writeUInt32LE(headerBytes, HEADER_LENGTH_AT);
  out.write(header, PREAMBLE, 'utf8');
  const view = new DataView(out.buffer, out.byteOffset, out.length);
  let at = valuesAt;
  for (let i = 0; i < RECORDS.length; i++) {
    const keys = keyLists[i];
    if (!keys) continue;
    const r = recordOf(p, RECORDS[i] as RecordName) as Record<string, number>;
    for (let j = 0; j < keys.length; j++) {
      view.setFloat64(at, r[keys[j] as string] as number, true);
      at += WEIGHT_BYTES;
    }
  }
  return out;
}

function decodeBinary(buf: Buffer): Profile {
  const format = buf[0];
  if (buf.length < PREAMBLE || (format !== FORMAT && format !== FORMAT_SURFACES_OBJECT)) throw new ProfileCodecError(`unknown stored profile format ${format}`);
  const headerBytes = buf.readUInt32LE(HEADER_LENGTH_AT);
  let header: Header;
  try {
    header = JSON.parse(buf.toString('utf8', PREAMBLE, PREAMBLE + headerBytes)) as Header;
  } catch (cause) {
    throw new ProfileCodecError('unreadable stored profile header', { cause });
  }
  // Format 1 holds one surfaces object after the key lists, format 2 two lists; then n, tLo, tHi.
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

// Frozen copy of src/cluster/internal/profile-codec.ts as of 849ec7a (2026-11-21): the reference test/cluster/profile-exact.test.ts
// compares the current profile code with. Do not edit; it is the old behaviour, not live code.
/**
 * The stored form of a profile (cluster_profiles.profile). Two profiles are written per assignment (the event's and
 * its storyline's, ~7 KB of JSON each) and profiles missing from the cache are read back; as JSON, printing and
 * parsing ~300 doubles cost ~50 µs each way per profile. This form keeps the keys and surfaces as JSON strings and
 * the weights as raw 8-byte doubles, so a profile reads back bit for bit (no decimal round trip) and its records keep
 * their key order (every record is refilled in the order it was written; see decodeProfile).
 *
 * Layout: byte 0 FORMAT; bytes 4–7 the byte length H of the header (UTF-8 JSON, little-endian uint32); the header;
 * zero padding to a multiple of 8; then the weights of the records in RECORDS order, each in its key order.
 * Header: [keys of each record in RECORDS order (null for an absent `mentions`), surfaces (key → form), n, tLo, tHi].
 * Stores written before this form hold JSON text, which `decodeProfile` hands to `parseProfile`.
 */
import { dict } from './dict.js';
import { type Profile, parseProfile } from './profile.js';

/** First byte of the binary form (a JSON profile starts with `{`, 0x7b). Bump it if the layout ever changes. */
const FORMAT = 1;
/** Bytes before the header: the format byte, three spare bytes, and the header length. */
const PREAMBLE = 8;
/** Byte offset of the header length within the preamble. */
const HEADER_LENGTH_AT = 4;
/** Size of one stored weight (a little-endian double). */
const WEIGHT_BYTES = 8;

/** The number-valued records, in stored order. `mentions` may be absent (profiles stored before it was kept). */
const RECORDS = ['terms', 'entities', 'numbers', 'dates', 'mentions', 'langs'] as const;
type RecordName = (typeof RECORDS)[number];

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

/** The profile in its stored binary form. */
export function encodeProfile(p: Profile): Buffer {
  const keyLists: (string[] | null)[] = [];
  let weights = 0;
  for (const name of RECORDS) {
    const r = recordOf(p, name);
    const keys = r === undefined ? null : Object.keys(r);
    keyLists.push(keys);
    if (keys) weights += keys.length;
  }
  const header = JSON.stringify([...keyLists, p.surfaces, p.n, p.tLo, p.tHi]);
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
    for (const k of keys) {
      view.setFloat64(at, r[k] as number, true);
      at += WEIGHT_BYTES;
    }
  }
  return out;
}

function decodeBinary(buf: Buffer): Profile {
  if (buf.length < PREAMBLE || buf[0] !== FORMAT) throw new ProfileCodecError(`unknown stored profile format ${buf[0]}`);
  const headerBytes = buf.readUInt32LE(HEADER_LENGTH_AT);
  let header: Header;
  try {
    header = JSON.parse(buf.toString('utf8', PREAMBLE, PREAMBLE + headerBytes)) as Header;
  } catch (cause) {
    throw new ProfileCodecError('unreadable stored profile header', { cause });
  }
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
    for (const k of keys ?? []) {
      r[k] = view.getFloat64(at, true);
      at += WEIGHT_BYTES;
    }
    p[RECORDS[i] as RecordName] = r;
  }
  const surfaces = Object.assign(dict<string>(), header[RECORDS.length] as Record<string, string>);
  return {
    terms: p.terms as Record<string, number>,
    entities: p.entities as Record<string, number>,
    numbers: p.numbers as Record<string, number>,
    dates: p.dates as Record<string, number>,
    ...(p.mentions === undefined ? {} : { mentions: p.mentions as Record<string, number> }),
    langs: p.langs as Record<string, number>,
    n: header[RECORDS.length + 1] as number,
    tLo: header[RECORDS.length + 2] as number | null,
    tHi: header[RECORDS.length + 3] as number | null,
    surfaces,
  } as Profile;
}

/** A stored profile read back: the binary form, or JSON text written before it. */
export function decodeProfile(stored: Buffer | string): Profile {
  return typeof stored === 'string' ? parseProfile(stored) : decodeBinary(stored);
}

// Frozen copy of the format-3 encoder of src/cluster/internal/profile-codec.ts as of f0be154 (2026-11-21): the reference
// test/cluster/profile-writer.test.ts compares the current writer's bytes with. Do not edit; it is the old behaviour,
// not live code (the decoder is left out: the live one reads both).
import type { Profile } from '../../../src/cluster/internal/profile.js';
import { keysOf } from '../../../src/cluster/internal/record-facts.js';

/** First byte of the binary form as written now (a JSON profile starts with `{`, 0x7b). Bump it if the layout ever changes. */
const FORMAT = 3;
/** First byte of the form with a JSON header of string lists, written when a string does not fit FORMAT. */
const FORMAT_JSON_LISTS = 2;
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
  const packed = packStrings(keyLists, surfaceKeys, forms, p);
  const header = packed ?? JSON.stringify([...keyLists, surfaceKeys, forms, p.n, p.tLo, p.tHi]);
  const headerBytes = packed ? packed.bytes : Buffer.byteLength(header as string);
  const valuesAt = Math.ceil((PREAMBLE + headerBytes) / WEIGHT_BYTES) * WEIGHT_BYTES;
  const out = Buffer.alloc(valuesAt + weights * WEIGHT_BYTES);
  out[0] = packed ? FORMAT : FORMAT_JSON_LISTS;
  out.writeUInt32LE(headerBytes, HEADER_LENGTH_AT);
  if (packed) packed.write(out, PREAMBLE);
  else out.write(header as string, PREAMBLE, 'utf8');
  const view = new DataView(out.buffer, out.byteOffset, out.length);
  let at = valuesAt;
  for (let i = 0; i < RECORDS.length; i++) {
    const keys = keyLists[i];
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
  return out;
}

/** FORMAT's header for these lists, or null when a string does not fit it (see SURROGATE, MAX_PACKED_STRING). */
function packStrings(
  keyLists: (string[] | null)[],
  surfaceKeys: string[],
  forms: string[],
  p: Profile,
): { bytes: number; write: (out: Buffer, at: number) => void } | null {
  const lists = [...keyLists, surfaceKeys, forms];
  let count = 0;
  let text = '';
  for (const list of lists) {
    if (!list) continue;
    count += list.length;
    for (let i = 0; i < list.length; i++) if ((list[i] as string).length > MAX_PACKED_STRING) return null;
    text += list.join('');
  }
  if (SURROGATE.test(text)) return null;
  const meta = JSON.stringify([...keyLists.map((l) => (l ? l.length : null)), surfaceKeys.length, p.n, p.tLo, p.tHi]);
  const metaBytes = Buffer.byteLength(meta);
  const textBytes = Buffer.byteLength(text);
  return {
    bytes: META_LENGTH_BYTES + metaBytes + count * STRING_LENGTH_BYTES + textBytes,
    write(out, start) {
      let at = out.writeUInt32LE(metaBytes, start);
      at += out.write(meta, at, 'utf8');
      const view = new DataView(out.buffer, out.byteOffset, out.length);
      for (const list of lists)
        if (list)
          for (let i = 0; i < list.length; i++) {
            view.setUint16(at, (list[i] as string).length, true);
            at += STRING_LENGTH_BYTES;
          }
      out.write(text, at, 'utf8');
    },
  };
}

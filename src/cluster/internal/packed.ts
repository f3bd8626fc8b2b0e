/**
 * A profile packed for the fast scorer (fastscore.ts): its keys as document-frequency cells and its weights as a
 * typed array, in three segments (terms, names, numbers). Built once per profile version and cached on its row; when
 * a saved row is packed again, the cells of the keys it kept are taken from its previous packing (repack).
 */
import type { DfCell, DfCells, KeyPrefix } from './dfcells.js';
import type { Profile } from './profile.js';
import { keysOf } from './record-facts.js';

/** A profile's keys as cells in three segments: terms [0, eStart), names [eStart, nStart), numbers [nStart, end). */
export interface Packed {
  readonly epoch: number;
  readonly cells: DfCell[];
  readonly w: Float64Array;
  readonly eStart: number;
  readonly nStart: number;
  /** The bare keys packed, per segment (terms, names, numbers), in packing order: what a repack matches against. */
  readonly keys: readonly [readonly string[], readonly string[], readonly string[]];
}

/**
 * How far down the previous packing a repack looks for a key past the last one it matched. A profile changes between
 * packings by keys deleted in place (spent or trimmed: a trim drops a third of the terms), and keys appended at the
 * end (new keys, and the ties a trim kept, in key order). The kept keys are found in order a few places on; appended
 * keys are not found and cost the whole window each, so it is kept short. Measured on the 100k probe (2026-11-21,
 * 2,000 articles): a window of 32 took 71% of the repacks' cells from the earlier packing; searching the whole earlier
 * packing both ways 83% (the rest are new keys), for a search quadratic in the profile size.
 * Session 7 (2026-11-22, same probe, warm-up included): 3,284 packs, 2,554 from an earlier packing; 309k cells taken
 * from it and 240k looked up, 49k of those (41% of the lookups of repacks) keys of the earlier packing beyond the window.
 * A lookup that finds its cell costs ~0.2 µs, so a wider search would save ~2 µs a pack; the SQL (preload) is the ~150
 * rows read cold, whose keys have no cell in memory yet.
 */
const REPACK_WINDOW = 32;

/** Where each key's cell is found: `peek` for terms, the bare-name lookup for names and numbers. */
type Finder = (cells: DfCells, name: string) => DfCell | undefined;
const findTerm: Finder = (cells, k) => cells.peek(k);
const prefixFinder =
  (prefix: KeyPrefix): Finder =>
  (cells, k) =>
    cells.peekPrefixed(prefix, k);
const findName = prefixFinder('e:');
const findNumber = prefixFinder('n:');

/**
 * Appends the cells of `keys` to `out` (undefined, noted in `missing`, where not in memory). With `was` (the same
 * segment of an earlier packing in the current epoch, its cells from `wasCells[wasFrom]` on) a key found there, in
 * order, takes its cell from it: a cell is the one object of its key within an epoch, so this is what the lookup gives.
 */
function segment(
  keys: readonly string[],
  cells: DfCells,
  find: Finder,
  out: (DfCell | undefined)[],
  missing: number[],
  was: readonly string[] | undefined,
  wasCells: readonly DfCell[],
  wasFrom: number,
): void {
  let j = 0;
  const wasLength = was === undefined ? 0 : was.length;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    let c: DfCell | undefined;
    if (j < wasLength) {
      const w = was as readonly string[];
      const end = Math.min(wasLength, j + REPACK_WINDOW);
      let m = j;
      while (m < end && w[m] !== k) m++;
      if (m < end) {
        c = wasCells[wasFrom + m];
        j = m + 1;
      }
    }
    if (c === undefined) {
      c = find(cells, k);
      if (c === undefined) missing.push(out.length);
    }
    out.push(c);
  }
}

/**
 * Packs a profile: one pass over its keys in packing order (packKeys), names and numbers looked up by their bare
 * name (DfCells.peekPrefixed), or, given `before` (an earlier packing of the same row in the current epoch), taken
 * from it where the key is still there; keys not in memory are then loaded with one point lookup each
 * (DfCells.preload), as cellsOf(packKeys(p)) would.
 * `listed`: the records' key lists come from record-facts (keysOf, copied: those lists change with the record),
 * for a row's profile, which changes only through the functions that keep them. Otherwise they are listed with
 * Object.keys, in for…in order: on the records' dictionary-mode objects a for…in re-checks each key as it goes, and
 * packing 225 terms measured 26 µs against 34 µs (node 20, 200 random records).
 */
export function pack(p: Profile, cells: DfCells, before?: Packed, listed = false): Packed {
  const terms = listed ? keysOf(p.terms).slice() : Object.keys(p.terms);
  const names = listed ? keysOf(p.entities).slice() : Object.keys(p.entities);
  const numbers = listed ? keysOf(p.numbers).slice() : Object.keys(p.numbers);
  const eStart = terms.length;
  const nStart = eStart + names.length;
  const out: (DfCell | undefined)[] = [];
  const missing: number[] = [];
  const was = before !== undefined && before.epoch === cells.epoch ? before : null;
  const wasCells = was === null ? [] : was.cells;
  segment(terms, cells, findTerm, out, missing, was?.keys[0], wasCells, 0);
  segment(names, cells, findName, out, missing, was?.keys[1], wasCells, was === null ? 0 : was.eStart);
  segment(numbers, cells, findNumber, out, missing, was?.keys[2], wasCells, was === null ? 0 : was.nStart);
  const w = new Float64Array(nStart + numbers.length);
  for (let i = 0; i < terms.length; i++) w[i] = p.terms[terms[i] as string] as number;
  for (let i = 0; i < names.length; i++) w[eStart + i] = p.entities[names[i] as string] as number;
  // Numbers count once each, as in score(): a set, not a weighted vector.
  w.fill(1, nStart);
  if (missing.length > 0) {
    // The full key at a packing position (as packKeys gives it).
    const keyAt = (i: number): string => (i < eStart ? (terms[i] as string) : i < nStart ? `e:${names[i - eStart]}` : `n:${numbers[i - nStart]}`);
    const keys = missing.map(keyAt);
    cells.preload(keys);
    for (let m = 0; m < missing.length; m++) out[missing[m] as number] = cells.cell(keys[m] as string);
  }
  return { epoch: cells.epoch, cells: out as DfCell[], w, eStart, nStart, keys: [terms, names, numbers] };
}

/** Keys a profile packs to, in packing order: terms, `e:` names, `n:` numbers. */
export function packKeys(p: Profile): string[] {
  const out: string[] = [];
  for (const k in p.terms) out.push(k);
  for (const k in p.entities) out.push(`e:${k}`);
  for (const k in p.numbers) out.push(`n:${k}`);
  return out;
}

/** Packs a profile that is not cached on a row (missing cells are loaded with one query). */
export function packFresh(p: Profile, cells: DfCells): Packed {
  return pack(p, cells);
}

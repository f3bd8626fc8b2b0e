/**
 * A profile packed for the fast scorer (fastscore.ts): its keys as document-frequency cells and its weights as a
 * typed array, in three segments (terms, names, numbers). Built once per profile version and cached on its row.
 */
import type { DfCell, DfCells } from './dfcells.js';
import type { Profile } from './profile.js';

/** A profile's keys as cells in three segments: terms [0, eStart), names [eStart, nStart), numbers [nStart, end). */
export interface Packed {
  readonly epoch: number;
  readonly cells: DfCell[];
  readonly w: Float64Array;
  readonly eStart: number;
  readonly nStart: number;
}

export function pack(p: Profile, cells: DfCells): Packed {
  const t = Object.entries(p.terms);
  const e = Object.entries(p.entities);
  const n = Object.keys(p.numbers);
  const size = t.length + e.length + n.length;
  const out: DfCell[] = new Array(size);
  const w = new Float64Array(size);
  let i = 0;
  for (const [k, x] of t) {
    out[i] = cells.cell(k);
    w[i++] = x;
  }
  for (const [k, x] of e) {
    out[i] = cells.cell(`e:${k}`);
    w[i++] = x;
  }
  // Numbers count once each, as in score(): a set, not a weighted vector.
  for (const k of n) {
    out[i] = cells.cell(`n:${k}`);
    w[i++] = 1;
  }
  return { epoch: cells.epoch, cells: out, w, eStart: t.length, nStart: t.length + e.length };
}

/** Keys a profile packs to (for loading their cells in one query). */
export function packKeys(p: Profile): string[] {
  return [...Object.keys(p.terms), ...Object.keys(p.entities).map((k) => `e:${k}`), ...Object.keys(p.numbers).map((k) => `n:${k}`)];
}

/** Packs a profile that is not cached on a row, loading the cells it needs with one query. */
export function packFresh(p: Profile, cells: DfCells): Packed {
  cells.preload(packKeys(p));
  return pack(p, cells);
}

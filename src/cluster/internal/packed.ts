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
  const keys = packKeys(p);
  const eStart = Object.keys(p.terms).length;
  const nStart = eStart + Object.keys(p.entities).length;
  const w = new Float64Array(keys.length);
  let i = 0;
  for (const k in p.terms) w[i++] = p.terms[k] as number;
  for (const k in p.entities) w[i++] = p.entities[k] as number;
  // Numbers count once each, as in score(): a set, not a weighted vector.
  w.fill(1, i);
  return { epoch: cells.epoch, cells: cells.cellsOf(keys), w, eStart, nStart };
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

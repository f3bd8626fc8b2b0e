/**
 * Adding one article's unit-length term or name vector into a profile record, and the trim that usually follows it,
 * done together (profile.ts addToProfile). Exactly what adding every key and then trimming (trimInPlace) gives: the
 * same keys, weights and key order; what changes is the work. Measured on the synthetic stream (2026-11-21), an event
 * profile's terms are trimmed on ~78% of additions, from ~247 keys back to 150: most of the ~97 keys dropped are keys
 * the article brought in (one article's weight against several), each added to the dictionary-mode record only to be
 * deleted again (a `delete` is a runtime call in V8). Here the cut-off is found first and a new key is written only if
 * it is kept.
 */
import { featureKeys } from './key-order.js';
import { appendKey, forgetKeys, isIndexKey, keysOf, renoteKeys } from './record-facts.js';
import { nthSmallest } from './top-keys.js';

/**
 * An article record's weights scaled to unit length (times a sign), in the key order of the record: an article is
 * added to its event and then to its storyline, so the second addition reuses the first one's key list, norm and
 * products instead of reading every weight out of the dictionary-mode record twice more. Scaled.w[i] is exactly the
 * `v[k] * scale` the addition used to compute (the norm summed in the same key order).
 */
interface Scaled {
  v: Record<string, number> | null;
  sign: number;
  keys: readonly string[];
  w: Float64Array<ArrayBuffer>;
}

/**
 * Records remembered: an addition scales two (terms, names) and the next addition of the same article reads them
 * back; four slots leave room for a caller alternating two articles. Features are never edited once built
 * (key-order.ts), so a record met again by identity has the same weights.
 */
const SCALED_SLOTS = 4;
/** Initial length of the scratch buffers (an article's terms, a trimmed record's keys; grown on demand). */
const SCRATCH_START = 256;
const scaledSlots: Scaled[] = Array.from({ length: SCALED_SLOTS }, () => ({ v: null, sign: 0, keys: [], w: new Float64Array(SCRATCH_START) }));
let scaledNext = 0;

/** A buffer of at least `n` elements: `buf` itself, or a larger one. */
function room(buf: Float64Array<ArrayBuffer>, n: number): Float64Array<ArrayBuffer> {
  return buf.length >= n ? buf : new Float64Array(Math.max(n, 2 * buf.length));
}

/** The unit-scaled weights of `v` times `sign`, from a slot when `v` was just scaled with that sign. */
function scaledOf(v: Record<string, number>, sign: number): Scaled {
  for (let i = 0; i < SCALED_SLOTS; i++) {
    const x = scaledSlots[i] as Scaled;
    if (x.v === v && x.sign === sign) return x;
  }
  const slot = scaledSlots[scaledNext] as Scaled;
  scaledNext = (scaledNext + 1) % SCALED_SLOTS;
  const keys = featureKeys(v);
  slot.w = room(slot.w, keys.length);
  const w = slot.w;
  let s = 0;
  for (let i = 0; i < keys.length; i++) {
    const x = v[keys[i] as string] as number;
    w[i] = x;
    s += x * x;
  }
  const scale = sign / (Math.sqrt(s) || 1);
  for (let i = 0; i < keys.length; i++) w[i] = (w[i] as number) * scale;
  slot.v = v;
  slot.sign = sign;
  slot.keys = keys;
  return slot;
}

/** Adds `v` scaled to unit length, times `sign`, into `into` (the key list and products from scaledOf). */
export function addUnit(into: Record<string, number>, v: Record<string, number>, sign: number): void {
  const { keys, w } = scaledOf(v, sign);
  const list = keysOf(into);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const was = into[k];
    // `0 + …` as `(into[k] ?? 0) + …` gave: a new key's weight is never -0.
    if (was === undefined) {
      into[k] = 0 + (w[i] as number);
      appendKey(into, list, k);
    } else into[k] = was + (w[i] as number);
  }
}

/** Scratch: the article keys' weights before the addition (NaN marks a key the record lacks; see `fresh`). */
let before = new Float64Array(SCRATCH_START);
/** Scratch: 1 where the article key is new to the record. */
let fresh = new Uint8Array(SCRATCH_START);
/** Scratch: the weights after the addition, record keys then new keys (and a copy for the selection). */
let after = new Float64Array(SCRATCH_START);
let pick = new Float64Array(SCRATCH_START);

/** Sorts `a` ascending by code units (as `a.sort()` for distinct strings): insertion sort, cheaper for the few dozen ties. */
function sortKeys(a: string[]): void {
  for (let i = 1; i < a.length; i++) {
    const x = a[i] as string;
    let j = i - 1;
    while (j >= 0 && (a[j] as string) > x) {
      a[j + 1] = a[j] as string;
      j--;
    }
    a[j + 1] = x;
  }
}

/**
 * addUnit(into, v, sign) then, once `into` holds more than `limit` keys, trimInPlace(into, keep) (profile.ts): the
 * same record (keys, weights, key order) and its noted key list. Returns the keys the record held before and lost
 * (dropped new keys were never added), or null when it stayed within `limit`. The order the record ends in is that of
 * the trim: the keys above the cut-off in order (the record's, then the new ones in the article's order), then the
 * kept ties sorted, every kept tie (re)added in that order. For additions only: a removal drops spent weights
 * between the two steps (profile.ts addToProfile keeps them apart there).
 * Considered and not done (2026-11-21, 100k probe counts over 4,663 trims): leaving in place the kept ties already
 * after every key above the cut-off and in key order (no delete and re-add): 0.5 ties a trim qualify of ~29 kept (in
 * 58% of trims a new key above the cut-off forces them all to move), not worth the bookkeeping.
 */
export function addUnitTrimmed(into: Record<string, number>, v: Record<string, number>, sign: number, keep: number, limit: number): string[] | null {
  const { keys: ak, w } = scaledOf(v, sign);
  const list = keysOf(into);
  const n = ak.length;
  if (before.length < n) {
    before = room(before, n);
    fresh = new Uint8Array(before.length);
  }
  let added = 0;
  for (let i = 0; i < n; i++) {
    const was = into[ak[i] as string];
    if (was === undefined) {
      fresh[i] = 1;
      added++;
    } else {
      fresh[i] = 0;
      before[i] = was;
    }
  }
  const held = list.length;
  const total = held + added;
  if (total <= limit) {
    for (let i = 0; i < n; i++) {
      const k = ak[i] as string;
      if (fresh[i] === 1) {
        into[k] = 0 + (w[i] as number);
        appendKey(into, list, k);
      } else into[k] = (before[i] as number) + (w[i] as number);
    }
    return null;
  }
  // The record's keys take their new weights (a dropped one is deleted below); then every weight is read in the
  // order trimInPlace would read it, the new keys' from the products.
  for (let i = 0; i < n; i++) if (fresh[i] === 0) into[ak[i] as string] = (before[i] as number) + (w[i] as number);
  after = room(after, total);
  pick = room(pick, total);
  for (let j = 0; j < held; j++) after[j] = into[list[j] as string] as number;
  for (let i = 0, j = held; i < n; i++) if (fresh[i] === 1) after[j++] = 0 + (w[i] as number);
  pick.set(after.subarray(0, total));
  const cutoff = nthSmallest(pick.subarray(0, total), total - keep);
  const left: string[] = [];
  const dropped: string[] = [];
  const ties: string[] = [];
  const newTies: string[] = [];
  for (let j = 0; j < held; j++) {
    const x = after[j] as number;
    const k = list[j] as string;
    if (x > cutoff) left.push(k);
    else if (x === cutoff) ties.push(k);
    else {
      delete into[k];
      dropped.push(k);
    }
  }
  let indexKey = false;
  for (let i = 0, j = held; i < n; i++) {
    if (fresh[i] === 0) continue;
    const x = after[j++] as number;
    const k = ak[i] as string;
    if (x > cutoff) {
      into[k] = x;
      left.push(k);
      indexKey ||= isIndexKey(k);
    } else if (x === cutoff) newTies.push(k);
  }
  // The ties in key order: the record's and the new ones, each sorted, merged (a new key is no key of the record).
  // A tie's weight is the cut-off itself (equal non-zero doubles are the same double), a zero's sign read back.
  sortKeys(ties);
  sortKeys(newTies);
  const above = left.length;
  for (let t = 0, a = 0, b = 0; a < ties.length || b < newTies.length; t++) {
    const old = b === newTies.length || (a < ties.length && (ties[a] as string) < (newTies[b] as string));
    const k = (old ? ties[a++] : newTies[b++]) as string;
    const kept = above + t < keep;
    if (old) {
      const was = cutoff === 0 ? (into[k] as number) : cutoff;
      delete into[k];
      if (kept) into[k] = was;
      else dropped.push(k);
    } else if (kept) {
      // A new key's weight `0 + w` is never -0 (the cut-off may be).
      into[k] = cutoff === 0 ? 0 : cutoff;
      indexKey ||= isIndexKey(k);
    }
    if (kept) left.push(k);
  }
  renoteKeys(into, list, left);
  if (indexKey) forgetKeys(into);
  return dropped;
}

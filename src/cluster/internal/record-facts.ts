/**
 * What the profile code knows about a profile's records without enumerating them. Enumerating a record (Object.keys,
 * for…in) is the dear part of profile upkeep: a 150–225-key dict() measured ~8 µs per Object.keys (node 20; V8 sorts
 * a dictionary's keys by insertion on every call), and each assignment used to enumerate the event's and storyline's
 * records ~10 times (sizes for the trims, the trims, the display-form clean-up, the stored form, the index keys).
 * The functions that change profile records (addToProfile, combineProfiles, the trims; copies) note here each
 * record's keys in the order Object.keys gives them, and keep that list up to date as they add and delete keys; they
 * also note whether a profile's display forms are known to be all in use. Facts are keyed by the record object
 * itself, so a record replaced by other code simply has none (and is listed once). Records must change only through
 * those functions (see Profile).
 */

/** Record → its keys in Object.keys order (a live list, changed only by the functions that change the record). */
const lists = new WeakMap<object, string[]>();
/** Surfaces record → the terms and entities records all of its keys were last checked against. */
const clean = new WeakMap<object, { terms: object; entities: object }>();

/** Largest array index + 1 (2³² − 1): keys that are array indices enumerate first, in numeric order. */
const INDEX_LIMIT = 4_294_967_295;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/**
 * Whether `k` is an array index ("0", "7", "2024"; not "07", "3.5" or "2024-05-01"): such keys enumerate ahead of
 * the others in numeric order, not where they were added, so a record holding one is not listed here.
 */
export function isIndexKey(k: string): boolean {
  const c = k.charCodeAt(0);
  if (c < DIGIT_0 || c > DIGIT_9) return false;
  if (k.length > 1 && c === DIGIT_0) return false;
  for (let i = 1; i < k.length; i++) {
    const d = k.charCodeAt(i);
    if (d < DIGIT_0 || d > DIGIT_9) return false;
  }
  return Number(k) < INDEX_LIMIT;
}

/**
 * The keys of `r` in Object.keys order: the noted list, or listed now and noted unless `r` holds an array-index key.
 * A function that changes `r` changes this list with it: appendKey for each key it adds; after deleting keys,
 * renoteKeys with the list left. Others must not change it.
 */
export function keysOf(r: object): string[] {
  const noted = lists.get(r);
  if (noted !== undefined) return noted;
  const keys = Object.keys(r);
  for (let i = 0; i < keys.length; i++) if (isIndexKey(keys[i] as string)) return keys;
  lists.set(r, keys);
  return keys;
}

/** The number of keys of `r`. */
export function keyCount(r: object): number {
  return keysOf(r).length;
}

/** After `k` was added to `r`: appends it to `keys` (from keysOf(r)); an array index makes the list no longer noted. */
export function appendKey(r: object, keys: string[], k: string): void {
  keys.push(k);
  if (isIndexKey(k)) lists.delete(r);
}

/** After keys were deleted from `r`: `left` (the keys of `keys` still in `r`, in order) replaces `keys` if that was noted. */
export function renoteKeys(r: object, keys: string[], left: string[]): void {
  if (lists.get(r) === keys) lists.set(r, left);
}

/** After keys were added to `r` in an order its noted list cannot follow (an array index): drops the list. */
export function forgetKeys(r: object): void {
  lists.delete(r);
}

/** For a copy `to` of `from` made in the order of `keys` (from keysOf(from)): notes a copy of the list if it was noted. */
export function copyKeys(from: object, keys: string[], to: object): void {
  if (lists.get(from) === keys) lists.set(to, keys.slice());
}

/** Notes that every key of `surfaces` is a key of `terms` or, without its two-character prefix, of `entities`. */
export function noteSurfacesInUse(surfaces: object, terms: object, entities: object): void {
  clean.set(surfaces, { terms, entities });
}

/** Whether every key of `surfaces` is known to be in use by these very records (see noteSurfacesInUse). */
export function surfacesInUse(surfaces: object, terms: object, entities: object): boolean {
  const c = clean.get(surfaces);
  return c !== undefined && c.terms === terms && c.entities === entities;
}

/** Forgets that the surfaces are in use (after keys were removed from the terms or entities, or surfaces added unchecked). */
export function forgetSurfacesInUse(surfaces: object): void {
  clean.delete(surfaces);
}

/**
 * What the profile code knows about a profile's records without enumerating them. Enumerating a record (Object.keys,
 * for…in) is the dear part of profile upkeep: a 150–225-key dict() measured ~8 µs per Object.keys (node 20), and
 * addToProfile used to enumerate every record once per call only to learn its size. The functions that change
 * profile records (addToProfile, combineProfiles, the trims; decoding and copying make new ones) note here how many
 * keys each record holds and whether a profile's display forms are known to be all in use, and keep both up to date.
 * Facts are keyed by the record object itself, so a record replaced by other code simply has none (and is counted
 * once). Records must change only through those functions (see Profile).
 */

const counts = new WeakMap<object, number>();
/** Surfaces record → the terms and entities records all of its keys were last checked against. */
const clean = new WeakMap<object, { terms: object; entities: object }>();

/** The number of keys of `r`: as noted, or counted now (and not noted: only the functions that change `r` note). */
export function keyCount(r: object): number {
  return counts.get(r) ?? Object.keys(r).length;
}

/** Notes that `r` now holds `n` keys. */
export function noteKeyCount(r: object, n: number): void {
  counts.set(r, n);
}

/** Forgets the key count of `r` (it will be counted when next needed). */
export function forgetKeyCount(r: object): void {
  counts.delete(r);
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

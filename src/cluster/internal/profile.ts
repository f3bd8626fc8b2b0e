/**
 * A cluster profile: the summed features of an event's or storyline's articles, trimmed to the
 * strongest keys so its size stays bounded however large the cluster grows.
 */
import { dict } from './dict.js';
import type { Features } from './features.js';
import { featureKeys } from './key-order.js';
import { appendKey, copyKeys, forgetSurfacesInUse, isIndexKey, keysOf, noteSurfacesInUse, renoteKeys, surfacesInUse } from './record-facts.js';
import { nthSmallest, topKeys } from './top-keys.js';
import { addUnit, addUnitTrimmed } from './unit-add.js';

export interface Profile {
  /** Summed per-article unit-length term weights. */
  terms: Record<string, number>;
  entities: Record<string, number>;
  /** Number → how many member articles state it. */
  numbers: Record<string, number>;
  /** Member articles' primary dates → count. */
  dates: Record<string, number>;
  /** Every date the members mention → count (for the "shares any date" check). */
  mentions: Record<string, number>;
  /** Member articles' languages → count (articles with no language are not counted). */
  langs: Record<string, number>;
  /** Member count. */
  n: number;
  /** Earliest and latest activity day of members with a known time (for time windows); null if none. */
  tLo: number | null;
  tHi: number | null;
  /** Display forms of keys. */
  surfaces: Record<string, string>;
}
// The records change only through addToProfile and combineProfiles (ops.ts), which keep their key lists alongside
// (record-facts.ts); code that builds a profile by hand fills it before the first call of those or of the codec.

/** Terms kept in a profile. Set so an event centroid holds its topic words with room to spare; 150 and 300 scored the same on the demo corpus. */
export const PROFILE_TERMS = 150;
/** Name keys kept in a profile. */
export const PROFILE_ENTITIES = 60;
/** Numbers kept in a profile. */
export const PROFILE_NUMBERS = 40;
/** Distinct primary dates kept in a profile. */
export const PROFILE_DATES = 12;
/** Mentioned dates kept in a profile (more than primary dates: background dates are many). */
export const PROFILE_MENTIONS = 30;
/** Display forms kept in a profile. */
const PROFILE_SURFACES = 120;

export function emptyProfile(): Profile {
  return { terms: dict(), entities: dict(), numbers: dict(), dates: dict(), mentions: dict(), langs: dict(), n: 0, tLo: null, tHi: null, surfaces: dict() };
}

/** Adds `sign` to the count of each of `keys` in `into`. */
function addCounts(into: Record<string, number>, keys: readonly string[], sign: number): void {
  const list = keysOf(into);
  for (const k of keys) {
    const was = into[k];
    if (was === undefined) appendKey(into, list, k);
    into[k] = (was ?? 0) + sign;
  }
}

/** Weights at or below this count as spent: dropped when articles or profiles are subtracted (here, ops.ts combineProfiles, storyline.ts restOf). */
export const SPENT_WEIGHT = 1e-9;

/** Deletes the entries of `rec` that fell to (about) zero. */
function dropSpent(rec: Record<string, number>): void {
  const keys = keysOf(rec);
  const left: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if ((rec[k] as number) <= SPENT_WEIGHT) delete rec[k];
    else left.push(k);
  }
  renoteKeys(rec, keys, left);
}

/**
 * Profiles are trimmed only once they exceed their size by this factor (then cut back to size), so the
 * sort runs every few additions instead of on each; the bound on memory stays within this factor.
 */
export const TRIM_SLACK = 1.5;

/** The `keep` strongest entries (ties broken by key, see topKeys), once `v` holds more than keep × TRIM_SLACK. */
export function trimTop(v: Record<string, number>, keep: number): Record<string, number> {
  const keys = Object.keys(v);
  if (keys.length <= keep * TRIM_SLACK) return v;
  const vals = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) vals[i] = v[keys[i] as string] as number;
  const out = dict<number>();
  for (const k of topKeys(keys, vals, keep)) out[k] = v[k] as number;
  return out;
}

/**
 * trimTop done in place: once `v` holds more than keep × TRIM_SLACK keys, deletes all but the `keep` strongest,
 * leaving `v` with the keys, weights and key order of trimTop's new record (the keys above the cut-off where they
 * were, then the kept ties in key order: every tie is taken out and the kept ones put back in that order). Deleting
 * the ~75 dropped keys costs less than filling a new record with the ~150 kept ones, and the key list noted for `v`
 * (record-facts.ts) spares listing its keys. Returns the dropped keys, or null when `v` was within its slack.
 */
export function trimInPlace(v: Record<string, number>, keep: number): string[] | null {
  const keys = keysOf(v);
  if (keys.length <= keep * TRIM_SLACK) return null;
  const vals = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) vals[i] = v[keys[i] as string] as number;
  const cutoff = nthSmallest(vals.slice(), keys.length - keep);
  const left: string[] = [];
  const dropped: string[] = [];
  const ties: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const x = vals[i] as number;
    if (x > cutoff) left.push(keys[i] as string);
    else if (x === cutoff) ties.push(keys[i] as string);
    else dropped.push(keys[i] as string);
  }
  for (const k of dropped) delete v[k];
  ties.sort();
  const above = left.length;
  for (let i = 0; i < ties.length; i++) {
    const k = ties[i] as string;
    const x = v[k] as number;
    delete v[k];
    if (above + i < keep) {
      v[k] = x;
      left.push(k);
    } else dropped.push(k);
  }
  renoteKeys(v, keys, left);
  return dropped;
}

/**
 * Whether keys are in use by a profile's terms and names: a term, or a name key behind a two-character prefix (the
 * `e:` of a name's display form). The name is matched by comparing the key's tail with the names of that length
 * instead of slicing the key and looking the new string up with `in`, which measured ~0.2 µs a key (V8 resolves a
 * string it has not seen as a property name in the runtime). Read the records after they last changed.
 */
class KeysInUse {
  private byLength: Map<number, string[]> | null = null;

  constructor(
    private readonly terms: Record<string, number>,
    private readonly entities: Record<string, number>,
  ) {}

  /** As `k in terms || k.slice(2) in entities`. */
  has(k: string): boolean {
    if (k in this.terms) return true;
    this.byLength ??= this.namesByLength();
    const names = this.byLength.get(Math.max(0, k.length - 2));
    if (names === undefined) return false;
    for (const name of names) if (k.endsWith(name)) return true;
    return false;
  }

  private namesByLength(): Map<number, string[]> {
    const out = new Map<number, string[]>();
    for (const name of keysOf(this.entities)) {
      const same = out.get(name.length);
      if (same) same.push(name);
      else out.set(name.length, [name]);
    }
    return out;
  }
}

/**
 * Keeps the first PROFILE_SURFACES display forms (in insertion order) whose key is still kept, in place, after the
 * terms dropped `droppedTerms` and the names `droppedEntities` (null: none dropped). When every form was in use
 * before (record-facts.ts) and no name was dropped, only the forms of the dropped terms can have fallen out of use:
 * those are deleted, then any beyond the first PROFILE_SURFACES (same result as checking every form). `inUse` reads
 * the records as they are now.
 */
function keepSurfaces(p: Profile, droppedTerms: readonly string[] | null, droppedEntities: string[] | null, inUse: KeysInUse): void {
  const s = p.surfaces;
  let keys = keysOf(s);
  if (droppedTerms !== null && droppedEntities === null && surfacesInUse(s, p.terms, p.entities)) {
    // The dropped terms are no terms now: only a name can keep their forms.
    const gone: string[] = [];
    for (let i = 0; i < droppedTerms.length; i++) {
      const k = droppedTerms[i] as string;
      if (k in s && !inUse.has(k)) {
        delete s[k];
        gone.push(k);
      }
    }
    if (gone.length > 0) {
      // The few forms deleted are found in the list by indexOf (one builtin scan each), instead of asking the record
      // about every form it held (a dictionary lookup each) or asking `gone` about every form (includes: 1.5% of the
      // profile micro-bench, one builtin call per form).
      const out = new Uint8Array(keys.length);
      for (let g = 0; g < gone.length; g++) out[keys.indexOf(gone[g] as string)] = 1;
      const left: string[] = [];
      for (let i = 0; i < keys.length; i++) if (out[i] === 0) left.push(keys[i] as string);
      renoteKeys(s, keys, left);
      keys = left;
    }
    if (keys.length > PROFILE_SURFACES) {
      for (let i = PROFILE_SURFACES; i < keys.length; i++) delete s[keys[i] as string];
      renoteKeys(s, keys, keys.slice(0, PROFILE_SURFACES));
    }
    return;
  }
  const left: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (left.length < PROFILE_SURFACES && inUse.has(k)) left.push(k);
    else delete s[k];
  }
  renoteKeys(s, keys, left);
  noteSurfacesInUse(s, p.terms, p.entities);
}

/** No dropped terms (see keepSurfaces). */
const NONE_DROPPED: readonly string[] = [];

/**
 * Adds the article's display forms of keys the profile uses and has no form for yet, in the article's key order,
 * until the profile holds `room` forms (Infinity: all of them). Returns the profile's form keys.
 * Considered and not done (2026-11-21): telling which article keys are still terms from the trim (unit-add.ts)
 * instead of asking the record: the 100k probe walks ~52 forms an addition here (18 already held, 27 added), so it
 * would spare ~40 dictionary lookups an addition, too few for a second key walk kept in step with the features.
 */
function addSurfaces(p: Profile, f: Features, inUse: KeysInUse, room: number): string[] {
  const s = p.surfaces;
  const list = keysOf(s);
  if (list.length >= room) return list;
  const keys = featureKeys(f.surfaces);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (!(k in s) && inUse.has(k)) {
      s[k] = f.surfaces[k] as string;
      appendKey(s, list, k);
      if (list.length >= room) break;
    }
  }
  return list;
}

/**
 * Adds (sign 1) or removes (sign −1) one article's features; trims to bounded size.
 *
 * Display forms: the result is the first PROFILE_SURFACES forms, in insertion order, of the profile's forms then
 * the article's new ones, counting only forms of keys still kept after the trims. When a trim runs, the profile's
 * forms are cleaned first and the article's added after, only while there is room: forms the cut would delete at
 * once are never added (earlier code added every new form in use before the trims, then cleaned; same record;
 * an article with an array-index form still adds them all first, see below).
 * Without a trim, forms in use are added unchecked by the cut, as before (they may yet move up when forms ahead
 * of them go).
 */
export function addToProfile(p: Profile, f: Features, sign: 1 | -1 = 1): Profile {
  // An addition trims terms and names as it adds them (unit-add.ts; same records as adding, then trimInPlace below).
  let droppedTerms: string[] | null = null;
  let droppedEntities: string[] | null = null;
  if (sign > 0) {
    droppedTerms = addUnitTrimmed(p.terms, f.terms, sign, PROFILE_TERMS, PROFILE_TERMS * TRIM_SLACK);
    droppedEntities = addUnitTrimmed(p.entities, f.entities, sign, PROFILE_ENTITIES, PROFILE_ENTITIES * TRIM_SLACK);
  } else {
    addUnit(p.terms, f.terms, sign);
    addUnit(p.entities, f.entities, sign);
  }
  p.mentions ??= {};
  addCounts(p.numbers, f.numbers, sign);
  if (f.primary) addCounts(p.dates, [f.primary], sign);
  if (f.language) addCounts(p.langs, [f.language], sign);
  addCounts(p.mentions, f.dates, sign);
  if (sign < 0) {
    dropSpent(p.terms);
    dropSpent(p.entities);
    dropSpent(p.numbers);
    dropSpent(p.dates);
    dropSpent(p.langs);
    dropSpent(p.mentions);
    forgetSurfacesInUse(p.surfaces);
  }
  p.n += sign;
  if (sign > 0 && f.time !== null) {
    p.tLo = p.tLo === null ? f.time : Math.min(p.tLo, f.time);
    p.tHi = p.tHi === null ? f.time : Math.max(p.tHi, f.time);
  }
  if (sign < 0) {
    droppedTerms = trimInPlace(p.terms, PROFILE_TERMS);
    droppedEntities = trimInPlace(p.entities, PROFILE_ENTITIES);
  }
  trimInPlace(p.numbers, PROFILE_NUMBERS);
  trimInPlace(p.dates, PROFILE_DATES);
  trimInPlace(p.mentions, PROFILE_MENTIONS);
  // Terms and names are final from here on.
  const inUse = new KeysInUse(p.terms, p.entities);
  if (droppedTerms !== null || droppedEntities !== null) {
    keepSurfaces(p, droppedTerms, droppedEntities, inUse);
    if (sign > 0) {
      // An array-index key ("7") enumerates first wherever it was added (record-facts.ts), so it may take a place
      // ahead of forms already kept: then every new form is added and the cut made after.
      const keys = featureKeys(f.surfaces);
      const indexFirst = keys.length > 0 && isIndexKey(keys[0] as string);
      if (addSurfaces(p, f, inUse, indexFirst ? Number.POSITIVE_INFINITY : PROFILE_SURFACES).length > PROFILE_SURFACES) keepSurfaces(p, null, null, inUse);
    }
  } else {
    const keys = sign > 0 ? addSurfaces(p, f, inUse, Number.POSITIVE_INFINITY) : keysOf(p.surfaces);
    // No term or name was dropped and only forms in use were added, so forms known in use before still are: the
    // clean-up is the cut alone (keepSurfaces with no dropped terms), not a check of every form (~200 here).
    if (keys.length > PROFILE_SURFACES * TRIM_SLACK) keepSurfaces(p, NONE_DROPPED, null, inUse);
  }
  return p;
}

/** A copy of a record as a dict() (a loop: Object.assign into a dict() measured ~3× slower), with its key list. */
function own<T>(r: Record<string, T> | undefined): Record<string, T> {
  const out = dict<T>();
  if (r === undefined) return out;
  const keys = keysOf(r);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    out[k] = r[k] as T;
  }
  copyKeys(r, keys, out);
  return out;
}

/** A copy of a profile (its records copied, so changing the copy leaves the original as it is); equal to structuredClone(p) and several times cheaper. */
export function copyProfile(p: Profile): Profile {
  // Records absent from a profile stored by older code come back empty.
  const copy: Profile = {
    ...p,
    terms: own(p.terms),
    entities: own(p.entities),
    numbers: own(p.numbers),
    dates: own(p.dates),
    // A profile stored before mentions were kept has none: left absent (readers fall back to its dates).
    ...(p.mentions === undefined ? {} : { mentions: own(p.mentions) }),
    langs: own(p.langs),
    surfaces: own(p.surfaces),
  };
  if (p.surfaces !== undefined && surfacesInUse(p.surfaces, p.terms, p.entities)) noteSurfacesInUse(copy.surfaces, copy.terms, copy.entities);
  return copy;
}

/** A profile read back from its stored JSON, its records as `dict()`s (later additions stay cheap, see dict.ts). */
export function parseProfile(json: string): Profile {
  return copyProfile(JSON.parse(json) as Profile);
}

/** A profile built from scratch from member features. */
export function profileOf(members: readonly Features[]): Profile {
  const p = emptyProfile();
  for (const f of members) addToProfile(p, f);
  return p;
}

/** The features of a single article seen as a one-member profile (for article-to-article similarity). */
export function singleton(f: Features): Profile {
  return profileOf([f]);
}

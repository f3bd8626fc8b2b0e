// Frozen copy of src/cluster/internal/profile.ts as of 849ec7a (2026-11-21): the reference test/cluster/profile-exact.test.ts
// compares the current profile code with. Do not edit; it is the old behaviour, not live code.
/**
 * A cluster profile: the summed features of an event's or storyline's articles, trimmed to the
 * strongest keys so its size stays bounded however large the cluster grows.
 */
import { dict } from './dict.js';
import type { Features } from './features.js';
import { topKeys } from './top-keys.js';

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

function norm(v: Record<string, number>): number {
  let s = 0;
  for (const k in v) {
    const x = v[k] as number;
    s += x * x;
  }
  return Math.sqrt(s) || 1;
}

function addScaled(into: Record<string, number>, v: Record<string, number>, scale: number): void {
  for (const k in v) into[k] = (into[k] ?? 0) + (v[k] as number) * scale;
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

const trim = trimTop;

/** Adds (sign 1) or removes (sign −1) one article's features; trims to bounded size. */
export function addToProfile(p: Profile, f: Features, sign: 1 | -1 = 1): Profile {
  addScaled(p.terms, f.terms, sign / norm(f.terms));
  addScaled(p.entities, f.entities, sign / norm(f.entities));
  p.mentions ??= {};
  for (const n of f.numbers) p.numbers[n] = (p.numbers[n] ?? 0) + sign;
  if (f.primary) p.dates[f.primary] = (p.dates[f.primary] ?? 0) + sign;
  if (f.language) p.langs[f.language] = (p.langs[f.language] ?? 0) + sign;
  for (const d of f.dates) p.mentions[d] = (p.mentions[d] ?? 0) + sign;
  if (sign < 0) {
    for (const rec of [p.terms, p.entities, p.numbers, p.dates, p.langs, p.mentions]) {
      for (const [k, x] of Object.entries(rec)) if (x <= 1e-9) delete rec[k];
    }
  }
  p.n += sign;
  if (sign > 0) {
    if (f.time !== null) {
      p.tLo = p.tLo === null ? f.time : Math.min(p.tLo, f.time);
      p.tHi = p.tHi === null ? f.time : Math.max(p.tHi, f.time);
    }
    for (const k in f.surfaces) if (!(k in p.surfaces) && (k in p.terms || k.slice(2) in p.entities)) p.surfaces[k] = f.surfaces[k] as string;
  }
  const before = p.terms;
  const beforeE = p.entities;
  p.terms = trim(p.terms, PROFILE_TERMS);
  p.entities = trim(p.entities, PROFILE_ENTITIES);
  p.numbers = trim(p.numbers, PROFILE_NUMBERS);
  p.dates = trim(p.dates, PROFILE_DATES);
  p.mentions = trim(p.mentions, PROFILE_MENTIONS);
  if (before !== p.terms || beforeE !== p.entities || Object.keys(p.surfaces).length > PROFILE_SURFACES * TRIM_SLACK) {
    // In place: keeps the first PROFILE_SURFACES display forms (in insertion order) whose key is still kept.
    let kept = 0;
    for (const k in p.surfaces) {
      if (kept < PROFILE_SURFACES && (k in p.terms || k.slice(2) in p.entities)) kept++;
      else delete p.surfaces[k];
    }
  }
  return p;
}

/** A copy of a profile (its records copied, so changing the copy leaves the original as it is); equal to structuredClone(p) and several times cheaper. */
export function copyProfile(p: Profile): Profile {
  // Records absent from a profile stored by older code come back empty.
  const own = <T>(r: Record<string, T> | undefined): Record<string, T> => Object.assign(dict<T>(), r);
  return {
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

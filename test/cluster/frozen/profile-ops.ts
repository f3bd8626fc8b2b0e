// Frozen copy of sumInto, combineProfiles and indexKeysOf from src/cluster/internal/ops.ts as of 849ec7a (2026-11-21): the
// reference test/cluster/profile-exact.test.ts compares the current profile code with. Do not edit; it is the old behaviour.
import { dfKeys } from '../../../src/cluster/internal/idf.js';
import { PROFILE_DATES, PROFILE_ENTITIES, PROFILE_MENTIONS, PROFILE_NUMBERS, PROFILE_TERMS, type Profile, trimTop } from './profile.js';
import { strongestKeys } from './strongest-keys.js';

function sumInto(into: Record<string, number>, from: Record<string, number>, sign: number): void {
  for (const [k, x] of Object.entries(from)) {
    const v = (into[k] ?? 0) + sign * x;
    if (v > 1e-9) into[k] = v;
    else delete into[k];
  }
}

const trimTo = trimTop;

/** Adds (or subtracts) one profile to another, as if their members were added; used for merges. */
export function combineProfiles(into: Profile, from: Profile, sign: 1 | -1 = 1): Profile {
  sumInto(into.terms, from.terms, sign);
  sumInto(into.entities, from.entities, sign);
  sumInto(into.numbers, from.numbers, sign);
  sumInto(into.dates, from.dates, sign);
  sumInto(into.langs, from.langs, sign);
  into.mentions ??= {};
  sumInto(into.mentions, from.mentions ?? {}, sign);
  into.terms = trimTo(into.terms, PROFILE_TERMS);
  into.entities = trimTo(into.entities, PROFILE_ENTITIES);
  into.numbers = trimTo(into.numbers, PROFILE_NUMBERS);
  into.dates = trimTo(into.dates, PROFILE_DATES);
  into.mentions = trimTo(into.mentions, PROFILE_MENTIONS);
  into.n = Math.max(0, into.n + sign * from.n);
  if (sign > 0) {
    if (from.tLo !== null) into.tLo = into.tLo === null ? from.tLo : Math.min(into.tLo, from.tLo);
    if (from.tHi !== null) into.tHi = into.tHi === null ? from.tHi : Math.max(into.tHi, from.tHi);
    for (const [k, s] of Object.entries(from.surfaces)) if (!(k in into.surfaces)) into.surfaces[k] = s;
  }
  return into;
}

/** The keys an event is listed under: its strongest terms, names and numbers by weight × IDF. */
export function indexKeysOf(p: Profile, idf: (k: string) => number, limit: number): string[] {
  const keys = dfKeys({ terms: p.terms, entities: p.entities, numbers: Object.keys(p.numbers) });
  const scores = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const w = k.startsWith('e:') ? p.entities[k.slice(2)] : k.startsWith('n:') ? p.numbers[k.slice(2)] : p.terms[k];
    scores[i] = (w ?? 0) * idf(k);
  }
  return strongestKeys(keys, scores, limit);
}

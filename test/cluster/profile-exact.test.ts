/**
 * The profile upkeep (addToProfile with its noted key counts and in-place trims, combineProfiles, copyProfile,
 * indexKeysOf, the stored form) gives exactly what the earlier code gave: the same keys, weights (bit for bit, -0
 * included) and key order in every record after every step. The reference is a frozen copy of that code
 * (test/cluster/frozen/profile*.ts). Inputs: random features drawn from small key pools (so keys recur, weights tie,
 * records overflow and get trimmed), with integer-like and non-ASCII keys, display forms whose key is no profile
 * key, terms spelled like prefixed keys, and removals, merges, copies and store round trips between additions;
 * and the synthetic stream's articles as the clusterer sees them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Features } from '../../src/cluster/internal/features.js';
import { featuresOf } from '../../src/cluster/internal/features.js';
import { combineProfiles, indexKeysOf } from '../../src/cluster/internal/ops.js';
import { addToProfile, copyProfile, emptyProfile, type Profile, parseProfile } from '../../src/cluster/internal/profile.js';
import { decodeProfile, encodeProfile } from '../../src/cluster/internal/profile-codec.js';
import { syntheticStream } from '../../src/cluster/internal/synthetic.js';
import { mulberry32 } from '../../src/internal/random.js';
import * as old from './frozen/profile.js';
import { decodeProfile as oldDecode, encodeProfile as oldEncode } from './frozen/profile-codec.js';
import { combineProfiles as oldCombine, indexKeysOf as oldIndexKeys } from './frozen/profile-ops.js';

const rng = mulberry32;

/** Each record as its entries in key order, the rest as is: deepStrictEqual then checks order and -0 too. */
function shape(p: Profile): unknown {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v !== null && typeof v === 'object' ? Object.entries(v) : v]));
}

function same(a: Profile, b: Profile, what: string): void {
  assert.deepStrictEqual(shape(a), shape(b), what);
}

interface Pools {
  terms: string[];
  names: string[];
  numbers: string[];
  dates: string[];
}

function pools(r: () => number, indexKeys: boolean): Pools {
  const word = (i: number) => `${'abcdefghij'[i % 10]}${Math.floor(r() * 1e6).toString(36)}`;
  const names = Array.from({ length: 40 }, (_, i) => `n${word(i)}`);
  const terms = Array.from({ length: 320 }, (_, i) => word(i));
  // Non-ASCII, a term that is a name behind two characters, terms spelled like prefixed keys; and in some walks
  // array-index terms (they iterate first, in numeric order, wherever they were added; see record-facts.ts).
  terms.push('łódź', '北京', `xy${names[0]}`, `e:${names[1]}`, 'n:12', '07', '2024-05-01');
  if (indexKeys) terms.push('2024', '7', '31');
  const numbers = ['12', '7', '2024', '3.5', '100', '42', '1999', '15', '88', '64'];
  const dates = Array.from({ length: 24 }, (_, i) => (i % 5 === 0 ? `--0${1 + (i % 9)}-1${i % 10}` : `2024-0${1 + (i % 9)}-${10 + i}`));
  return { terms, names, numbers, dates };
}

function pick<T>(r: () => number, from: readonly T[], n: number): T[] {
  const out = new Set<T>();
  for (let i = 0; i < n; i++) out.add(from[Math.floor(r() * from.length)] as T);
  return [...out];
}

/** A random article's features; `levels` > 0 draws weights from that many values (ties at the trims' cut-offs). */
function randomFeatures(r: () => number, p: Pools, levels: number): Features {
  const weight = () => (levels ? 1 + Math.floor(r() * levels) : 1 + Math.log(1 + Math.floor(r() * 6)) + r() * 1e-3);
  const terms: Record<string, number> = Object.create(null);
  for (const k of pick(r, p.terms, 20 + Math.floor(r() * 120))) terms[k] = weight();
  const entities: Record<string, number> = Object.create(null);
  for (const k of pick(r, p.names, Math.floor(r() * 12))) entities[k] = weight();
  const surfaces: Record<string, string> = Object.create(null);
  for (const k of Object.keys(terms)) if (r() < 0.6) surfaces[k] = `${k.toUpperCase()}s`;
  for (const k of Object.keys(entities)) surfaces[`e:${k}`] = k.toUpperCase();
  // Display forms of keys the article does not have (kept only if the profile has the key).
  for (const k of pick(r, p.terms, 3)) surfaces[k] ??= `${k}!`;
  const dates = pick(r, p.dates, Math.floor(r() * 4));
  return {
    terms,
    entities,
    numbers: pick(r, p.numbers, Math.floor(r() * 5)),
    dates,
    primary: r() < 0.7 ? (dates[0] ?? null) : null,
    time: r() < 0.8 ? 19_000 + Math.floor(r() * 60) : null,
    language: r() < 0.9 ? (['en', 'de', 'tr'][Math.floor(r() * 3)] as string) : null,
    surfaces,
  };
}

/** A deterministic IDF over keys (different for every key, so index keys rank by weight and key alike). */
function idf(k: string): number {
  let h = 7;
  for (let i = 0; i < k.length; i++) h = (Math.imul(h, 31) + k.charCodeAt(i)) | 0;
  return 1 + ((h >>> 0) % 1000) / 250;
}

/**
 * Runs the same random steps on a current and a reference profile and compares them after every step. Returns the
 * number of steps of each kind taken (so the test can check the mix actually happened).
 */
function walk(seed: number, steps: number, levels: number, indexKeys: boolean): Record<string, number> {
  const r = rng(seed);
  const p = pools(r, indexKeys);
  let cur = emptyProfile();
  let ref = old.emptyProfile();
  const members: Features[] = [];
  const taken: Record<string, number> = { add: 0, remove: 0, merge: 0, unmerge: 0, copy: 0, stored: 0, json: 0, trimmed: 0 };
  for (let step = 0; step < steps; step++) {
    const x = r();
    let kind: string;
    if (x < 0.62 || members.length < 3) {
      const f = randomFeatures(r, p, levels);
      members.push(f);
      const before = ref.terms;
      addToProfile(cur, f);
      old.addToProfile(ref, f);
      if (ref.terms !== before) taken.trimmed = (taken.trimmed ?? 0) + 1;
      kind = 'add';
    } else if (x < 0.7) {
      const f = members.splice(Math.floor(r() * members.length), 1)[0] as Features;
      addToProfile(cur, f, -1);
      old.addToProfile(ref, f, -1);
      kind = 'remove';
    } else if (x < 0.76) {
      // A merge with another profile built from fresh articles.
      const fs = Array.from({ length: 1 + Math.floor(r() * 4) }, () => randomFeatures(r, p, levels));
      const other = emptyProfile();
      const otherRef = old.emptyProfile();
      for (const f of fs) {
        addToProfile(other, f);
        old.addToProfile(otherRef, f);
      }
      combineProfiles(cur, other);
      oldCombine(ref, otherRef);
      kind = 'merge';
    } else if (x < 0.82) {
      // The storyline review's "the rest without this event": a copy less a part of it.
      const part = emptyProfile();
      const partRef = old.emptyProfile();
      for (const f of members.slice(-2)) {
        addToProfile(part, f);
        old.addToProfile(partRef, f);
      }
      const rest = combineProfiles(copyProfile(cur), part, -1);
      const restRef = oldCombine(old.copyProfile(ref), partRef, -1);
      same(rest, restRef, `step ${step}: the rest after an unmerge`);
      same(cur, ref, `step ${step}: the original after its copy was changed`);
      // Carry on with the rest half of the time (a changed copy must behave as a profile of its own).
      if (r() < 0.5) {
        cur = rest;
        ref = restRef;
      }
      kind = 'unmerge';
    } else if (x < 0.88) {
      cur = copyProfile(cur);
      ref = old.copyProfile(ref);
      kind = 'copy';
    } else if (x < 0.95) {
      // Read back from the store: the current form by the current code, the old form by the old code.
      cur = decodeProfile(encodeProfile(cur));
      ref = oldDecode(oldEncode(ref));
      kind = 'stored';
    } else {
      cur = parseProfile(JSON.stringify(cur));
      ref = old.parseProfile(JSON.stringify(ref));
      kind = 'json';
    }
    taken[kind] = (taken[kind] ?? 0) + 1;
    same(cur, ref, `step ${step} (${kind})`);
    assert.deepStrictEqual(indexKeysOf(cur, idf, 40), oldIndexKeys(ref, idf, 40), `step ${step}: index keys`);
  }
  return taken;
}

const WALKS = [
  { seed: 1, steps: 400, levels: 0, indexKeys: false },
  { seed: 2, steps: 400, levels: 3, indexKeys: false },
  { seed: 3, steps: 300, levels: 1, indexKeys: true },
  { seed: 4, steps: 400, levels: 0, indexKeys: true },
  { seed: 5, steps: 300, levels: 2, indexKeys: false },
];

for (const w of WALKS) {
  const weights = w.levels ? `${w.levels} weight levels` : 'continuous weights';
  test(`random profile steps match the earlier code exactly (seed ${w.seed}, ${weights}${w.indexKeys ? ', array-index terms' : ''})`, () => {
    const taken = walk(w.seed, w.steps, w.levels, w.indexKeys);
    for (const kind of ['add', 'remove', 'merge', 'unmerge', 'copy', 'stored', 'json']) assert.ok((taken[kind] ?? 0) > 3, `${kind} steps were taken`);
    assert.ok((taken.trimmed ?? 0) > 5, 'the terms were trimmed along the way');
  });
}

test('event and storyline profiles of the synthetic stream match the earlier code exactly', () => {
  const events = new Map<number, [Profile, Profile]>();
  const stories = new Map<number, [Profile, Profile]>();
  let trimmed = 0;
  for (const a of syntheticStream(600)) {
    const f = featuresOf({ title: a.title, text: a.text, published: a.published, language: 'xx' });
    for (const [m, id] of [
      [events, a.event],
      [stories, a.story],
    ] as const) {
      let pair = m.get(id);
      if (!pair) {
        pair = [emptyProfile(), old.emptyProfile()];
        m.set(id, pair);
      }
      const before = pair[1].terms;
      addToProfile(pair[0], f);
      old.addToProfile(pair[1], f);
      if (pair[1].terms !== before) trimmed++;
      same(pair[0], pair[1], `${m === events ? 'event' : 'storyline'} ${id}`);
    }
  }
  for (const [cur, ref] of stories.values()) {
    same(decodeProfile(encodeProfile(cur)), ref, 'stored and read back');
    assert.deepStrictEqual(indexKeysOf(cur, idf, 40), oldIndexKeys(ref, idf, 40));
  }
  assert.ok(trimmed > 300, `profiles were trimmed along the way (${trimmed} times)`);
});

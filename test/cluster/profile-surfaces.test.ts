/**
 * The display-form upkeep of addToProfile against the frozen earlier code (test/cluster/frozen/profile.ts), where it
 * differs most from it: profiles whose forms are full when a trim runs (the current code cleans the forms first and
 * adds the article's only while there is room), articles carrying array-index forms ("7", which enumerate first),
 * forms of names, of keys the profile lacks, and one article added to two profiles in turn (event, then storyline).
 * Every record is compared after every addition: keys, weights bit for bit, key order.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Features } from '../../src/cluster/internal/features.js';
import { withKeys } from '../../src/cluster/internal/key-order.js';
import { addToProfile, emptyProfile, type Profile } from '../../src/cluster/internal/profile.js';
import { mulberry32 } from '../../src/internal/random.js';
import * as old from './frozen/profile.js';

/** Forms kept in a profile (profile.ts PROFILE_SURFACES, private there). */
const FULL = 120;

function shape(p: Profile): unknown {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v !== null && typeof v === 'object' ? Object.entries(v) : v]));
}

interface Walk {
  seed: number;
  /** Share of an article's terms that get a display form. */
  formShare: number;
  /** Whether some terms (and so forms) are array indices. */
  indexKeys: boolean;
  /** Whether the article's records carry remembered key lists, as featuresOf leaves them (key-order.ts). */
  remembered: boolean;
}

function article(r: () => number, terms: string[], names: string[], w: Walk): Features {
  const pick = (from: string[], n: number) => {
    const out = new Set<string>();
    for (let i = 0; i < n; i++) out.add(from[Math.floor(r() * from.length)] as string);
    return [...out];
  };
  const t: Record<string, number> = Object.create(null);
  for (const k of pick(terms, 30 + Math.floor(r() * 90))) t[k] = 1 + Math.log(1 + Math.floor(r() * 5)) + r() * 1e-3;
  const e: Record<string, number> = Object.create(null);
  for (const k of pick(names, Math.floor(r() * 10))) e[k] = 1 + Math.floor(r() * 3);
  const s: Record<string, string> = Object.create(null);
  for (const k of Object.keys(t)) if (r() < w.formShare) s[k] = `${k.toUpperCase()}s`;
  for (const k of Object.keys(e)) s[`e:${k}`] = k.toUpperCase();
  for (const k of pick(terms, 4)) s[k] ??= `${k}!`;
  const rec = <T>(x: Record<string, T>) => (w.remembered ? withKeys(x, Object.keys(x)) : x);
  return { terms: rec(t), entities: rec(e), numbers: [], dates: [], primary: null, time: 19_000 + Math.floor(r() * 30), language: 'en', surfaces: rec(s) };
}

const WALKS: Walk[] = [
  { seed: 11, formShare: 0.9, indexKeys: false, remembered: true },
  { seed: 12, formShare: 0.5, indexKeys: false, remembered: false },
  { seed: 13, formShare: 0.9, indexKeys: true, remembered: true },
  { seed: 14, formShare: 0.3, indexKeys: true, remembered: false },
];

for (const w of WALKS) {
  test(`display forms match the earlier code when profiles are full at a trim (seed ${w.seed}, forms ${w.formShare}${w.indexKeys ? ', array-index forms' : ''})`, () => {
    const r = mulberry32(w.seed);
    const terms = Array.from({ length: 500 }, (_, i) => `${'abcdefgh'[i % 8]}${Math.floor(r() * 1e6).toString(36)}`);
    if (w.indexKeys) terms.push('7', '31', '2024', '450');
    const names = Array.from({ length: 50 }, (_, i) => `n${i}${Math.floor(r() * 1e4).toString(36)}`);
    // Two events feeding one storyline: each article goes to its event, then to the storyline.
    const events = [
      [emptyProfile(), old.emptyProfile()],
      [emptyProfile(), old.emptyProfile()],
    ] as const;
    const story = [emptyProfile(), old.emptyProfile()] as const;
    let fullAtTrim = 0;
    for (let i = 0; i < 300; i++) {
      const f = article(r, terms, names, w);
      for (const [cur, ref] of [events[i % 2] as (typeof events)[0], story]) {
        const wasFull = Object.keys(ref.surfaces).length >= FULL;
        const before = ref.terms;
        addToProfile(cur, f);
        old.addToProfile(ref, f);
        if (wasFull && ref.terms !== before) fullAtTrim++;
        assert.deepStrictEqual(shape(cur), shape(ref), `article ${i}`);
      }
    }
    assert.ok(fullAtTrim > 50, `forms were full when terms were trimmed (${fullAtTrim} times)`);
  });
}

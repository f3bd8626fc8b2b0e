/**
 * A storyline review scores an event against the rest of its storyline (storyline.ts restOf). The fast scorer scores
 * that difference as it subtracts (fastscore.ts partsLess) instead of building and packing it: the parts must be the
 * very numbers `parts` gives on restOf's profile packed (bit for bit: the review's threshold is tested on them), and it
 * must decline (null) exactly when restOf would do more than subtract (a kept key only in the event, a trim).
 * Random storylines and events drawn from the fixtures' profiles, with shared keys, spent keys, weights falling to the
 * bound, integer-like keys, records past the trim size and negative weights.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DfCells } from '../../src/cluster/internal/dfcells.js';
import { dict } from '../../src/cluster/internal/dict.js';
import { FastScorer } from '../../src/cluster/internal/fastscore.js';
import type { Features } from '../../src/cluster/internal/features.js';
import { dfKeys } from '../../src/cluster/internal/idf.js';
import { pack } from '../../src/cluster/internal/packed.js';
import { PROFILE_TERMS, type Profile, SPENT_WEIGHT, TRIM_SLACK } from '../../src/cluster/internal/profile.js';
import { DEFAULT_WEIGHTS } from '../../src/cluster/internal/similarity.js';
import { restOf, restShell } from '../../src/cluster/internal/storyline.js';
import { mulberry32 } from '../../src/internal/random.js';
import { openDatabase } from '../../src/store/db.js';
import { scoringFixtures } from './fixtures.js';

type Rec = Record<string, number>;
const PARTS = ['text', 'entities', 'numbers', 'date', 'total'] as const;
const TRIALS = 400;

/** A storyline-like record: the union of some records' keys with random weights, sometimes padded past the trim size. */
function storyRecord(rand: () => number, sources: Rec[], pad: number): Rec {
  const out = dict<number>();
  for (const r of sources) for (const k of Object.keys(r)) out[k] = (out[k] ?? 0) + 0.25 + rand() * 3;
  for (let i = 0; i < pad; i++) out[rand() < 0.2 ? String(1000 + i) : `pad${i}`] = 0.1 + rand();
  return out;
}

/** An event-like record taken from a storyline record: a subset of its keys, some at their full weight (spent). */
function eventRecord(rand: () => number, story: Rec, extra: boolean, negative: boolean): Rec {
  const out = dict<number>();
  for (const k of Object.keys(story)) {
    if (rand() < 0.5) continue;
    const x = story[k] as number;
    const r = rand();
    // Spent (the rest drops the key), within the bound of spent, or a share.
    out[k] = r < 0.2 ? x : r < 0.3 ? x - SPENT_WEIGHT / 2 : x * rand();
  }
  if (extra) out.onlyInEvent = 0.5;
  if (negative) out.negativeInEvent = -0.5;
  return out;
}

test('partsLess equals parts() on restOf packed, bit for bit, and declines exactly where restOf does more than subtract', () => {
  const db = openDatabase(':memory:');
  const cells = new DfCells(db);
  const { feats, profiles } = scoringFixtures();
  for (const f of feats) cells.increment([...new Set(dfKeys(f))]);
  const docs = feats.length;
  const fast = new FastScorer(cells);
  const rand = mulberry32(17);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const seen = { exact: 0, declined: 0, nonZero: 0, shifted: 0 };
  for (let trial = 0; trial < TRIALS; trial++) {
    const base = pick(profiles);
    const others = [pick(profiles), pick(profiles)];
    const pad = rand() < 0.15 ? Math.ceil(PROFILE_TERMS * TRIM_SLACK) : 0;
    const negative = rand() < 0.1;
    const story: Profile = {
      ...base,
      terms: storyRecord(rand, [base.terms, ...others.map((p) => p.terms)], pad),
      entities: storyRecord(rand, [base.entities, ...others.map((p) => p.entities)], 0),
      numbers: storyRecord(rand, [base.numbers], 0),
      n: 3 + Math.floor(rand() * 5),
    };
    const ev: Profile = {
      ...base,
      terms: eventRecord(rand, story.terms, rand() < 0.3, negative),
      entities: eventRecord(rand, story.entities, rand() < 0.3, false),
      numbers: eventRecord(rand, story.numbers, false, false),
      n: 1 + Math.floor(rand() * 2),
    };
    const f = pick(feats) as Features;
    fast.load(f, docs, rand() < 0.3 ? 1.4 : 1);
    for (const useDates of [false, true]) {
      const rest = restOf(story, ev);
      const got = fast.partsLess(restShell(story, ev), story, ev, DEFAULT_WEIGHTS, useDates);
      const want = fast.parts(rest, pack(rest, cells), DEFAULT_WEIGHTS, useDates);
      // The terms restOf keeps before its trim (the padding is only in the storyline's terms).
      const kept = Object.keys(story.terms).filter(
        (k) => ev.terms[k] === undefined || (story.terms[k] as number) - (ev.terms[k] as number) > SPENT_WEIGHT,
      ).length;
      const plain = !negative && kept <= PROFILE_TERMS * TRIM_SLACK;
      assert.equal(got !== null, plain, `trial ${trial}: declines exactly the differences restOf trims or adds to (kept ${kept})`);
      if (got === null) {
        seen.declined++;
        continue;
      }
      for (const k of PARTS) assert.equal(got[k], want[k], `trial ${trial} (dates ${useDates}) ${k}`);
      seen.exact++;
      if (want.total > 0) seen.nonZero++;
      if (f.language !== 'en') seen.shifted++;
    }
    fast.unload();
  }
  assert.ok(seen.exact > TRIALS && seen.declined > 20 && seen.nonZero > TRIALS / 2 && seen.shifted > 0, JSON.stringify(seen));
  db.close();
});

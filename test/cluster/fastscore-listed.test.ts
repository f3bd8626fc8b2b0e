/**
 * A storyline review loads a stored event's profile as features and scores the rest of its storyline with the keys
 * record-facts lists for the rows' records (fastscore.ts `load`/`partsLess` with `listed`) instead of enumerating them:
 * the numbers must be bit for bit the enumerating ones, for profiles grown, trimmed and combined by the profile code
 * (the only code that may change a row's records) between reviews.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayGap } from '../../src/cluster/internal/dates.js';
import { DfCells } from '../../src/cluster/internal/dfcells.js';
import { FastScorer } from '../../src/cluster/internal/fastscore.js';
import type { Features } from '../../src/cluster/internal/features.js';
import { dfKeys } from '../../src/cluster/internal/idf.js';
import { pack } from '../../src/cluster/internal/packed.js';
import { addToProfile, emptyProfile, type Profile } from '../../src/cluster/internal/profile.js';
import { keysOf } from '../../src/cluster/internal/record-facts.js';
import { DEFAULT_WEIGHTS, dateGap } from '../../src/cluster/internal/similarity.js';
import { asFeatures, restShell } from '../../src/cluster/internal/storyline.js';
import { mulberry32 } from '../../src/internal/random.js';
import { openDatabase } from '../../src/store/db.js';
import { scoringFixtures } from './fixtures.js';

const PARTS = ['text', 'entities', 'numbers', 'date', 'total'] as const;
const ROUNDS = 40;

test('listed loads and partsLess equal the enumerating ones bit for bit, as rows grow between reviews', () => {
  const db = openDatabase(':memory:');
  const cells = new DfCells(db);
  const { feats } = scoringFixtures();
  for (const f of feats) cells.increment([...new Set(dfKeys(f))]);
  const docs = feats.length;
  const rand = mulberry32(41);
  const pick = () => feats[Math.floor(rand() * feats.length)] as Features;
  const fast = new FastScorer(cells);
  // A storyline and one of its events, grown article by article as the engine grows them (both take each article).
  const story: Profile = emptyProfile();
  const event: Profile = emptyProfile();
  for (const f of [pick(), pick()]) addToProfile(story, f);
  let compared = 0;
  let nonZero = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const f = pick();
    addToProfile(event, f);
    addToProfile(story, f);
    if (rand() < 0.5) addToProfile(story, pick());
    // The rows' key lists are noted (pack reads them so), then the next articles change the records through the profile code.
    keysOf(story.terms);
    keysOf(event.terms);
    const results: (number | null)[][] = [];
    for (const listed of [false, true]) {
      const ef = asFeatures(event);
      fast.load(ef, docs, 1, listed);
      const less = fast.partsLess(restShell(story, event), story, event, DEFAULT_WEIGHTS, false, listed);
      const whole = fast.parts(story, pack(story, cells), DEFAULT_WEIGHTS, false);
      fast.unload();
      results.push([...PARTS.map((k) => (less ? less[k] : null)), ...PARTS.map((k) => whole[k])]);
    }
    assert.deepEqual(results[1], results[0], `round ${round}`);
    compared++;
    if (results[0]?.[0] !== null && (results[0]?.[4] ?? 0) !== 0) nonZero++;
  }
  assert.equal(compared, ROUNDS);
  assert.ok(nonZero > ROUNDS / 2, `the rest was scored (not declined) in most rounds (${nonZero})`);
});

test('parts with a row profile’s listed dates equal the enumerating ones, dates with and without a year on either side', () => {
  const db = openDatabase(':memory:');
  const cells = new DfCells(db);
  const { feats } = scoringFixtures();
  for (const f of feats) cells.increment([...new Set(dfKeys(f))]);
  const docs = feats.length;
  const rand = mulberry32(43);
  // Articles as found, and with their main date (or all their dates) read without a year.
  const yearless = (d: string) => `--${d.slice(5)}`;
  const articles: Features[] = [];
  for (const f of feats) {
    articles.push(f);
    if (f.primary) articles.push({ ...f, primary: yearless(f.primary) }, { ...f, dates: f.dates.map(yearless), primary: yearless(f.primary) });
  }
  const profiles: Profile[] = [];
  for (let i = 0; i < 12; i++) {
    const p = emptyProfile();
    for (let m = 0; m < 1 + Math.floor(rand() * 6); m++) addToProfile(p, articles[Math.floor(rand() * articles.length)] as Features);
    keysOf(p.dates);
    profiles.push(p);
  }
  const fast = new FastScorer(cells);
  const dates = new Set<number>();
  for (const f of articles) {
    fast.load(f, docs);
    for (const p of profiles) {
      const packed = pack(p, cells);
      const want = fast.parts(p, packed, DEFAULT_WEIGHTS, true, false);
      assert.deepEqual(fast.parts(p, packed, DEFAULT_WEIGHTS, true, true), want);
      // dateGap (the article's day number computed once) equals the smallest dayGap, as it was computed before.
      const gaps = f.primary ? Object.keys(p.dates).map((d) => dayGap(f.primary as string, d)) : [];
      assert.equal(dateGap(f, p), gaps.length > 0 ? Math.min(...gaps) : null);
      assert.equal(dateGap(f, p, keysOf(p.dates)), dateGap(f, p));
      dates.add(want.date);
    }
    fast.unload();
  }
  assert.ok(dates.size >= 3, `bonus, penalty and in-between date components all occur (${[...dates].join(', ')})`);
});

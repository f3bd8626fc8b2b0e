/**
 * The storyline review scores an event against the rest of its storyline; restOf() builds that rest in one pass and
 * must give what combineProfiles(copyProfile(story), event, −1) gives, key order included (the fast scorer sums in
 * key order), in every scored record.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { combineProfiles } from '../../src/cluster/internal/ops.js';
import { copyProfile, emptyProfile, PROFILE_TERMS, type Profile, TRIM_SLACK } from '../../src/cluster/internal/profile.js';
import { restOf } from '../../src/cluster/internal/storyline.js';
import { mulberry32 } from '../../src/internal/random.js';
import { scoringFixtures } from './fixtures.js';

const RECORDS = ['terms', 'entities', 'numbers', 'dates', 'mentions', 'langs'] as const;

function assertSame(got: Profile, want: Profile, label: string): void {
  for (const r of RECORDS) assert.deepEqual(Object.entries(got[r] ?? {}), Object.entries(want[r] ?? {}), `${label}: ${r}`);
  assert.deepEqual([got.n, got.tLo, got.tHi], [want.n, want.tLo, want.tHi], `${label}: size and window`);
  assert.deepEqual(got.surfaces, want.surfaces, `${label}: display forms`);
}

/** A profile whose terms exceed the trim bound, weights from a fixed generator. */
function wide(size: number, seed: number): Profile {
  const r = mulberry32(seed);
  const p = emptyProfile();
  for (let i = 0; i < size; i++) p.terms[`t${i}`] = 0.5 + r();
  p.n = 9;
  return p;
}

test('restOf equals combineProfiles(copyProfile(story), event, −1) in every scored record, key order included', () => {
  const { profiles } = scoringFixtures();
  const story = emptyProfile();
  for (const p of profiles) combineProfiles(story, p);
  const big = wide(Math.ceil(PROFILE_TERMS * TRIM_SLACK) + 40, 3);
  const part = emptyProfile();
  for (const k of Object.keys(big.terms).slice(0, 5)) part.terms[k] = big.terms[k] as number;
  part.terms.elsewhere = 0.25;
  part.n = 1;
  // Records made with `{}`, a key named like an Object.prototype member, and a storyline stored before mentions.
  const plain: Profile = { ...emptyProfile(), terms: { constructor: 2, peace: 1 }, langs: { en: 2 }, n: 2 };
  delete (plain as Partial<Profile>).mentions;
  const plainPart: Profile = { ...emptyProfile(), terms: { constructor: 1, toString: 3 }, langs: { en: 1 }, n: 1 };
  const cases: { label: string; story: Profile; ev: Profile }[] = [
    ...profiles.map((ev, i) => ({ label: `fixture profile ${i} out of all`, story, ev })),
    { label: 'an event from another storyline (its keys subtract to nothing)', story: profiles[0] as Profile, ev: profiles[1] as Profile },
    { label: 'the whole storyline', story, ev: story },
    { label: 'a storyline over the trim bound', story: big, ev: part },
    { label: 'plain records', story: plain, ev: plainPart },
  ];
  let trimmed = 0;
  for (const c of cases) {
    const want = combineProfiles(copyProfile(c.story), c.ev, -1);
    const got = restOf(c.story, c.ev);
    assertSame(got, want, c.label);
    if (Object.keys(got.terms).length < Object.keys(c.story.terms).length - Object.keys(c.ev.terms).length) trimmed++;
  }
  assert.ok(trimmed > 0, 'a case crossed the trim bound');
  // The storyline itself is left as it was.
  const before = JSON.stringify(story);
  restOf(story, profiles[0] as Profile);
  assert.equal(JSON.stringify(story), before);
});

test('restOf drops a remainder at or below SPENT_WEIGHT as combineProfiles does, and keeps tiny keys the event lacks', () => {
  const story: Profile = { ...emptyProfile(), n: 3 };
  story.terms.a = 1 + 4e-10; // a − 1 ≈ 4e-10: dropped
  story.terms.b = 1 + 4e-9; // b − 1 ≈ 4e-9: kept
  story.terms.c = 5e-10; // not in the event: kept as it is
  const ev: Profile = { ...emptyProfile(), n: 1 };
  ev.terms.a = 1;
  ev.terms.b = 1;
  const want = combineProfiles(copyProfile(story), ev, -1);
  const got = restOf(story, ev);
  assert.deepEqual(Object.keys(want.terms), ['b', 'c'], 'reference');
  assert.deepEqual(Object.entries(got.terms), Object.entries(want.terms));
});

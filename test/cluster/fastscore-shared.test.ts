/**
 * The engine explains a join with the shared keys the fast scorer lists from the event's packing (fastscore.ts `shared`,
 * assembled by similarity.ts evidenceOf) instead of evidenceWith's lookups: the evidence must be exactly evidenceWith's
 * (and so score()'s), for random articles against random profiles: several languages (a language shift on term IDFs),
 * repeated and integer-like numbers, names that are also terms, records with and without a prototype.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DfCells } from '../../src/cluster/internal/dfcells.js';
import { dict } from '../../src/cluster/internal/dict.js';
import { FastScorer } from '../../src/cluster/internal/fastscore.js';
import type { Features } from '../../src/cluster/internal/features.js';
import { dfKeys } from '../../src/cluster/internal/idf.js';
import { pack } from '../../src/cluster/internal/packed.js';
import { addToProfile, emptyProfile, type Profile } from '../../src/cluster/internal/profile.js';
import { DEFAULT_WEIGHTS, evidenceOf, evidenceWith, termIdf } from '../../src/cluster/internal/similarity.js';
import { mulberry32 } from '../../src/internal/random.js';
import { openDatabase } from '../../src/store/db.js';

const ARTICLES = 60;
const PROFILES = 25;
const VOCABULARY = 90;
const NAMES = 30;

/** A random article: terms and names drawn from small vocabularies (so pairs share keys), numbers with repeats. */
function randomFeatures(rand: () => number, i: number): Features {
  const terms = dict<number>();
  const entities = dict<number>();
  const surfaces = dict<string>();
  const nTerms = 5 + Math.floor(rand() * 30);
  for (let k = 0; k < nTerms; k++) terms[`w${Math.floor(rand() * rand() * VOCABULARY)}`] = 1 + Math.floor(rand() * 4);
  // A name that is also a term (`e:` keys and terms share the document-frequency store).
  if (rand() < 0.3) terms[`n${Math.floor(rand() * NAMES)}`] = 1;
  const nNames = Math.floor(rand() * 8);
  for (let k = 0; k < nNames; k++) {
    const name = `n${Math.floor(rand() * NAMES)}`;
    entities[name] = 1 + Math.floor(rand() * 3);
    surfaces[`e:${name}`] = `Name ${name}`;
  }
  const numbers: string[] = [];
  const nNumbers = Math.floor(rand() * 6);
  for (let k = 0; k < nNumbers; k++) numbers.push(rand() < 0.5 ? String(Math.floor(rand() * 12)) : `${Math.floor(rand() * 5)}%`);
  if (numbers.length > 0 && rand() < 0.3) numbers.push(numbers[0] as string);
  const day = 1 + Math.floor(rand() * 20);
  const primary = `2031-05-${String(day).padStart(2, '0')}`;
  const languages = ['en', 'en', 'en', 'de', 'fr', null];
  return {
    terms,
    entities,
    numbers,
    dates: [primary],
    primary: rand() < 0.8 ? primary : null,
    time: i,
    language: languages[Math.floor(rand() * languages.length)] ?? null,
    surfaces,
  };
}

test('the fast scorer lists exactly the evidence evidenceWith gives, for random articles against random profiles', () => {
  const db = openDatabase(':memory:');
  const cells = new DfCells(db);
  const rand = mulberry32(29);
  const feats: Features[] = [];
  for (let i = 0; i < ARTICLES; i++) feats.push(randomFeatures(rand, i));
  for (const f of feats) cells.increment([...new Set(dfKeys(f))]);
  const docs = feats.length;
  const idf = (k: string) => cells.idfOf(cells.cell(k), docs);
  const profiles: Profile[] = [];
  for (let i = 0; i < PROFILES; i++) {
    const p = emptyProfile();
    const members = 1 + Math.floor(rand() * 5);
    for (let m = 0; m < members; m++) addToProfile(p, feats[Math.floor(rand() * feats.length)] as Features);
    profiles.push(p);
  }
  const fast = new FastScorer(cells);
  const seen = { pairs: 0, listed: 0, shifted: 0, declined: 0, cut: 0 };
  for (const f of feats) {
    fast.load(f, docs);
    for (const p of profiles) {
      const packed = pack(p, cells);
      const parts = fast.parts(p, packed, DEFAULT_WEIGHTS);
      const shared = fast.shared(p, packed);
      assert.ok(shared, 'profiles made by addToProfile have no prototype: the fast path answers');
      const got = evidenceOf(parts, f, p, shared, DEFAULT_WEIGHTS);
      const want = evidenceWith(parts, f, p, idf, DEFAULT_WEIGHTS);
      assert.deepEqual(got, want);
      seen.pairs++;
      seen.listed += want.sharedTerms.length + want.sharedEntities.length + want.sharedNumbers.length;
      // The same contributions, not only the same items shown: every shared term with score()'s value for it.
      const w = termIdf(idf, f.language);
      const terms = Object.keys(f.terms)
        .filter((k) => k in p.terms)
        .map((k): [string, number] => [k, (f.terms[k] as number) * w(k) * (p.terms[k] as number) * w(k)]);
      assert.deepEqual(new Map(shared.terms), new Map(terms));
      // The items shown are the strongest eight by sort-and-cut (contribution, then key), in that order.
      const shown = [...terms]
        .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
        .slice(0, 8)
        .map(([k]) => f.surfaces[k] ?? p.surfaces[k] ?? k);
      assert.deepEqual(got.sharedTerms, shown);
      if (terms.length > 8) seen.cut++;
    }
    if (f.language && f.language !== 'en') seen.shifted++;
    // A profile record with a prototype: the scorer declines (an inherited key could answer a lookup).
    const plain = { ...emptyProfile(), terms: { ...f.terms } as Record<string, number> };
    if (fast.shared(plain, pack(plain, cells)) === null) seen.declined++;
    fast.unload();
  }
  assert.equal(seen.pairs, ARTICLES * PROFILES);
  assert.ok(seen.listed > seen.pairs * 3, `the pairs share terms, names and numbers (listed ${seen.listed})`);
  assert.ok(seen.cut > 50, `many pairs share more terms than are shown (${seen.cut})`);
  assert.ok(seen.shifted > 0, 'some articles are in a language whose term IDFs are shifted');
  assert.equal(seen.declined, ARTICLES);
});

test('the fast scorer refuses to list shared keys with no article loaded or after its cells were evicted', () => {
  const db = openDatabase(':memory:');
  const cells = new DfCells(db);
  const f = randomFeatures(mulberry32(3), 0);
  cells.increment([...new Set(dfKeys(f))]);
  const p = addToProfile(emptyProfile(), f);
  const fast = new FastScorer(cells);
  const packed = pack(p, cells);
  assert.throws(() => fast.shared(p, packed), /no article loaded/);
  fast.load(f, 1);
  assert.ok(fast.shared(p, packed));
  cells.reset();
  assert.throws(() => fast.shared(p, packed), /evicted/);
});

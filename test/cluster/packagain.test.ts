/**
 * The engine repacks an event after each article joins it by reusing the previous pack's cells (fastscore.ts
 * packAgain). The result must be what packing the profile whole gives (the same cell objects in the same order, the
 * same weights and segments) through growth, trims, integer-like keys (listed first by Object.keys), keys removed and
 * re-added (moved to the end), cells not yet in memory and an eviction between versions.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DfCells } from '../../src/cluster/internal/dfcells.js';
import { packAgain } from '../../src/cluster/internal/fastscore.js';
import type { Features } from '../../src/cluster/internal/features.js';
import { dfKeys } from '../../src/cluster/internal/idf.js';
import { type Packed, pack } from '../../src/cluster/internal/packed.js';
import { addToProfile, emptyProfile, type Profile } from '../../src/cluster/internal/profile.js';
import { mulberry32 } from '../../src/internal/random.js';
import { openDatabase } from '../../src/store/db.js';
import { scoringFixtures } from './fixtures.js';

const STEPS = 300;

function samePack(got: Packed, want: Packed, at: string): void {
  assert.equal(got.epoch, want.epoch, `${at}: epoch`);
  assert.equal(got.eStart, want.eStart, `${at}: names start`);
  assert.equal(got.nStart, want.nStart, `${at}: numbers start`);
  assert.equal(got.cells.length, want.cells.length, `${at}: cells`);
  for (let i = 0; i < want.cells.length; i++) assert.equal(got.cells[i], want.cells[i], `${at}: cell ${i}`);
  assert.deepEqual([...got.w], [...want.w], `${at}: weights`);
}

/** A fixture article with some extra keys: integer-like terms and numbers, and words no other article has. */
function varied(rand: () => number, f: Features, step: number): Features {
  const terms: Record<string, number> = { ...f.terms };
  for (let i = 0; i < 6; i++) terms[rand() < 0.5 ? String(Math.floor(rand() * 40)) : `w${step}_${i}`] = 0.2 + rand();
  return { ...f, terms, numbers: [...f.numbers, String(Math.floor(rand() * 30))] };
}

test('packAgain equals pack() version after version, reusing only what is still right', () => {
  const db = openDatabase(':memory:');
  const cells = new DfCells(db);
  const { feats } = scoringFixtures();
  const rand = mulberry32(23);
  const profiles: { p: Profile; packed: Packed | undefined }[] = [0, 1, 2].map(() => ({ p: emptyProfile(), packed: undefined }));
  let reused = 0;
  for (let step = 0; step < STEPS; step++) {
    const f = varied(rand, feats[Math.floor(rand() * feats.length)] as Features, step);
    cells.increment([...new Set(dfKeys(f))]);
    const slot = profiles[Math.floor(rand() * profiles.length)] as { p: Profile; packed: Packed | undefined };
    addToProfile(slot.p, f);
    if (rand() < 0.1) {
      // A key removed and listed again: it moves to the end of the record's key order.
      const k = Object.keys(slot.p.terms)[0];
      if (k !== undefined && !/^\d+$/.test(k)) {
        const v = slot.p.terms[k] as number;
        delete slot.p.terms[k];
        slot.p.terms[k] = v;
      }
    }
    // Sometimes the cells are dropped (a new epoch: nothing may be reused) or only emptied of keys not yet seen.
    if (rand() < 0.05) cells.reset();
    const before = slot.packed;
    const got = packAgain(slot.p, cells, before);
    samePack(got, pack(slot.p, cells), `step ${step}`);
    if (before && before.epoch === cells.epoch) reused++;
    slot.packed = got;
  }
  assert.ok(reused > STEPS / 2, `reused a previous pack ${reused} times`);
  assert.ok(
    profiles.every(({ p }) => Object.keys(p.terms).length > 100),
    'the profiles grew to their trim size',
  );
  db.close();
});

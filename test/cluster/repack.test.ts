/**
 * Repacking a saved row takes the cells of the keys it kept from its previous packing (packed.ts); the result must be
 * what packing from scratch gives: the same cell objects in the same order, the same weights and segment bounds,
 * whatever happened to the profile in between (articles added and removed, trims, merges, a profile replaced), and a
 * packing from an earlier epoch must not be used. Also through ClusterState: a row packed, changed, saved and packed
 * again equals a fresh packing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DfCells } from '../../src/cluster/internal/dfcells.js';
import { type Features, featuresOf } from '../../src/cluster/internal/features.js';
import { dfKeys } from '../../src/cluster/internal/idf.js';
import { combineProfiles } from '../../src/cluster/internal/ops.js';
import { type Packed, pack } from '../../src/cluster/internal/packed.js';
import { addToProfile, emptyProfile, type Profile } from '../../src/cluster/internal/profile.js';
import { ClusterState, type ProfileRow } from '../../src/cluster/internal/state.js';
import { syntheticStream } from '../../src/cluster/internal/synthetic.js';
import { mulberry32 } from '../../src/internal/random.js';
import { openDatabase } from '../../src/store/db.js';

const feats: Features[] = [...syntheticStream(400)].map((a) => featuresOf({ title: a.title, text: a.text, published: a.published, language: 'xx' }));

function assertSame(got: Packed, want: Packed, why: string): void {
  assert.equal(got.epoch, want.epoch, `${why}: epoch`);
  assert.equal(got.eStart, want.eStart, `${why}: eStart`);
  assert.equal(got.nStart, want.nStart, `${why}: nStart`);
  assert.equal(got.cells.length, want.cells.length, `${why}: length`);
  for (let i = 0; i < want.cells.length; i++) assert.ok(got.cells[i] === want.cells[i], `${why}: cell ${i}`);
  assert.deepEqual([...got.w], [...want.w], `${why}: weights`);
  assert.deepEqual(got.keys, want.keys, `${why}: keys`);
}

test('a repack equals a fresh packing after random changes to the profile (randomized)', () => {
  const db = openDatabase(':memory:');
  const writer = new DfCells(db);
  for (const f of feats.slice(0, 200)) writer.increment([...new Set(dfKeys(f))]);
  writer.fold();
  const cells = new DfCells(db);
  const r = mulberry32(11);
  const pick = (): Features => feats[Math.floor(r() * feats.length)] as Features;
  let reused = 0;
  for (let trial = 0; trial < 30; trial++) {
    let p = emptyProfile();
    const members: Features[] = [];
    let before: Packed | undefined;
    for (let step = 0; step < 25; step++) {
      const op = r();
      if (op < 0.6 || members.length === 0) {
        const f = pick();
        members.push(f);
        addToProfile(p, f);
      } else if (op < 0.75) {
        const f = members.splice(Math.floor(r() * members.length), 1)[0] as Features;
        addToProfile(p, f, -1);
      } else if (op < 0.85) {
        const other = emptyProfile();
        for (let i = 0; i < 3; i++) addToProfile(other, pick());
        combineProfiles(p, other);
      } else if (op < 0.9) {
        // A profile replaced by another (rebuilt): the earlier packing holds other keys.
        p = emptyProfile();
        for (const f of members) addToProfile(p, f);
      } else if (op < 0.95) {
        // A new epoch: the earlier packing's cells must not be reused.
        (cells as unknown as { dropCells(): void }).dropCells();
      }
      const fresh = pack(p, cells);
      const again = pack(p, cells, before, true);
      assertSame(again, fresh, `trial ${trial} step ${step}`);
      if (before && before.epoch === cells.epoch) for (let i = 0; i < again.cells.length; i++) if (before.cells.includes(again.cells[i] as never)) reused++;
      before = r() < 0.7 ? again : before;
    }
  }
  assert.ok(reused > 1000, `repacks found earlier cells (${reused})`);
  db.close();
});

test('ClusterState repacks a saved row as a fresh packing', () => {
  const db = openDatabase(':memory:');
  const state = new ClusterState(db);
  for (const f of feats.slice(0, 100)) state.observe(dfKeys(f));
  const row: ProfileRow = { id: 'ev_1', kind: 'event', profile: emptyProfile(), repArticle: null, repScore: 0, locked: false, indexed: [] };
  for (const f of feats.slice(0, 10)) addToProfile(row.profile, f);
  state.saveProfile(row);
  let last = state.packed(row);
  for (let i = 10; i < 60; i++) {
    addToProfile(row.profile, feats[i] as Features);
    state.saveProfile(row);
    assert.equal(row.packed, undefined, 'saving drops the packing');
    // Saved twice without a packing in between half the time: the older packing is the one kept.
    if (i % 2 === 0) continue;
    const got = state.packed(row);
    assert.ok(got !== last, 'packed again');
    assertSame(got, pack(row.profile as Profile, state.cells), `article ${i}`);
    assert.equal(state.packed(row), got, 'cached until saved');
    last = got;
  }
  db.close();
});

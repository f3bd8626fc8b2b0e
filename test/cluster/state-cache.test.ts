/**
 * The profile cache (state.ts): a row read again is moved to the recent end only when over RECENT_ROWS rows were put
 * there since it last was. Checked against a plain least-recently-used model of the same bound: a row is still cached
 * (the very object) whenever the model's LRU order holds it within PROFILE_CACHE_MAX − RECENT_ROWS of the recent end, a
 * row the model evicted without a read since is reloaded from the store, the number of cached rows never passes the
 * bound, and every row read (cached or reloaded) holds what was last saved. Randomized over reads, saves and new rows.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyProfile } from '../../src/cluster/internal/profile.js';
import { ClusterState, PROFILE_CACHE_MAX, type ProfileRow, RECENT_ROWS } from '../../src/cluster/internal/state.js';
import { mulberry32 } from '../../src/internal/random.js';
import { openDatabase } from '../../src/store/db.js';

function rowOf(id: string, score: number): ProfileRow {
  return { id, kind: 'event', profile: emptyProfile(), repArticle: `a_${id}`, repScore: score, locked: false, indexed: [] };
}

test('the profile cache keeps rows read within its bound, drops the least recent, and always reads what was saved', () => {
  const db = openDatabase(':memory:');
  const state = new ClusterState(db);
  const r = mulberry32(7);
  // The last saved row object and score of each id, and an exact LRU order of the ids (least recent first).
  const saved = new Map<string, { row: ProfileRow; score: number }>();
  const lru = new Map<string, true>();
  const touch = (id: string) => {
    lru.delete(id);
    lru.set(id, true);
  };
  let next = 0;
  let kept = 0;
  let reloaded = 0;
  const hot = 'hot';
  const save = (id: string) => {
    const score = r();
    const row = rowOf(id, score);
    state.saveProfile(row);
    saved.set(id, { row, score });
    touch(id);
  };
  save(hot);
  for (let step = 0; step < 4 * PROFILE_CACHE_MAX; step++) {
    const op = r();
    if (op < 0.45 || saved.size < 10) save(`ev_${next++}`);
    else {
      const ids = [...saved.keys()];
      // Mostly recent rows, sometimes any row, and the hot row every few hundred steps.
      const id =
        step % 300 === 0
          ? hot
          : op < 0.85
            ? (ids[Math.max(0, ids.length - 1 - Math.floor(r() * 50))] as string)
            : (ids[Math.floor(r() * ids.length)] as string);
      const order = [...lru.keys()];
      const fromEnd = order.length - 1 - order.indexOf(id);
      const got = state.profile(id);
      assert.ok(got, `${id} read`);
      const want = saved.get(id) as { row: ProfileRow; score: number };
      assert.equal(got.repScore, want.score, `${id} holds what was saved last`);
      // The hot row, read every 300 steps (~135 new rows apart), is never dropped.
      if (id === hot) assert.equal(got, want.row, 'the hot row stays cached');
      if (got === want.row) kept++;
      else {
        reloaded++;
        // Reloaded: the exact LRU model must have had it far from the recent end (or evicted it).
        assert.ok(fromEnd >= PROFILE_CACHE_MAX - RECENT_ROWS, `${id} reloaded though only ${fromEnd} rows were used after it`);
        saved.set(id, { row: got, score: want.score });
      }
      if (op > 0.95 && op <= 0.97) {
        // Another row object saved under a cached id (as a rebuild does): reads give it from now on.
        const fresh = rowOf(id, r());
        state.saveProfile(fresh);
        saved.set(id, { row: fresh, score: fresh.repScore });
        assert.equal(state.profile(id), fresh, `${id} read as the row saved last`);
      } else if (op > 0.97) {
        // Saved again through the row read (the cached object, or the one loaded now).
        got.repScore = r();
        state.saveProfile(got);
        saved.set(id, { row: got, score: got.repScore });
      }
      touch(id);
    }
  }
  assert.ok(kept > 1000 && reloaded > 20, `both cached and reloaded reads happened: ${kept} / ${reloaded}`);
  // The hot row, read every 300 steps, was never dropped.
  assert.equal(state.profile(hot), saved.get(hot)?.row);
  // Bounded: of rows saved one after another and not read since, the latest PROFILE_CACHE_MAX are cached (read newest
  // first, so a reload cannot push out one not read yet) and the ones before them are not.
  const extra = 10;
  for (let i = 0; i < PROFILE_CACHE_MAX + extra; i++) save(`fresh_${i}`);
  const cached: boolean[] = [];
  for (let i = PROFILE_CACHE_MAX + extra - 1; i >= 0; i--) cached[i] = state.profile(`fresh_${i}`) === saved.get(`fresh_${i}`)?.row;
  assert.deepEqual(
    cached.map((c, i) => c === i >= extra),
    cached.map(() => true),
    'the latest PROFILE_CACHE_MAX kept, the earlier dropped',
  );
});

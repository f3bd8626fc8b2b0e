/**
 * The in-memory window of the inverted index (postings.ts, used through ClusterState.candidates) must return
 * exactly the events the SQL lookup returns, after any sequence of listings, time changes and removals, including
 * ties at the per-key limit, undated events beyond the kept prefix and windows older than a key's floor.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyProfile } from '../../src/cluster/internal/profile.js';
import { ClusterState, LoadLimitError, type ProfileRow, UNKNOWN_TIME } from '../../src/cluster/internal/state.js';
import { mulberry32 } from '../../src/internal/random.js';
import { openDatabase } from '../../src/store/db.js';

/** The SQL lookup the memory index replaces (one key, as ClusterState issued it before). */
function sqlLookup(db: ReturnType<typeof openDatabase>, key: string, lo: number, hi: number, n: number): string[] {
  return db
    .prepare(`SELECT event_id FROM (SELECT event_id FROM cluster_postings WHERE key = @key AND t_hi >= @lo AND t_lo <= @hi
        ORDER BY t_hi DESC, t_lo DESC, event_id DESC LIMIT @n)
      UNION ALL SELECT event_id FROM (SELECT event_id FROM cluster_postings WHERE key = @key AND t_hi = @unknown ORDER BY t_lo, event_id LIMIT @n)`)
    .pluck()
    .all({ key, lo, hi, n, unknown: UNKNOWN_TIME }) as string[];
}

const PER_KEY = 4;
const KEYS = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5'];
const DAY0 = 20_000;

test('memory lookups equal the SQL lookup through random listings, time changes and removals', () => {
  const db = openDatabase(':memory:');
  const state = new ClusterState(db, PER_KEY);
  const rand = mulberry32(7);
  // Key weights from their own generator (the listing sequence stays as it was): sums must add the same weights in the same order.
  const weightOf = mulberry32(11);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const rows = new Map<string, ProfileRow>();
  let checked = 0;
  let limited = 0;
  for (let step = 0; step < 1_500; step++) {
    const r = rand();
    if (r < 0.55 || rows.size < 5) {
      // List a new or existing event under a few keys, with a (possibly moved) window; some events are undated.
      const id = rand() < 0.5 || rows.size === 0 ? `ev_${step.toString(36)}` : pick([...rows.keys()]);
      const row = rows.get(id) ?? { id, kind: 'event' as const, profile: emptyProfile(), repArticle: null, repScore: 0, locked: false, indexed: [] };
      const before = [row.profile.tLo, row.profile.tHi];
      if (rand() < 0.15) {
        row.profile.tLo = null;
        row.profile.tHi = null;
      } else {
        // Few distinct days, so the per-key limit often falls inside a run of ties.
        const lo = DAY0 + Math.floor(step / 10) + Math.floor(rand() * 6);
        row.profile.tLo = lo;
        row.profile.tHi = lo + Math.floor(rand() * 3);
      }
      const keys = KEYS.filter(() => rand() < 0.4);
      state.reindex(row, keys, before[0] !== row.profile.tLo || before[1] !== row.profile.tHi);
      rows.set(id, row);
    } else if (r < 0.65) {
      const id = pick([...rows.keys()]);
      state.unindex(id);
      rows.delete(id);
    } else {
      // Windows mostly follow the stream; some reach back before the keys' floors.
      const t = DAY0 + Math.floor(step / 10) - (rand() < 0.1 ? 40 : Math.floor(rand() * 5));
      const window = { lo: t - 10, hi: t + 10 };
      const keys = KEYS.filter(() => rand() < 0.5).map((key) => ({ key, weight: 0.1 + weightOf() }));
      const got = state.candidates(keys, window, PER_KEY);
      const want = new Map<string, number>();
      for (const { key, weight } of keys) {
        const ids = sqlLookup(db, key, window.lo, window.hi, PER_KEY);
        if (ids.length >= PER_KEY) limited++;
        for (const id of ids) want.set(id, (want.get(id) ?? 0) + weight);
      }
      assert.deepEqual(
        [...got].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
        [...want].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
        `step ${step}`,
      );
      checked++;
    }
  }
  assert.ok(checked > 300, `checked ${checked} lookups`);
  assert.ok(limited > 50, `the per-key limit applied in ${limited} lookups`);
  db.close();
});

test('another process’s changes reach the memory index through the caches being dropped', () => {
  const db = openDatabase(':memory:');
  const state = new ClusterState(db, PER_KEY);
  const row: ProfileRow = {
    id: 'ev_a',
    kind: 'event',
    profile: { ...emptyProfile(), tLo: DAY0, tHi: DAY0 },
    repArticle: null,
    repScore: 0,
    locked: false,
    indexed: [],
  };
  state.reindex(row, ['k0'], true);
  const window = { lo: DAY0 - 5, hi: DAY0 + 5 };
  assert.deepEqual([...state.candidates([{ key: 'k0', weight: 1 }], window, PER_KEY).keys()], ['ev_a']);
  // A write behind the index's back (as another process would make), then the generation bump that announces it.
  db.prepare('INSERT INTO cluster_postings (key, event_id, t_lo, t_hi) VALUES (?, ?, ?, ?)').run('k0', 'ev_b', DAY0, DAY0);
  db.prepare("UPDATE cluster_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation'").run();
  state.sync();
  assert.deepEqual([...state.candidates([{ key: 'k0', weight: 1 }], window, PER_KEY).keys()].sort(), ['ev_a', 'ev_b']);
  db.close();
});

test('a per-key limit that cannot be written into the load statement fails with LoadLimitError', () => {
  const window = { lo: DAY0 - 5, hi: DAY0 + 5 };
  for (const perKey of [2.5, Number.NaN]) {
    const db = openDatabase(':memory:');
    const state = new ClusterState(db, perKey);
    assert.throws(() => state.candidates([{ key: 'k0', weight: 1 }], window, 1), LoadLimitError, `postingsPerKey ${perKey}`);
    db.close();
  }
  // A whole limit loads.
  const db = openDatabase(':memory:');
  assert.deepEqual([...new ClusterState(db, 3).candidates([{ key: 'k0', weight: 1 }], window, 1).keys()], []);
  db.close();
});

test('lookups answered by SQL (more per key than memory keeps, or no window) equal the reference SQL with a bound LIMIT', () => {
  const db = openDatabase(':memory:');
  const state = new ClusterState(db, PER_KEY);
  const rand = mulberry32(11);
  for (let i = 0; i < 60; i++) {
    const row: ProfileRow = { id: `ev_${i}`, kind: 'event', profile: emptyProfile(), repArticle: null, repScore: 0, locked: false, indexed: [] };
    if (rand() > 0.2) {
      row.profile.tLo = DAY0 + Math.floor(rand() * 20);
      row.profile.tHi = row.profile.tLo + Math.floor(rand() * 3);
    }
    state.reindex(
      row,
      KEYS.filter(() => rand() < 0.6),
      true,
    );
  }
  const all = db.prepare('SELECT event_id FROM cluster_postings WHERE key = ? ORDER BY t_hi DESC, t_lo DESC, event_id DESC LIMIT ?').pluck();
  const cases: { perKey: number; window: { lo: number; hi: number } | null }[] = [
    { perKey: PER_KEY + 1, window: { lo: DAY0 + 5, hi: DAY0 + 12 } },
    { perKey: PER_KEY + 3, window: { lo: DAY0, hi: DAY0 + 30 } },
    { perKey: PER_KEY, window: null },
    { perKey: 2, window: null },
  ];
  let limited = 0;
  for (const c of cases)
    for (const key of KEYS) {
      const got = [...state.candidates([{ key, weight: 1 }], c.window, c.perKey).keys()].sort();
      const want = (c.window ? sqlLookup(db, key, c.window.lo, c.window.hi, c.perKey) : (all.all(key, c.perKey) as string[])).sort();
      if (want.length >= c.perKey) limited++;
      assert.deepEqual(got, want, `${key} perKey ${c.perKey} window ${JSON.stringify(c.window)}`);
    }
  assert.ok(limited > 10, `the limit applied in ${limited} lookups`);
  db.close();
});

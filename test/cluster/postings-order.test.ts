/**
 * The postings window keeps each key's events latest first and walks them only as far as a lookup needs (postings.ts
 * `window`). Events share one window object across keys, so a change made through one key must reorder every list
 * holding the event (the log of changes, `tidy`). Checked against a plain model of the postings through random
 * listings, window changes (later and earlier), removals and lookups, with a log small enough to overflow often.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PostingsIndex } from '../../src/cluster/internal/postings.js';
import { mulberry32 } from '../../src/internal/random.js';

interface Window {
  tLo: number;
  tHi: number;
}

const UNKNOWN = -1;
const DAY0 = 20_000;
const KEYS = ['a', 'b', 'c', 'd', 'e'];

/** The postings as SQLite holds them: key → event → window. */
type Model = Map<string, Map<string, Window>>;

function latestFirst(a: [string, Window], b: [string, Window]): number {
  return b[1].tHi - a[1].tHi || b[1].tLo - a[1].tLo || (a[0] < b[0] ? 1 : -1);
}

/** What the windowed SQL lookup returns for one key: dated events in [lo, hi] latest first (at most n), then undated by id (at most n). */
function reference(model: Model, key: string, lo: number, hi: number, n: number): string[] {
  const rows = [...(model.get(key) ?? new Map<string, Window>())];
  const dated = rows
    .filter(([, w]) => w.tHi !== UNKNOWN && w.tHi >= lo && w.tLo <= hi)
    .sort(latestFirst)
    .slice(0, n);
  const undated = rows
    .filter(([, w]) => w.tHi === UNKNOWN)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .slice(0, n);
  return [...dated, ...undated].map(([id]) => id);
}

function source(model: Model) {
  return {
    load(key: string, floor: number, limit: number) {
      const rows = [...(model.get(key) ?? new Map<string, Window>())];
      const dated = rows.filter(([, w]) => w.tHi !== UNKNOWN && w.tHi >= floor);
      const undated = rows.filter(([, w]) => w.tHi === UNKNOWN).sort((a, b) => (a[0] < b[0] ? -1 : 1));
      return [...dated, ...undated.slice(0, limit)].map(([event_id, w]) => ({ event_id, t_lo: w.tLo, t_hi: w.tHi }));
    },
  };
}

const CASES = [
  { seed: 1, perKey: 3, logMax: 2 },
  { seed: 2, perKey: 4, logMax: 8 },
  { seed: 3, perKey: 6, logMax: 4_096 },
];

for (const { seed, perKey, logMax } of CASES) {
  test(`ordered lists stay exact through window changes (seed ${seed}, ${perKey} per key, log of ${logMax})`, () => {
    const rand = mulberry32(seed);
    const model: Model = new Map(KEYS.map((k) => [k, new Map<string, Window>()]));
    const index = new PostingsIndex(source(model), perKey, logMax);
    const listed = new Map<string, Set<string>>();
    let checked = 0;
    let cut = 0;
    for (let step = 0; step < 3_000; step++) {
      const day = DAY0 + Math.floor(step / 20);
      const r = rand();
      if (r < 0.5 || listed.size < 4) {
        // List an event (new or not) under some keys with a window that may move later, earlier or become undated,
        // as ClusterState.reindex does: unlisted keys removed, then every listed key placed with the new window.
        const ids = [...listed.keys()];
        const id = rand() < 0.4 || ids.length === 0 ? `ev${step}` : (ids[Math.floor(rand() * ids.length)] as string);
        const undated = rand() < 0.1;
        const lo = day - Math.floor(rand() * 8);
        const w: Window = undated ? { tLo: UNKNOWN, tHi: UNKNOWN } : { tLo: lo, tHi: lo + Math.floor(rand() * 4) };
        const keys = new Set(KEYS.filter(() => rand() < 0.5));
        for (const k of listed.get(id) ?? []) {
          if (keys.has(k)) continue;
          model.get(k)?.delete(id);
          index.remove(k, id);
        }
        for (const k of keys) {
          model.get(k)?.set(id, w);
          index.place(k, id, w.tLo, w.tHi);
        }
        listed.set(id, keys);
      } else if (r < 0.6) {
        const ids = [...listed.keys()];
        const id = ids[Math.floor(rand() * ids.length)] as string;
        for (const k of listed.get(id) ?? []) {
          model.get(k)?.delete(id);
          index.remove(k, id);
        }
        listed.delete(id);
      } else if (r < 0.8) {
        const key = KEYS[Math.floor(rand() * KEYS.length)] as string;
        const t = day - Math.floor(rand() * 6);
        const span = rand() < 0.5 ? 3 : 30;
        const want = reference(model, key, t - span, t + span, perKey);
        const got = index.lookup(key, t - span, t + span, perKey, t - 30);
        if (got === null) continue;
        assert.deepEqual(got, want, `step ${step}: lookup of ${key}`);
        if (want.length >= perKey) cut++;
        checked++;
      } else {
        const t = day - Math.floor(rand() * 6);
        const keys = KEYS.filter(() => rand() < 0.6).map((key, i) => ({ key, weight: 1 + i }));
        const got = index.tally(keys, t - 3, t + 3, perKey, t - 30);
        if (got === null) continue;
        const want = new Map<string, number>();
        for (const { key, weight } of keys) for (const id of reference(model, key, t - 3, t + 3, perKey)) want.set(id, (want.get(id) ?? 0) + weight);
        assert.deepEqual([...got].sort(), [...want].sort(), `step ${step}: tally`);
        checked++;
      }
    }
    assert.ok(checked > 800, `checked ${checked}`);
    assert.ok(cut > 50, `the per-key cut applied in ${cut} lookups`);
  });
}

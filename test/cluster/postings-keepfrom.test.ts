/**
 * The clusterer asks the postings window twice per article: the event window (±10 days) inside the storyline window
 * (±120 days). The narrower lookup passes `keepFrom` (the wider window's start) so it neither prunes what the wider one
 * needs nor makes it reload the key: both answers equal a plain in-memory filter of the postings, and a key loads once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PostingsIndex } from '../../src/cluster/internal/postings.js';
import { mulberry32 } from '../../src/internal/random.js';

interface Row {
  event_id: string;
  t_lo: number;
  t_hi: number;
}

const DAY0 = 20_000;
const PER_KEY = 50;

/** The reference: what the windowed SQL lookup returns (dated rows in the window, latest first, at most n). */
function reference(rows: readonly Row[], lo: number, hi: number, n: number): string[] {
  return rows
    .filter((r) => r.t_hi >= lo && r.t_lo <= hi)
    .sort((a, b) => b.t_hi - a.t_hi || b.t_lo - a.t_lo || (a.event_id < b.event_id ? 1 : -1))
    .slice(0, n)
    .map((r) => r.event_id);
}

test('alternating event-window and storyline-window lookups with keepFrom: exact answers, one load per key', () => {
  const rand = mulberry32(5);
  // One key's postings: events spread over 400 days, each active 0–3 days.
  const rows: Row[] = [];
  for (let i = 0; i < 400; i++) {
    const lo = DAY0 + Math.floor(rand() * 400);
    rows.push({ event_id: `ev_${i}`, t_lo: lo, t_hi: lo + Math.floor(rand() * 4) });
  }
  let loads = 0;
  const index = new PostingsIndex(
    {
      load: (_key, floor) => {
        loads++;
        return rows.filter((r) => r.t_hi >= floor);
      },
    },
    PER_KEY,
  );
  for (const keepFromUsed of [true, false]) {
    index.clear();
    loads = 0;
    // The stream moves forward day by day; each article asks the narrow window, then the wide one.
    for (let t = DAY0 + 150; t < DAY0 + 400; t++) {
      const wide = { lo: t - 120, hi: t + 120 };
      const narrow = { lo: t - 10, hi: t + 10 };
      const gotNarrow = index.lookup('k', narrow.lo, narrow.hi, PER_KEY, keepFromUsed ? wide.lo : narrow.lo);
      const gotWide = index.lookup('k', wide.lo, wide.hi, PER_KEY);
      // The same events (the order is free: the caller sums key weights per event).
      assert.deepEqual(gotNarrow?.sort(), reference(rows, narrow.lo, narrow.hi, PER_KEY).sort(), `narrow at ${t}`);
      assert.deepEqual(gotWide?.sort(), reference(rows, wide.lo, wide.hi, PER_KEY).sort(), `wide at ${t}`);
    }
    if (keepFromUsed) assert.equal(loads, 1, 'with keepFrom the key loads once');
    else assert.ok(loads > 100, `without keepFrom the narrow lookups prune and the wide ones reload (${loads} loads)`);
  }
});

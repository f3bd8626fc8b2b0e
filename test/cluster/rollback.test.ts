/**
 * A transaction rolled back after `assign` returned leaves the clusterer's in-memory caches holding what was undone;
 * `invalidate()` drops them. The case that counters cannot catch: another connection commits in between, so the
 * stored document count matches the stale cache again.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { createClusterer } from '../../src/cluster/index.js';
import { storeBare } from '../../src/cluster/internal/streams.js';
import { openDatabase } from '../../src/store/db.js';
import { tempDir } from '../helpers/tmp.js';

const harbour = (id: string, day: string) => ({
  id,
  title: 'Ferry pier at Tollvik closed after crane collapse',
  text: 'A loading crane collapsed onto the ferry pier at Tollvik on Monday, and the harbour office closed the pier until inspectors finish their checks. Ferries to Orsund are diverted to the north quay.',
  lang: 'en',
  published: `2026-05-${day}T08:00:00Z`,
});
const orchard = (id: string, day: string) => ({
  id,
  title: 'Late frost damages cherry orchards in the Vessel valley',
  text: 'Growers in the Vessel valley lost much of the cherry blossom to a late frost on Sunday night. The farmers union asked the ministry for emergency support for the worst hit orchards.',
  lang: 'en',
  published: `2026-05-${day}T09:00:00Z`,
});

test('after a rollback and invalidate(), the next article is placed against what is stored, not what was undone', () => {
  const file = join(tempDir(), 'c.db');
  const a = openDatabase(file);
  const b = openDatabase(file);
  const clusterA = createClusterer(a);
  const clusterB = createClusterer(b);
  a.transaction(() => clusterA.assign(storeBare(a, orchard('o1', '03'))))();
  // Connection A assigns a harbour article (a new event) and then rolls the transaction back.
  assert.throws(() =>
    a.transaction(() => {
      clusterA.assign(storeBare(a, harbour('h1', '04')));
      throw new Error('later step failed');
    })(),
  );
  clusterA.invalidate();
  // Connection B commits one article, so the stored document count equals A's stale count again.
  b.transaction(() => clusterB.assign(storeBare(b, orchard('o2', '04'))))();
  // A's next harbour article must start a real event: the rolled-back one never existed.
  const placed = a.transaction(() => clusterA.assign(storeBare(a, harbour('h2', '05'))))();
  const stored = a.prepare('SELECT event_id FROM article_events WHERE article_id = ?').pluck().get('h2');
  assert.equal(stored, placed.eventId);
  assert.ok(a.prepare('SELECT 1 FROM events WHERE id = ?').get(placed.eventId), 'the event exists');
  assert.equal(a.prepare("SELECT COUNT(*) FROM article_events WHERE article_id = 'h1'").pluck().get(), 0);
  a.close();
  b.close();
});

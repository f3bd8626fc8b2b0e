/** Order independence: the same articles in different arrival orders give the same partition (or a very close one). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClusterer } from '../../src/cluster/index.js';
import { bcubed } from '../../src/cluster/internal/eval.js';
import { FIXTURES, permutations, storedFixtures } from './fixtures.js';

/** Agreement floor between orders (BCubed F1 of one order's events against another's); the fixtures reach 1.0 today. */
const MIN_AGREEMENT = 0.95;

function partition(order: typeof FIXTURES) {
  const { db, articles } = storedFixtures(order);
  const c = createClusterer(db);
  for (const a of articles) db.transaction(() => c.assign(a))();
  const rows = db.prepare('SELECT ae.article_id, ae.event_id, e.story_id FROM article_events ae JOIN events e ON e.id = ae.event_id').all() as {
    article_id: string;
    event_id: string;
    story_id: string;
  }[];
  return { event: new Map(rows.map((r) => [r.article_id, r.event_id])), story: new Map(rows.map((r) => [r.article_id, r.story_id])) };
}

test('event and storyline partitions agree across arrival orders', () => {
  const base = partition(FIXTURES);
  const gold = new Map(FIXTURES.map((f) => [f.id, f.event]));
  assert.equal(bcubed(gold, base.event).f1, 1, 'file order matches the gold events');
  for (const order of permutations(6)) {
    const p = partition(order);
    const agree = bcubed(base.event, p.event).f1;
    assert.ok(agree >= MIN_AGREEMENT, `event agreement ${agree.toFixed(3)} for order ${order.map((f) => f.id).join(',')}`);
    assert.ok(bcubed(base.story, p.story).f1 >= MIN_AGREEMENT, 'storyline agreement');
  }
});

/**
 * Clusterer.reconsider: an article placed in the wrong event (as a weak date would place it) moves to the event
 * its evidence now supports, as a logged automatic decision; a well-placed article stays; a human pin wins.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Database } from 'better-sqlite3';
import { type Clusterer, createClusterer, moveItem } from '../../src/cluster/index.js';
import { type Ctx, rebuildEvent, rebuildStory, storyOf } from '../../src/cluster/internal/ops.js';
import { DEFAULT_OPTIONS } from '../../src/cluster/internal/options.js';
import { ClusterState } from '../../src/cluster/internal/state.js';
import type { StoredArticle } from '../../src/types.js';
import { storedFixtures } from './fixtures.js';

function setup(): { db: Database; c: Clusterer; byId: Map<string, StoredArticle>; eventOf: (a: string) => string } {
  const { db, articles } = storedFixtures();
  const c = createClusterer(db);
  for (const a of articles) db.transaction(() => c.assign(a))();
  const eventOf = (a: string) => (db.prepare('SELECT event_id FROM article_events WHERE article_id = ?').get(a) as { event_id: string }).event_id;
  return { db, c, byId: new Map(articles.map((a) => [a.id, a])), eventOf };
}

/** Puts an article into another event as if it had been placed there (no decision logged, nothing pinned). */
function misplace(db: Database, article: string, to: string): void {
  const ctx: Ctx = { db, state: new ClusterState(db), indexKeys: DEFAULT_OPTIONS.indexKeys };
  const from = (db.prepare('SELECT event_id FROM article_events WHERE article_id = ?').get(article) as { event_id: string }).event_id;
  db.prepare('UPDATE article_events SET event_id = ? WHERE article_id = ?').run(to, article);
  rebuildEvent(ctx, from);
  rebuildEvent(ctx, to);
  for (const s of new Set([storyOf(db, from), storyOf(db, to)])) if (s) rebuildStory(ctx, s);
  ctx.state.bumpGeneration();
}

test('a misplaced article moves back to the event its evidence supports, as an automatic decision', () => {
  const { db, c, byId, eventOf } = setup();
  const second = eventOf('aferry5');
  const first = eventOf('aferry1');
  assert.notEqual(first, second, 'the fixtures give two meetings two events');
  misplace(db, 'aferry4', first);
  const r = db.transaction(() => c.reconsider(byId.get('aferry4') as StoredArticle))();
  assert.equal(r.moved, true, r.reason);
  assert.equal(r.from, first);
  assert.equal(r.to, second);
  assert.equal(eventOf('aferry4'), second);
  const d = db.prepare("SELECT origin, payload FROM cluster_decisions WHERE action = 'move-article'").all() as { origin: string; payload: string }[];
  assert.equal(d.length, 1);
  assert.equal(d[0]?.origin, 'auto');
  assert.ok(
    (db.prepare('SELECT explanation FROM article_events WHERE article_id = ?').get('aferry4') as { explanation: string }).explanation.includes('reconsidered'),
  );
});

test('a well-placed article stays where it is', () => {
  const { db, c, byId, eventOf } = setup();
  for (const id of ['aferry1', 'aferry5', 'achess2']) {
    const before = eventOf(id);
    const r = db.transaction(() => c.reconsider(byId.get(id) as StoredArticle))();
    assert.equal(r.moved, false, `${id}: ${r.reason}`);
    assert.equal(eventOf(id), before);
  }
});

test('an article a human moved is never moved by reconsider', () => {
  const { db, c, byId, eventOf } = setup();
  const first = eventOf('aferry1');
  moveItem(db, 'aferry4', first, 'the editor wants it with the first meeting');
  const r = db.transaction(() => c.reconsider(byId.get('aferry4') as StoredArticle))();
  assert.equal(r.moved, false);
  assert.match(r.reason, /human/);
  assert.equal(eventOf('aferry4'), first);
});

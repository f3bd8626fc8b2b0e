/** Compare reads the annotations stored at ingest (`auto`), annotates only what lacks them, and agrees with a fresh run. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import type { Database } from 'better-sqlite3';
import { inputForArticles } from '../../src/compare/index.js';
import { loadAnnotations } from '../../src/extract/load.js';
import { ingestPaths } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/db.js';

const root = path.resolve(import.meta.dirname, '../..');
let db: Database;
let ids: string[];

before(() => {
  db = openDatabase(':memory:');
  ingestPaths(db, [path.join(root, 'demo/corpus/articles/meridian-wire'), path.join(root, 'demo/corpus/articles/harbor-ledger')]);
  ids = (db.prepare('SELECT id FROM articles ORDER BY seq').all() as { id: string }[]).map((r) => r.id);
});

test('every ingested article has stored annotations that load back with their mentions, quotes and numbers', () => {
  const stored = loadAnnotations(db, ids);
  assert.equal(stored.size, ids.length);
  const all = [...stored.values()];
  assert.ok(all.some((a) => a.entities.some((e) => e.mentions.length > 1)));
  assert.ok(all.some((a) => a.quotes.length > 0));
  assert.ok(all.some((a) => a.numbers.length > 0));
  for (const a of all) for (const e of a.entities) for (const m of e.mentions) assert.ok(m.span.end > m.span.start);
});

test('auto uses the stored annotations: same quotes and numbers as a fresh extract run, no re-annotation note', () => {
  const auto = inputForArticles(db, { id: 's', title: 's', articleIds: ids }, { annotator: 'auto' });
  const fresh = inputForArticles(db, { id: 's', title: 's', articleIds: ids }, { annotator: 'extract' });
  assert.ok(!auto.notes.some((n) => n.includes('annotated now')));
  for (const id of ids) {
    const a = auto.annotations[id];
    const f = fresh.annotations[id];
    assert.ok(a && f, id);
    assert.deepEqual(
      a.quotes.map((q) => [q.paragraph, q.offset, q.type]),
      f.quotes.map((q) => [q.paragraph, q.offset, q.type]),
    );
    assert.deepEqual(
      a.numbers.map((n) => [n.paragraph, n.offset, n.value]),
      f.numbers.map((n) => [n.paragraph, n.offset, n.value]),
    );
  }
});

test('an article whose stored annotations are gone is annotated afresh, and the note says so', () => {
  const victim = ids[0] as string;
  db.prepare('DELETE FROM extract_articles WHERE article_id = ?').run(victim);
  const input = inputForArticles(db, { id: 's', title: 's', articleIds: ids }, { annotator: 'auto' });
  assert.ok(input.notes.some((n) => n.startsWith('1 article(s) had no stored annotations')));
  assert.ok((input.annotations[victim]?.mentions.length ?? 0) > 0);
});

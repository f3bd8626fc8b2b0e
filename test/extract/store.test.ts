import assert from 'node:assert/strict';
import { test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { annotate, articleDates, corpusReference, extractSchema, listEntities, listNumbers, listQuotes, saveAnnotations } from '../../src/extract/index.js';
import { insertArticle } from '../../src/store/articles.js';
import { migrate } from '../../src/store/migrate.js';
import { allSchemas } from '../../src/store/schemas.js';

function openDb() {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, [...allSchemas.filter((s) => s.stage !== 'extract'), extractSchema]);
  return db;
}

function addArticle(db: BetterSqlite3.Database, id: string, text: string, published: string | null) {
  insertArticle(db, {
    id,
    contentHash: id,
    canonicalUrl: null,
    path: null,
    url: null,
    record: 0,
    title: id,
    outlet: null,
    author: null,
    published,
    modified: null,
    language: 'en',
    text,
    paragraphs: text.split('\n\n'),
    format: 'text',
    raw: text,
    meta: {},
    isArticle: true,
    removed: [],
  } as Parameters<typeof insertArticle>[1]);
}

test('saveAnnotations: one key per person across articles and spellings; readers; cascade', () => {
  const db = openDb();
  const a = 'Ukrainian President Volodymyr Zelensky met envoys in Kyiv on Tuesday. “We are ready,” Zelensky said. Aid reached 600,000 people.';
  const b = 'President Volodymyr Zelenskyy spoke in Kiev. “Nothing is agreed,” he said, according to officials.';
  addArticle(db, 'a1', a, '2025-12-03');
  addArticle(db, 'a2', b, '2025-12-04');
  db.transaction(() => saveAnnotations(db, 'a1', annotate({ title: '', text: a, published: '2025-12-03', language: 'en' })))();
  db.transaction(() => saveAnnotations(db, 'a2', annotate({ title: '', text: b, published: '2025-12-04', language: 'en' })))();
  const persons = listEntities(db, { type: 'PERSON' });
  const zel = persons.filter((p) => /zelensk/i.test(p.name));
  assert.equal(zel.length, 1, 'Zelensky/Zelenskyy share one key');
  assert.equal(zel[0]?.articles, 2);
  assert.equal(zel[0]?.key, 'person:volodymyr-zelensky', 'key from the first spelling seen');
  const places = listEntities(db, { type: 'PLACE' });
  assert.equal(places.filter((p) => /^k(y|i)(i|e)v$/i.test(p.name)).length, 1, 'Kyiv/Kiev share one key');
  const quotes = listQuotes(db, { speakerKey: zel[0]?.key });
  assert.ok(quotes.length >= 2, 'quotes of both articles attributed to the same key');
  assert.equal(listNumbers(db, { articleId: 'a1' })[0]?.value, 600000);
  const dates = articleDates(db, 'a1');
  assert.equal(dates?.dates.find((d) => d.text === 'Tuesday')?.value, '2025-12-02');
  assert.equal(corpusReference(db)?.date, '2025-12-03');
  db.prepare('DELETE FROM articles WHERE id = ?').run('a1');
  assert.equal(listNumbers(db, { articleId: 'a1' }).length, 0, 'rows cascade with the article');
  // Re-saving replaces instead of duplicating.
  db.transaction(() => saveAnnotations(db, 'a2', annotate({ title: '', text: b, published: '2025-12-04', language: 'en' })))();
  assert.equal(listQuotes(db, { articleId: 'a2' }).filter((q) => q.type === 'direct').length, 1);
});

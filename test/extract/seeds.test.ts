import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { annotateBatch } from '../../src/extract/index.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const seeds = join(process.env.STORYLINE_SHARED ?? resolve(root, '../shared'), 'corpus/seeds');

test('seeds: speakers, pronoun antecedents, inferred dates, spelling variants', (t) => {
  if (!existsSync(seeds)) {
    t.skip(`no seed corpus at ${seeds}`);
    return;
  }
  const files = readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const docs = files.map((f) => ({ id: f, title: '', text: readFileSync(join(seeds, f), 'utf8'), published: null, language: 'en' }));
  const { annotations } = annotateBatch(docs);
  annotations.forEach((a, i) => {
    const text = (docs[i] as { text: string }).text;
    for (const q of a.quotes.filter((x) => x.type === 'direct')) {
      assert.ok(['named', 'pronoun', 'descriptor', 'unnamed', 'unknown'].includes(q.speaker.kind));
      if (q.speaker.kind !== 'unknown') assert.ok(q.speaker.entityKey || q.speaker.name, `speaker of "${q.text.slice(0, 30)}" is named or explicitly unknown`);
    }
    // A trailing "he said" after a quote: the speaker is a person named in the nearest earlier sentence naming one.
    for (const q of a.quotes.filter((x) => x.type === 'direct' && x.speaker.kind === 'pronoun')) {
      const after = text.slice(q.span.end, q.span.end + 12);
      if (!/^[,.!?]?\s*[”"’]?,?\s*(he|she) (said|told)/.test(after)) continue;
      assert.ok(q.speaker.entityKey, 'pronoun resolved');
      const persons = a.entities.filter((e) => e.type === 'PERSON');
      const earlier = persons.flatMap((e) => e.mentions.filter((m) => m.sentence < q.sentence).map((m) => ({ e, m })));
      const lastSentence = Math.max(...earlier.map((x) => x.m.sentence));
      const named = new Set(earlier.filter((x) => x.m.sentence === lastSentence).map((x) => x.e.key));
      assert.ok(named.has(q.speaker.entityKey as string), `speaker ${q.speaker.entityKey} is named in the sentence before`);
    }
  });
  // "Tuesday" of the Moscow meeting resolves to 2 December 2025 wherever the article's date had to be inferred.
  let tuesdays = 0;
  annotations.forEach((a, i) => {
    const text = (docs[i] as { text: string }).text;
    for (const d of a.dates.filter((x) => x.text === 'Tuesday')) {
      const sentence = text.slice(Math.max(0, d.span.start - 200), d.span.end);
      if (!/Moscow/.test(sentence) || !/meet/.test(sentence)) continue;
      tuesdays++;
      assert.equal(d.value, '2025-12-02', `Tuesday in ${files[i]}`);
      assert.ok(d.anchor, 'anchor recorded');
    }
  });
  assert.ok(tuesdays >= 2, 'the Moscow-meeting Tuesday appears in several seeds');
  // Spelling variants of the Ukrainian president collapse to one entity across the corpus.
  const keys = new Set(
    annotations.flatMap((a) => a.entities.filter((e) => e.type === 'PERSON' && /^zelensk/i.test(e.name.split(' ').pop() ?? '')).map((e) => e.key)),
  );
  assert.equal(keys.size, 1, `one key for all spellings: ${[...keys].join(', ')}`);
});

test('seeds through the store: weak dates are refreshed against the corpus reference', async (t) => {
  if (!existsSync(seeds)) {
    t.skip(`no seed corpus at ${seeds}`);
    return;
  }
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const { migrate } = await import('../../src/store/migrate.js');
  const { allSchemas } = await import('../../src/store/schemas.js');
  const { insertArticle } = await import('../../src/store/articles.js');
  const { annotate, articleDates, corpusReference, extractSchema, refreshWeakDates, saveAnnotations } = await import('../../src/extract/index.js');
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, [...allSchemas.filter((s) => s.stage !== 'extract'), extractSchema]);
  const files = readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  for (const f of files) {
    const text = readFileSync(join(seeds, f), 'utf8');
    db.transaction(() => {
      insertArticle(db, {
        id: f,
        contentHash: f,
        canonicalUrl: null,
        path: null,
        url: null,
        record: 0,
        title: f,
        outlet: null,
        author: null,
        published: null,
        modified: null,
        language: 'en',
        text,
        paragraphs: [text],
        format: 'text',
        raw: text,
        meta: {},
        isArticle: true,
        removed: [],
      } as Parameters<typeof insertArticle>[1]);
      // As the pipeline does: the reference is whatever the corpus offers so far (nothing for the first articles).
      saveAnnotations(db, f, annotate({ title: f, text, published: null, language: 'en' }, { reference: corpusReference(db) }));
    })();
  }
  const refreshed = refreshWeakDates(db, (doc, reference) => annotate(doc, { reference }));
  assert.ok(refreshed.length > 0, 'weakly dated articles were re-annotated');
  let tuesdays = 0;
  for (const f of files) {
    const text = readFileSync(join(seeds, f), 'utf8');
    for (const d of articleDates(db, f)?.dates ?? []) {
      if (d.text !== 'Tuesday' || !/Moscow/.test(text.slice(Math.max(0, d.start - 200), d.end))) continue;
      tuesdays++;
      assert.equal(d.value, '2025-12-02', `Tuesday in ${f} after refresh`);
    }
  }
  assert.ok(tuesdays >= 2);
});

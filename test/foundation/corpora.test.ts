import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { demoCorpusPath } from '../../src/cli/commands/demo.js';
import { exportDatabase } from '../../src/export.js';
import { ingestPaths } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/db.js';
import { sharedDir } from '../helpers/tmp.js';

describe('demo corpus end to end', () => {
  const db = openDatabase(':memory:');
  const summary = ingestPaths(db, [demoCorpusPath()]);
  const doc = exportDatabase(db);

  test('every demo file is read without a skip', () => {
    assert.equal(summary.skipped, 0, JSON.stringify(summary.entries.filter((e) => e.status === 'skipped')));
    assert.ok(summary.ingested >= 30);
  });
  test('at least 6 outlets and every article in a story', () => {
    assert.ok(new Set(doc.articles.map((a) => a.outlet).filter(Boolean)).size >= 6);
    const inStories = new Set(doc.stories.flatMap((s) => s.articles));
    assert.equal(inStories.size, doc.articles.length);
  });
  test('ids are stable: a second database built from the same files has the same article ids', () => {
    const db2 = openDatabase(':memory:');
    ingestPaths(db2, [demoCorpusPath()]);
    assert.deepEqual(
      exportDatabase(db2)
        .articles.map((a) => a.id)
        .sort(),
      doc.articles.map((a) => a.id).sort(),
    );
  });
});

describe('seed articles end to end', () => {
  const seeds = join(sharedDir, 'corpus', 'seeds');
  const present = existsSync(seeds);
  test('the five seeds ingest into stories', { skip: present ? false : `no seeds folder at ${seeds}` }, () => {
    const files = readdirSync(seeds).filter((f) => f.endsWith('.txt'));
    const db = openDatabase(':memory:');
    const s = ingestPaths(db, [seeds]);
    assert.equal(s.ingested, files.length, JSON.stringify(s.entries));
    const doc = exportDatabase(db);
    assert.equal(doc.articles.length, files.length);
    for (const a of doc.articles) {
      const raw = readFileSync(a.path ?? '', 'utf8');
      assert.ok(
        a.title.length > 0 && raw.includes(a.title.replace(/…$/, '')),
        `the title "${a.title}" comes from the file (a long first sentence may be shortened)`,
      );
      assert.equal(a.language, 'en');
    }
    assert.ok(doc.stories.length >= 1);
  });
});

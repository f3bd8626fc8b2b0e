/** Re-annotation after an upgrade: stale stored annotations are rebuilt with the current extract stage, in batches. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { ANNOTATIONS_VERSION } from '../../src/extract/index.js';
import { ingestInputs, reannotateStored } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/db.js';
import type { RawInput } from '../../src/types.js';
import { repoRoot, tempDir } from '../helpers/tmp.js';

/** Cleaning keeps articles of 150 characters or more; a second paragraph of context makes each one real. */
const context = 'Officials said a fuller statement would follow later in the week, after the figures had been checked by auditors.';

function input(location: string, title: string, body: string): RawInput {
  return {
    source: { location, record: 0 },
    format: 'json',
    body: `${body}\n\n${context}`,
    raw: '{}',
    meta: { title, outlet: 'Test Gazette', published: '2026-03-09T10:00:00Z' },
  };
}

const articles = [
  input(
    'a.json',
    'Wanderers lose at home',
    'Kestrel Wanderers lost 3-1 at home on Saturday. Wanderers coach Mara Ilves blamed the wind. "We were tired," she said.',
  ),
  input(
    'b.json',
    'Ferry route approved',
    'The city council approved a new ferry route on Monday. "It will cut journeys by half," said councillor Teodor Vask.',
  ),
  input('c.json', 'Bridge repairs start', 'Repairs on the Alden bridge began on Tuesday and will last six weeks, the transport office said.'),
];

const versions = (db: ReturnType<typeof openDatabase>) =>
  (db.prepare('SELECT version FROM extract_articles ORDER BY article_id').all() as { version: number }[]).map((r) => r.version);

test('stale annotations are rebuilt, in batches, and a second run finds nothing to do', () => {
  const db = openDatabase(':memory:');
  assert.equal(ingestInputs(db, articles).ingested, 3);
  // Simulate a store written by an older extract stage: an old version, and quotes it did not find.
  db.prepare('UPDATE extract_articles SET version = ?').run(ANNOTATIONS_VERSION - 1);
  db.prepare('DELETE FROM extract_quotes').run();
  const progress: [number, number][] = [];
  const s = reannotateStored(db, { batch: 2, onProgress: (d, t) => progress.push([d, t]) });
  assert.equal(s.reannotated, 3);
  assert.equal(s.version, ANNOTATIONS_VERSION);
  assert.deepEqual(progress, [
    [2, 3],
    [3, 3],
  ]);
  assert.deepEqual(versions(db), [ANNOTATIONS_VERSION, ANNOTATIONS_VERSION, ANNOTATIONS_VERSION]);
  const speakers = (db.prepare('SELECT speaker_name FROM extract_quotes ORDER BY speaker_name').all() as { speaker_name: string }[]).map((r) => r.speaker_name);
  assert.ok(speakers.includes('Mara Ilves'), `rebuilt quotes carry the current rules' speakers (got ${speakers.join(', ')})`);
  // Every article is still in an event.
  const placed = db.prepare('SELECT COUNT(*) AS n FROM article_events').get() as { n: number };
  assert.equal(placed.n, 3);
  assert.equal(reannotateStored(db).reannotated, 0, 'nothing stale after the rebuild');
  assert.equal(reannotateStored(db, { all: true }).reannotated, 3, '--all rebuilds everything');
  assert.throws(() => reannotateStored(db, { batch: 0 }), /batch must be a positive integer/);
  db.close();
});

test('storyline reannotate reports what it did', () => {
  const file = join(tempDir(), 'news.db');
  const db = openDatabase(file);
  ingestInputs(db, articles);
  db.prepare('UPDATE extract_articles SET version = ? WHERE article_id IN (SELECT article_id FROM extract_articles LIMIT 2)').run(0);
  db.close();
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/run.ts'), 'reannotate', '--db', file, ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
  const first = run(['--json']);
  assert.equal(first.status, 0, first.stderr);
  assert.equal((JSON.parse(first.stdout) as { reannotated: number }).reannotated, 2);
  const second = run([]);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /up to date/);
});

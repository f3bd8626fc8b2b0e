import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildProgram } from '../../src/cli/main.js';
import { repoRoot, tempDir } from '../helpers/tmp.js';

/** Runs the CLI from source in a child process, like a user would (but without the build step). */
function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/run.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI', () => {
  const dir = tempDir();
  const db = join(tempDir(), 'news.db');
  writeFileSync(
    join(dir, 'one.txt'),
    'Harbour budget approved\nThe council of Alden approved the harbour budget on Monday after a long debate about costs.\n' +
      'Officials said the plan would cost 40 million crowns over three years and create 200 jobs along the waterfront.',
  );
  writeFileSync(join(dir, 'bad.json'), '{ not json');

  test('every command has --help', () => {
    for (const cmd of buildProgram().commands) {
      const r = cli([cmd.name(), '--help']);
      assert.equal(r.code, 0, `${cmd.name()} --help`);
      assert.match(r.stdout, /Usage: storyline/);
    }
  });

  test('ingest prints a summary, reports the bad file on the summary and exits 4 (partial)', () => {
    const r = cli(['ingest', dir, '--db', db]);
    assert.equal(r.code, 4, r.stderr);
    assert.match(r.stdout, /ingested 1/);
    assert.match(r.stdout, /bad\.json: bad-json/);
    assert.ok(!r.stdout.includes('\u001b['), 'NO_COLOR: no escape codes');
  });

  test('ingest --json gives the full per-input log', () => {
    const r = cli(['ingest', dir, '--db', db, '--json']);
    const s = JSON.parse(r.stdout) as { present: number; entries: { status: string }[] };
    assert.equal(s.present, 1);
    assert.ok(s.entries.some((e) => e.status === 'skipped'));
  });

  test('the database path comes from $STORYLINE_DB when --db is absent', () => {
    const r = cli(['stories', '--json'], { STORYLINE_DB: db });
    const stories = JSON.parse(r.stdout) as { id: string; articles: string[] }[];
    assert.equal(stories.length, 1);
  });

  test('stories, story and search report as text and JSON', () => {
    const stories = JSON.parse(cli(['stories', '--db', db, '--json']).stdout) as { id: string }[];
    const id = stories[0]?.id ?? '';
    const story = cli(['story', id, '--db', db]);
    assert.equal(story.code, 0);
    assert.match(story.stdout, /Harbour budget approved/);
    const hits = JSON.parse(cli(['search', 'harbour', 'budget', '--db', db, '--json']).stdout) as { title: string }[];
    assert.equal(hits[0]?.title, 'Harbour budget approved');
    assert.equal(cli(['search', 'nothingmatchesthis', '--db', db]).code, 3);
  });

  test('errors go to stderr with a meaningful exit code', () => {
    const missing = cli(['story', 'st_nope', '--db', db]);
    assert.equal(missing.code, 3);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /no storyline with id "st_nope"/);
    const usage = cli(['ingest']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /missing required argument/);
    const unknown = cli(['frobnicate']);
    assert.equal(unknown.code, 2);
    const badFlag = cli(['export', '--db', db, '--format', 'xml']);
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.stderr, /unsupported --format "xml"/);
  });

  test('export prints one JSON document with every section', () => {
    const doc = JSON.parse(cli(['export', '--db', db]).stdout) as Record<string, unknown[]>;
    for (const k of ['articles', 'duplicates', 'stories', 'entities', 'quotes', 'numbers', 'claims']) assert.ok(Array.isArray(doc[k]), k);
    assert.equal(doc.articles?.length, 1);
  });
});

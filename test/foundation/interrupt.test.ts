import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import { ingestPaths } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/db.js';
import { repoRoot, tempDir } from '../helpers/tmp.js';

/** Enough files that the batch is still running when it is killed. */
const FILES = 300;

function makeCorpus(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'in'));
  for (let i = 0; i < FILES; i++) {
    // Distinct vocabulary per article (as unrelated reports would have), so no stage sees them as related.
    const words = Array.from({ length: 200 }, (_, j) => `w${i}x${(j * 7919) % 211}`).join(' ');
    writeFileSync(join(dir, 'in', `${String(i).padStart(4, '0')}.txt`), `Article number ${i}\nReport ${i} says ${words}.\n`);
  }
  return dir;
}

function count(dbPath: string, sql: string): number {
  const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function killMidway(signal: NodeJS.Signals): Promise<void> {
  const dir = makeCorpus();
  const dbPath = join(dir, 'news.db');
  openDatabase(dbPath).close();
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/run.ts'), 'ingest', join(dir, 'in'), '--db', dbPath], {
    cwd: repoRoot,
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let seen = 0;
  try {
    // Wait (up to 60 s on a loaded machine) until the batch has written some articles.
    for (let i = 0; i < 2400 && seen < 25; i++) {
      await sleep(25);
      seen = count(dbPath, 'SELECT COUNT(*) AS n FROM articles');
    }
  } finally {
    child.kill(signal);
  }
  assert.ok(seen >= 25, 'ingest started writing');
  await exited;
  const stored = count(dbPath, 'SELECT COUNT(*) AS n FROM articles');
  assert.ok(stored < FILES, `killed before the end (${stored} of ${FILES})`);
  const db = openDatabase(dbPath);
  try {
    assert.equal((db.pragma('integrity_check') as { integrity_check: string }[])[0]?.integrity_check, 'ok');
    const orphans = db.prepare('SELECT COUNT(*) AS n FROM articles WHERE id NOT IN (SELECT article_id FROM article_events)').get() as { n: number };
    assert.equal(orphans.n, 0, 'every stored article has its cluster link: nothing half-written');
    const fts = db.prepare('SELECT COUNT(*) AS n FROM articles_fts').get() as { n: number };
    assert.equal(fts.n, stored, 'full-text index matches the articles');
    const rerun = ingestPaths(db, [join(dir, 'in')]);
    assert.equal(rerun.present, stored, 'what was stored before the kill is recognised');
    assert.equal(rerun.ingested, FILES - stored, 'the rest is added');
    assert.equal(count(dbPath, 'SELECT COUNT(*) AS n FROM articles'), FILES, 'no duplicates after completing');
  } finally {
    db.close();
  }
}

test('a batch killed with SIGKILL leaves a consistent database that a rerun completes', { timeout: 120_000 }, () => killMidway('SIGKILL'));
test('a batch interrupted with SIGINT leaves a consistent database that a rerun completes', { timeout: 120_000 }, () => killMidway('SIGINT'));

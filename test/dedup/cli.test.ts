import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { Command } from 'commander';
import { register } from '../../src/cli/commands/duplicates.js';
import { createProvenance } from '../../src/dedup/index.js';
import { openDatabase } from '../../src/store/db.js';
import { tempDir } from '../helpers/tmp.js';
import { NEAR, ORIGIN, REWRITE, UNRELATED } from './fixtures.js';
import { store } from './store-helpers.js';

function run(args: string[]): string {
  const program = new Command().exitOverride();
  register(program);
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((c: string | Uint8Array) => {
    chunks.push(String(c));
    return true;
  }) as typeof process.stdout.write;
  try {
    program.parse(['node', 'storyline', ...args]);
  } finally {
    process.stdout.write = write;
  }
  return chunks.join('');
}

test('storyline duplicates: JSON and text list links, groups and the number of independent sources', () => {
  const file = join(tempDir(), 'cli.db');
  const db = openDatabase(file);
  const stage = createProvenance(db);
  store(db, stage, 'o', ORIGIN, '2025-03-01T08:00:00Z');
  store(db, stage, 'n', NEAR, '2025-03-01T10:00:00Z');
  store(db, stage, 'r', REWRITE, '2025-03-02T10:00:00Z');
  store(db, stage, 'u', UNRELATED, '2025-03-01T09:00:00Z');
  db.close();
  const json = JSON.parse(run(['duplicates', '--db', file, '--json'])) as { articles: number; sources: number; duplicates: { kind: string; origin: string }[] };
  assert.equal(json.articles, 4);
  assert.equal(json.sources, 2);
  // the copy and the rewrite are linked to the origin (the rewrite may also link to the copy)
  const kinds = new Set(json.duplicates.map((d) => d.kind));
  assert.deepEqual([...kinds].sort(), ['near', 'rewrite']);
  assert.ok(json.duplicates.every((d) => d.origin === 'o'));
  const text = run(['duplicates', '--db', file]);
  assert.match(text, new RegExp(`4 article\\(s\\), 2 independent source\\(s\\), ${json.duplicates.length} derivation link\\(s\\)`));
  assert.match(text, /rewrite/);
  assert.throws(() => run(['duplicates', '--db', file, '--story', 'nope']), /no storyline/);
});

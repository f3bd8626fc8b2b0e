import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as storyline from '../src/index.js';
import { repoRoot } from './helpers/tmp.js';

/**
 * The package's exported names, pinned. A change to the public surface must be deliberate:
 * run `UPDATE_API_SNAPSHOT=1 npm test -- public-api` and commit the new snapshot with the change.
 */
const SNAPSHOT = join(repoRoot, 'test', 'public-api.snapshot.json');

function surface(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(storyline).sort(([a], [b]) => a.localeCompare(b))) {
    const isNamespace = value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === null;
    out[name] = isNamespace ? Object.keys(value as object).sort() : [typeof value];
  }
  return out;
}

test('the public API matches its snapshot', () => {
  const now = surface();
  if (process.env.UPDATE_API_SNAPSHOT) writeFileSync(SNAPSHOT, `${JSON.stringify(now, null, 2)}\n`);
  const pinned = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, string[]>;
  assert.deepEqual(now, pinned);
});

test('internal modules are not re-exported at the top level', () => {
  for (const name of Object.keys(storyline)) assert.doesNotMatch(name, /internal/i);
});

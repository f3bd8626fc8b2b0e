import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClusterError, createClusterer } from '../../src/cluster/index.js';
import { DEFAULT_OPTIONS, resolveOptions } from '../../src/cluster/internal/options.js';
import { openDatabase } from '../../src/store/db.js';

// Settings a caller may get wrong: each must be refused at creation, naming the setting, not inside every assignment.
const refused: [string, Record<string, unknown>][] = [
  ['candidates', { candidates: 2.5 }],
  ['candidates', { candidates: 0 }],
  ['indexKeys', { indexKeys: -1 }],
  ['indexKeys', { indexKeys: Number.NaN }],
  ['postingsPerKey', { postingsPerKey: Number.POSITIVE_INFINITY }],
  ['queryKeys', { queryKeys: '24' }],
  ['eventThreshold', { eventThreshold: Number.NaN }],
  ['storyThreshold', { storyThreshold: -0.1 }],
  ['eventWindowDays', { eventWindowDays: Number.POSITIVE_INFINITY }],
  ['storyWindowDays', { storyWindowDays: null }],
];

for (const [name, options] of refused) {
  test(`cluster options: ${JSON.stringify(options, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))} is refused, naming ${name}`, () => {
    assert.throws(
      () => resolveOptions(options),
      (e: unknown) => e instanceof ClusterError && e.message.includes(name),
    );
    const db = openDatabase(':memory:');
    try {
      assert.throws(
        () => createClusterer(db, options),
        (e: unknown) => e instanceof ClusterError && e.message.includes(name),
      );
    } finally {
      db.close();
    }
  });
}

test('cluster options: the defaults, and valid settings over them, are kept as given', () => {
  assert.deepEqual(resolveOptions(), DEFAULT_OPTIONS);
  const o = resolveOptions({ candidates: 3, indexKeys: 1, eventThreshold: 0, storyWindowDays: 0, autoMerge: false });
  assert.equal(o.candidates, 3);
  assert.equal(o.indexKeys, 1);
  assert.equal(o.eventThreshold, 0);
  assert.equal(o.storyWindowDays, 0);
  assert.equal(o.autoMerge, false);
  assert.equal(o.postingsPerKey, DEFAULT_OPTIONS.postingsPerKey);
});

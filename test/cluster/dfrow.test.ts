/**
 * Journal rows: whatever the keys (the separator inside one, a leading `[`, empty strings, none at all), a row reads
 * back as the keys written, and rows written as JSON arrays by earlier versions still count, mixed with new ones.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DfCells } from '../../src/cluster/internal/dfcells.js';
import { decodeKeys, encodeKeys } from '../../src/cluster/internal/dfrow.js';
import { mulberry32 } from '../../src/internal/random.js';
import { openDatabase } from '../../src/store/db.js';

const ALPHABET = ['a', 'b', 'é', '[', ']', '"', '\\', ',', ' ', '\u001f', '\n', 'e:', 'n:', '漢', '\u{1F600}'];

function randomKeys(rand: () => number): string[] {
  const keys: string[] = [];
  const count = Math.floor(rand() * 6);
  for (let i = 0; i < count; i++) {
    let k = '';
    const length = Math.floor(rand() * 5);
    for (let j = 0; j < length; j++) k += ALPHABET[Math.floor(rand() * ALPHABET.length)];
    keys.push(k);
  }
  return keys;
}

test('a row reads back as the keys written, for random keys', () => {
  const rand = mulberry32(61);
  for (let i = 0; i < 5_000; i++) {
    const keys = randomKeys(rand);
    assert.deepEqual(decodeKeys(encodeKeys(keys)), keys);
  }
});

test('rows are joined unless they cannot be, and JSON rows still read', () => {
  const cases: [string[], boolean][] = [
    [['alpha', 'e:Beta', 'n:3'], true],
    [['[x', 'y]'], true],
    [[''], true],
    [['', ''], true],
    [[], false],
    [['a\u001fb'], false],
    [['bro\uD83Dken', 'plain'], false],
    [['pair \uD83D\uDE00'], false],
  ];
  for (const [keys, joined] of cases) {
    const row = encodeKeys(keys);
    assert.equal(row.startsWith('['), !joined, JSON.stringify(keys));
    assert.deepEqual(decodeKeys(row), keys);
    assert.deepEqual(decodeKeys(JSON.stringify(keys)), keys, 'the JSON form of the same keys');
  }
});

test('a store whose journal holds JSON rows of an earlier version counts them with the new rows', () => {
  const db = openDatabase(':memory:');
  const old = [['k1', 'k2'], ['k2', 'k3'], ['k1']];
  const insert = db.prepare('INSERT INTO cluster_df_log (seq, keys) VALUES (?, ?)');
  for (const [i, keys] of old.entries()) insert.run(i + 1, JSON.stringify(keys));
  const writer = new DfCells(db);
  db.transaction(() => writer.increment(['k2', 'k4']))();
  const rows = db.prepare('SELECT keys FROM cluster_df_log ORDER BY seq').pluck().all() as string[];
  assert.equal(rows.length, 4);
  assert.ok(!(rows[3] as string).startsWith('['), 'the new row is joined');
  const reader = new DfCells(db);
  const expected: [string, number][] = [
    ['k1', 2],
    ['k2', 3],
    ['k3', 1],
    ['k4', 1],
    ['k5', 0],
  ];
  for (const [k, df] of expected) {
    assert.equal(reader.cell(k).df, df, `reader ${k}`);
    assert.equal(writer.cell(k).df, df, `writer ${k}`);
  }
  db.close();
});

test('a key holding a lone surrogate keeps its count when the log is read back through SQLite', () => {
  const db = openDatabase(':memory:');
  const lone = 'bro\uD83Dken';
  const writer = new DfCells(db);
  for (let i = 0; i < 3; i++) db.transaction(() => writer.increment([lone, 'plain']))();
  const reader = new DfCells(db);
  assert.equal(writer.cell(lone).df, 3);
  assert.equal(reader.cell(lone).df, 3, 'a new reader counts the same key');
  assert.equal(reader.cell('plain').df, 3);
  db.close();
});

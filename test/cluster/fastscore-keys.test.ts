/**
 * The engine weighs its query keys with the IDFs the fast scorer looked up when loading the article (fastscore.ts
 * keyIdfs) instead of asking `idf()` again: they must be the very numbers `idf()` gives (terms plain, names as `e:`),
 * for every key in the records' key order, and only for the article loaded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DfCells } from '../../src/cluster/internal/dfcells.js';
import { FastScorer } from '../../src/cluster/internal/fastscore.js';
import { dfKeys } from '../../src/cluster/internal/idf.js';
import { openDatabase } from '../../src/store/db.js';
import { scoringFixtures } from './fixtures.js';

test('keyIdfs lists the loaded article’s terms and names in key order with the IDF idf() gives them', () => {
  const db = openDatabase(':memory:');
  const cells = new DfCells(db);
  const { feats } = scoringFixtures();
  const fast = new FastScorer(cells);
  let keys = 0;
  // At several document counts: the IDFs move as documents are counted.
  for (const [i, f] of feats.entries()) {
    cells.increment([...new Set(dfKeys(f))]);
    const docs = i + 1;
    const idf = (k: string) => cells.idfOf(cells.cell(k), docs);
    fast.load(f, docs);
    const got = fast.keyIdfs(f);
    assert.deepEqual(got.terms, Object.keys(f.terms));
    assert.deepEqual(got.names, Object.keys(f.entities));
    assert.deepEqual(
      got.termIdf,
      got.terms.map((k) => idf(k)),
    );
    assert.deepEqual(
      got.nameIdf,
      got.names.map((k) => idf(`e:${k}`)),
    );
    keys += got.terms.length + got.names.length;
    const other = feats[(i + 1) % feats.length];
    if (other && other !== f) assert.throws(() => fast.keyIdfs(other), /not the loaded one/);
    fast.unload();
    assert.throws(() => fast.keyIdfs(f), /not the loaded one/);
  }
  assert.ok(keys > 100, `compared ${keys} keys`);
  db.close();
});

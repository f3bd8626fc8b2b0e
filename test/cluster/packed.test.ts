/**
 * pack() looks names and numbers up by their bare name and loads missing keys in one query; it must give the
 * same cells, in the same order, with the same weights as looking up packKeys() one by one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DfCells } from '../../src/cluster/internal/dfcells.js';
import { featuresOf } from '../../src/cluster/internal/features.js';
import { dfKeys } from '../../src/cluster/internal/idf.js';
import { pack, packKeys } from '../../src/cluster/internal/packed.js';
import { addToProfile, emptyProfile, type Profile } from '../../src/cluster/internal/profile.js';
import { openDatabase } from '../../src/store/db.js';
import { FIXTURES } from './fixtures.js';

function profiles(): Profile[] {
  const feats = FIXTURES.map((x) => featuresOf({ title: x.title, text: x.text, published: x.published, language: x.lang }));
  const all = emptyProfile();
  for (const f of feats) addToProfile(all, f);
  return [...feats.map((f) => addToProfile(emptyProfile(), f)), all];
}

function expected(p: Profile): number[] {
  return [...Object.values(p.terms), ...Object.values(p.entities), ...Object.keys(p.numbers).map(() => 1)];
}

test('pack gives the cells of packKeys in order, segment bounds and weights, whether cells are cached or not', () => {
  const db = openDatabase(':memory:');
  const writer = new DfCells(db);
  for (const x of FIXTURES) {
    const f = featuresOf({ title: x.title, text: x.text, published: x.published, language: x.lang });
    writer.increment([...new Set(dfKeys(f))]);
  }
  writer.fold();
  const ps = profiles();
  // Cold (every key loaded by pack's one query), then warm (all in memory), on a reader of the same store.
  const reader = new DfCells(db);
  for (const round of ['cold', 'warm']) {
    for (const p of ps) {
      const packed = pack(p, reader);
      const keys = packKeys(p);
      assert.equal(packed.cells.length, keys.length);
      keys.forEach((k, i) => {
        assert.equal(packed.cells[i], reader.cell(k), `${round}: cell ${i} is ${k}'s`);
        assert.equal(packed.cells[i]?.df, writer.cell(k).df, `${round}: df of ${k}`);
      });
      assert.equal(packed.eStart, Object.keys(p.terms).length);
      assert.equal(packed.nStart, packed.eStart + Object.keys(p.entities).length);
      assert.deepEqual([...packed.w], expected(p));
      assert.equal(packed.epoch, reader.epoch);
    }
  }
  const big = ps[ps.length - 1] as Profile;
  assert.ok(Object.keys(big.entities).length > 0 && Object.keys(big.numbers).length > 0, 'names and numbers were packed');
  // A name and a number with the same bare text are different keys.
  writer.increment(['e:same-text', 'n:same-text']);
  writer.increment(['n:same-text']);
  const twin = emptyProfile();
  twin.entities['same-text'] = 1;
  twin.numbers['same-text'] = 1;
  for (let round = 0; round < 2; round++) {
    const both = pack(twin, writer);
    assert.deepEqual(
      both.cells.map((c) => c.df),
      [1, 2],
      `round ${round}`,
    );
  }
  // A key no article has (df 0) still gets a cell.
  const p = emptyProfile();
  p.entities['nobody-has-this-name'] = 2;
  const packed = pack(p, reader);
  assert.equal(packed.cells[0]?.df, 0);
  assert.equal(packed.cells[0], reader.cell('e:nobody-has-this-name'));
  db.close();
});

/**
 * IDF as two logarithms: the cached path (DfCells keeps ln(df + smoothing) per key, ln(N + prior) per count)
 * must give exactly idfValue's bits, and idfValue must stay the smoothed ratio it always was (up to rounding).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DfCells } from '../../src/cluster/internal/dfcells.js';
import { IDF_PRIOR_DOCS, idfFromLogs, idfValue, logDf, logDocs } from '../../src/cluster/internal/idf.js';
import { openDatabase } from '../../src/store/db.js';

/** Relative rounding allowed between ln(a) − ln(b) and ln(a / b) (a few units in the last place). */
const ROUNDING = 1e-12;

test('idfValue is the smoothed log ratio, clamped at 0', () => {
  const cases: [df: number, docs: number][] = [
    [0, 0],
    [1, 1],
    [3, 100],
    [99, 100],
    [150, 100],
    [7, 1_000_000],
    [500_000, 1_000_000],
  ];
  for (const [df, docs] of cases) {
    const ratio = Math.max(0, Math.log((docs + IDF_PRIOR_DOCS) / (df + 0.5)));
    const got = idfValue(df, docs);
    assert.ok(got >= 0, `idf(${df}, ${docs}) is not negative`);
    assert.ok(Math.abs(got - ratio) <= ROUNDING * Math.max(1, ratio), `idf(${df}, ${docs}): ${got} vs ratio ${ratio}`);
  }
  assert.equal(idfValue(1_000, 10), 0, 'a key in more documents than the padded count gets 0');
  assert.ok(idfValue(1, 1000) > idfValue(10, 1000), 'rarer keys weigh more');
  assert.equal(idfFromLogs(logDocs(50), logDf(50 + IDF_PRIOR_DOCS)), 0, 'clamped at exactly 0 (not -0)');
  assert.ok(Object.is(idfFromLogs(1, 1), 0));
});

test('DfCells.idfOf equals idfValue bit for bit as counts and the document count change', () => {
  const db = openDatabase(':memory:');
  const cells = new DfCells(db);
  const keys = ['alpha', 'beta', 'e:gamma', 'n:42'];
  let docs = 0;
  // Each article counts a different subset, so the cells' counts drift apart.
  for (let a = 0; a < 150; a++) {
    cells.increment(keys.filter((_, i) => (a + i) % (i + 1) === 0));
    docs++;
    for (const k of keys) {
      const c = cells.cell(k);
      assert.equal(cells.idfOf(c, docs), idfValue(c.df, docs), `${k} after ${docs} articles`);
      // An older document count (asked by a caller that has not moved on yet) is not served from the memo.
      assert.equal(cells.idfOf(c, docs - 1), idfValue(c.df, docs - 1));
    }
  }
  assert.ok(cells.cell('alpha').df > cells.cell('n:42').df, 'the counts did diverge');
  db.close();
});

/** keepHeaviest, offered keys one by one, keeps exactly what sorting them all by weight (then key) and cutting keeps. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keepHeaviest, type WeightedKey } from '../../src/cluster/internal/heaviest.js';
import { mulberry32 } from '../../src/internal/random.js';

function sortAndCut(items: readonly WeightedKey[], n: number): WeightedKey[] {
  return [...items].sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1)).slice(0, Math.max(0, n));
}

test('keepHeaviest equals sort-and-cut, ties and short lists included', () => {
  const r = mulberry32(5);
  const cases = [
    { size: 0, n: 8, levels: 0 },
    { size: 3, n: 8, levels: 0 },
    { size: 8, n: 8, levels: 2 },
    { size: 140, n: 12, levels: 0 },
    { size: 140, n: 12, levels: 3 },
    { size: 60, n: 1, levels: 2 },
    { size: 60, n: 0, levels: 0 },
    { size: 60, n: -3, levels: 0 },
  ];
  for (const c of cases) {
    const items: WeightedKey[] = [];
    for (let i = 0; i < c.size; i++)
      items.push({ key: `k${Math.floor(r() * 1e6).toString(36)}_${i}`, weight: c.levels ? 1 + Math.floor(r() * c.levels) : r() * 10 });
    const top: WeightedKey[] = [];
    for (const x of items) keepHeaviest(top, c.n, x.key, x.weight);
    assert.deepEqual(top, sortAndCut(items, c.n), `${c.size} keys, keep ${c.n}, ${c.levels} weight levels`);
  }
});

test('keepHeaviest orders by weight first, then by key', () => {
  const table: { offers: [string, number][]; n: number; want: string[] }[] = [
    {
      offers: [
        ['b', 1],
        ['a', 1],
        ['c', 2],
      ],
      n: 2,
      want: ['c', 'a'],
    },
    {
      offers: [
        ['z', 5],
        ['y', 4],
        ['x', 3],
      ],
      n: 2,
      want: ['z', 'y'],
    },
    {
      offers: [
        ['a', 1],
        ['b', 3],
        ['c', 2],
        ['d', 3],
      ],
      n: 3,
      want: ['b', 'd', 'c'],
    },
    {
      offers: [
        ['e:Bx', 0.5],
        ['e:Ax', 0.5],
      ],
      n: 1,
      want: ['e:Ax'],
    },
  ];
  for (const { offers, n, want } of table) {
    const top: WeightedKey[] = [];
    for (const [k, w] of offers) keepHeaviest(top, n, k, w);
    assert.deepEqual(
      top.map((x) => x.key),
      want,
      JSON.stringify(offers),
    );
  }
});

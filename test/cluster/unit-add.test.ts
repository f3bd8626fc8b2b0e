/**
 * unit-add.ts: adding an article's unit vector with the trim folded in (addUnitTrimmed) gives exactly what adding
 * every key and then trimming gave (the frozen profile code: scaled sum, then trimTop), keys, weights (bit for bit)
 * and key order, with a key list noted for the record that matches Object.keys; and the dropped keys it reports are
 * exactly the keys the record held before and lost. Several records are fed the same articles in turn, so the
 * memo of scaled vectors is read back, evicted and refilled.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keysOf } from '../../src/cluster/internal/record-facts.js';
import { addUnit, addUnitTrimmed } from '../../src/cluster/internal/unit-add.js';
import { mulberry32 } from '../../src/internal/random.js';
import { trimTop } from './frozen/profile.js';

/** The reference: `v` scaled to unit length (norm in key order) times `sign` added into a copy of `into`, then trimTop. */
function reference(into: Record<string, number>, v: Record<string, number>, sign: number, keep: number): Record<string, number> {
  const out: Record<string, number> = Object.create(null);
  for (const k of Object.keys(into)) out[k] = into[k] as number;
  let s = 0;
  for (const k of Object.keys(v)) s += (v[k] as number) ** 2;
  const scale = sign / (Math.sqrt(s) || 1);
  for (const k of Object.keys(v)) out[k] = (out[k] ?? 0) + (v[k] as number) * scale;
  return trimTop(out, keep);
}

const entries = (r: Record<string, number>) => Object.entries(r);

interface Case {
  name: string;
  seed: number;
  /** Weight levels (0: continuous; few levels: many ties at the cut-off). */
  levels: number;
  keep: number;
  /** Whether some keys are array indices (they enumerate first, and the record is listed afresh). */
  indexKeys: boolean;
  /** Key pool size (small: keys recur across articles). */
  pool: number;
  /** Whether weights of zero occur and records start with keys at -0 and +0 (a cut-off at zero). */
  zeros?: boolean;
}

const CASES: Case[] = [
  { name: 'continuous weights', seed: 11, levels: 0, keep: 150, indexKeys: false, pool: 600 },
  { name: 'two weight levels (ties)', seed: 12, levels: 2, keep: 150, indexKeys: false, pool: 500 },
  { name: 'one weight level (all tie)', seed: 13, levels: 1, keep: 60, indexKeys: false, pool: 200 },
  { name: 'array-index keys', seed: 14, levels: 3, keep: 60, indexKeys: true, pool: 200 },
  { name: 'small record', seed: 15, levels: 2, keep: 8, indexKeys: true, pool: 40 },
  { name: 'zero weights, records holding -0 and +0', seed: 16, levels: 2, keep: 20, indexKeys: false, pool: 80, zeros: true },
];

for (const c of CASES) {
  test(`addUnitTrimmed equals adding then trimming (${c.name})`, () => {
    const r = mulberry32(c.seed);
    const pool = Array.from({ length: c.pool }, (_, i) => (c.indexKeys && i % 17 === 0 ? String(i) : `k${i.toString(36)}${'xyz'[i % 3]}`));
    const weight = () => (c.zeros && r() < 0.5 ? 0 : c.levels ? 1 + Math.floor(r() * c.levels) : 0.5 + r());
    const article = (): Record<string, number> => {
      const v: Record<string, number> = Object.create(null);
      const n = 1 + Math.floor(r() * c.keep);
      for (let i = 0; i < n; i++) v[pool[Math.floor(r() * pool.length)] as string] = weight();
      return v;
    };
    const PROFILES = 5;
    const cur = Array.from({ length: PROFILES }, () => Object.create(null) as Record<string, number>);
    const ref = Array.from({ length: PROFILES }, () => Object.create(null) as Record<string, number>);
    if (c.zeros)
      for (let at = 0; at < PROFILES; at++)
        for (let i = 0; i < c.keep; i++) {
          const k = `z${at}_${i}`;
          (cur[at] as Record<string, number>)[k] = i % 2 ? -0 : 0;
          (ref[at] as Record<string, number>)[k] = i % 2 ? -0 : 0;
        }
    let trims = 0;
    let newTies = 0;
    for (let step = 0; step < 120; step++) {
      const v = article();
      // The same article into three profiles in turn (the memo read back), sometimes twice into one.
      for (const at of [step % PROFILES, (step + 1) % PROFILES, (step + 3) % PROFILES]) {
        const was = new Set(Object.keys(cur[at] as object));
        const want = reference(ref[at] as Record<string, number>, v, 1, c.keep);
        const dropped = addUnitTrimmed(cur[at] as Record<string, number>, v, 1, c.keep, c.keep * 1.5);
        ref[at] = want;
        const now = cur[at] as Record<string, number>;
        assert.deepStrictEqual(entries(now), entries(want), `step ${step}, profile ${at}`);
        assert.deepStrictEqual(keysOf(now), Object.keys(now), `step ${step}: key list`);
        const lost = [...was].filter((k) => !(k in now)).sort();
        if (dropped === null) assert.deepStrictEqual(lost, [], `step ${step}: nothing dropped without a trim`);
        else {
          trims++;
          assert.deepStrictEqual([...dropped].sort(), lost, `step ${step}: dropped keys`);
          const tail = Object.keys(now).filter((k) => !was.has(k) && now[k] === Math.min(...Object.values(now)));
          newTies += tail.length;
        }
      }
      // Now and then the plain addition with a sign (a removal), as addToProfile does before its trims.
      if (step % 7 === 3) {
        const at = step % PROFILES;
        const target = cur[at] as Record<string, number>;
        const expect: Record<string, number> = Object.create(null);
        for (const k of Object.keys(target)) expect[k] = target[k] as number;
        let s = 0;
        for (const k of Object.keys(v)) s += (v[k] as number) ** 2;
        for (const k of Object.keys(v)) expect[k] = (expect[k] ?? 0) + (v[k] as number) * (-1 / Math.sqrt(s));
        addUnit(target, v, -1);
        assert.deepStrictEqual(entries(target), entries(expect), `step ${step}: signed addition`);
        assert.deepStrictEqual(keysOf(target), Object.keys(target), `step ${step}: key list after a signed addition`);
        ref[at] = expect;
      }
    }
    assert.ok(trims > 20, `records were trimmed (${trims} times)`);
    if (c.levels > 0) assert.ok(newTies > 0, 'new keys were kept as ties at the cut-off');
  });
}

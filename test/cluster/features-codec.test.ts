/**
 * The stored form of an article's features (features-codec.ts): read back equal to what was stored (values bit for
 * bit, every record in its key order, every field), rows stored as JSON by older code still read as before, and a
 * damaged row fails with FeaturesCodecError rather than returning wrong features.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compactFast } from '../../src/cluster/internal/compact.js';
import { type Features, featuresOf } from '../../src/cluster/internal/features.js';
import { decodeFeatures, encodeFeatures, FeaturesCodecError } from '../../src/cluster/internal/features-codec.js';
import { ClusterState } from '../../src/cluster/internal/state.js';
import { syntheticStream } from '../../src/cluster/internal/synthetic.js';
import { openDatabase } from '../../src/store/db.js';
import { FIXTURES } from './fixtures.js';

function samples(): Features[] {
  const docs = [
    ...FIXTURES.map((x) => ({ title: x.title, text: x.text, published: x.published, language: x.lang })),
    ...[...syntheticStream(10)].map((a) => ({ title: a.title, text: a.text, published: a.published, language: 'xx' })),
  ];
  const idf = (k: string) => 1 + (k.length % 5) / 3;
  const out: Features[] = [];
  for (const d of docs) {
    const f = featuresOf(d);
    out.push(f, compactFast(f, idf));
  }
  // Hand-made: no optional fields, a display form needing JSON escapes, odd weights, a junk flag.
  out.push(
    { terms: {}, entities: {}, numbers: [], dates: [], primary: null, time: null, language: null, surfaces: {} },
    {
      terms: { abc: 0.1 + 0.2, xyz: 2 ** -1074, 'o’nei': 1e300 },
      entities: { putin: Math.PI },
      numbers: ['12.5'],
      dates: ['--03-04'],
      primary: '--03-04',
      time: null,
      language: 'en',
      surfaces: { 'e:putin': 'Pu"tin\\\n\u0001', abc: 'abcdef' },
      dateSource: 'fallback-undated',
      junk: true,
    },
  );
  return out;
}

test('features read back exactly as stored, records in their key order', () => {
  for (const [i, f] of samples().entries()) {
    const back = decodeFeatures(encodeFeatures(f));
    assert.equal(JSON.stringify(back), JSON.stringify(f), `features ${i}`);
    assert.deepEqual(back, JSON.parse(JSON.stringify(f)), `features ${i}`);
    for (const field of ['terms', 'entities'] as const) {
      for (const k of Object.keys(f[field])) assert.ok(Object.is(back[field][k], f[field][k]), `features ${i}: ${field} ${k} bit for bit`);
    }
  }
});

test('weights are stored as raw doubles: a negative zero keeps its sign (JSON text wrote 0)', () => {
  const f: Features = { terms: { abc: -0 }, entities: {}, numbers: [], dates: [], primary: null, time: null, language: null, surfaces: {} };
  assert.ok(Object.is(decodeFeatures(encodeFeatures(f)).terms.abc, -0));
});

test('a store reads rows stored as JSON by older code, and its own rows, as the same features', () => {
  const db = openDatabase(':memory:');
  const state = new ClusterState(db);
  for (const [i, f] of samples().entries()) {
    db.prepare('INSERT INTO cluster_features (article_id, title, features) VALUES (?, ?, ?)').run(`old${i}`, `t${i}`, JSON.stringify(f));
    state.saveFeatures(`new${i}`, `t${i}`, f);
    const old = state.features(`old${i}`);
    const fresh = state.features(`new${i}`);
    assert.equal(old?.title, `t${i}`);
    assert.deepEqual(fresh?.features, old?.features, `features ${i}`);
    assert.equal(JSON.stringify(fresh?.features), JSON.stringify(old?.features), `features ${i} in key order`);
  }
  db.close();
});

test('a damaged stored row fails with FeaturesCodecError', () => {
  const good = encodeFeatures(samples()[0] as Features);
  const cases: [string, Buffer][] = [
    ['unknown format', Buffer.concat([Buffer.from([9]), good.subarray(1)])],
    ['cut short', good.subarray(0, good.length - 8)],
    [
      'header length past the end',
      (() => {
        const b = Buffer.from(good);
        b.writeUInt32LE(b.length * 2, 4);
        return b;
      })(),
    ],
    ['empty', Buffer.alloc(0)],
  ];
  for (const [name, buf] of cases) assert.throws(() => decodeFeatures(buf), FeaturesCodecError, name);
});

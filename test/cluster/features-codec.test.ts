/**
 * The stored form of compact features (features-codec.ts) reads back as JSON.parse(JSON.stringify(f)) did: the same
 * keys in the same order at every level, plain objects, every number bit for bit (-0 as 0). Features it cannot carry
 * (a surrogate, `__proto__` as a key, a weight JSON prints as null) are stored as JSON; rows stored as JSON by earlier
 * code still read through ClusterState; a damaged blob fails with a named error.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compactFast } from '../../src/cluster/internal/compact.js';
import { type Features, featuresOf } from '../../src/cluster/internal/features.js';
import { decodeFeatures, encodeFeatures, FeaturesCodecError } from '../../src/cluster/internal/features-codec.js';
import { ClusterState } from '../../src/cluster/internal/state.js';
import { syntheticStream } from '../../src/cluster/internal/synthetic.js';
import { mulberry32 } from '../../src/internal/random.js';
import { openDatabase } from '../../src/store/db.js';
import { FIXTURES } from './fixtures.js';

/** The value as nested [key, value] lists in iteration order, numbers as their bits, and each object's prototype. */
function shape(v: unknown): unknown {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : Number.isNaN(v) ? 'NaN' : v;
  if (Array.isArray(v)) return ['array', v.map(shape)];
  if (v !== null && typeof v === 'object')
    return [Object.getPrototypeOf(v) === Object.prototype ? 'object' : 'other', Object.entries(v).map(([k, x]) => [k, shape(x)])];
  return v;
}

function assertRoundTrip(f: Features, why: string, binary = true): void {
  const stored = encodeFeatures(f);
  assert.equal(Buffer.isBuffer(stored), binary, `${why}: stored ${binary ? 'binary' : 'as JSON'}`);
  assert.deepEqual(shape(decodeFeatures(stored)), shape(JSON.parse(JSON.stringify(f))), why);
}

const idf = (k: string): number => 1 + (k.length % 5);

const edge = (): Features => {
  const terms: Record<string, number> = Object.create(null);
  terms.zebra = 1e300;
  terms['2024'] = -0;
  terms['7'] = Number.MIN_VALUE;
  terms['łódź'] = 1 / 3;
  terms['北京'] = 0.1 + 0.2;
  terms[''] = 1;
  const entities: Record<string, number> = Object.create(null);
  entities['o’neill'] = Math.PI;
  // An Object.prototype name as a key: an own property of the plain object read back too.
  const inherited = 'constructor';
  entities[inherited] = 2;
  const surfaces: Record<string, string> = Object.create(null);
  surfaces['łódź'] = 'Łódź';
  surfaces['e:o’neill'] = 'O’Neill "the elder"\n';
  surfaces.zebra = '';
  return { terms, entities, numbers: ['2024', '3.5'], dates: ['2024-05-01'], primary: null, time: null, language: null, surfaces, junk: true };
};

test('synthetic and fixture features read back as their JSON did (randomized)', () => {
  const r = mulberry32(7);
  const stream = [...syntheticStream(300)];
  for (let i = 0; i < 60; i++) {
    const a = stream[Math.floor(r() * stream.length)] as (typeof stream)[number];
    const f = featuresOf({ title: a.title, text: a.text, published: r() < 0.9 ? a.published : null, language: r() < 0.5 ? 'xx' : null });
    assertRoundTrip(f, `synthetic ${i} (full)`);
    assertRoundTrip(compactFast(f, idf), `synthetic ${i} (compact)`);
  }
  for (const x of FIXTURES) {
    const f = featuresOf({ title: x.title, text: x.text, published: x.published, language: x.lang });
    assertRoundTrip(compactFast(f, idf), `fixture ${x.title.slice(0, 20)}`);
  }
});

test('edge cases: index-like and empty keys, -0, tiny and huge weights, non-ASCII, quotes; JSON fallbacks', () => {
  assertRoundTrip(edge(), 'edge');
  const empty: Features = { terms: {}, entities: {}, numbers: [], dates: [], primary: null, time: null, language: null, surfaces: {} };
  assertRoundTrip(empty, 'empty');
  const withPair = edge();
  (withPair.surfaces as Record<string, string>).smile = 'smile 😀';
  assertRoundTrip(withPair, 'a surrogate pair', false);
  const lone = edge();
  (lone.terms as Record<string, number>)['bad\uD800'] = 1;
  assertRoundTrip(lone, 'a lone surrogate', false);
  const proto = edge();
  Object.defineProperty(proto.entities, '__proto__', { value: 1, enumerable: true, writable: true, configurable: true });
  assertRoundTrip(proto, '__proto__ as a key', false);
  const inf = edge();
  (inf.terms as Record<string, number>).inf = Number.POSITIVE_INFINITY;
  assertRoundTrip(inf, 'an infinite weight', false);
  const long = edge();
  (long.surfaces as Record<string, string>).long = 'x'.repeat(70_000);
  assertRoundTrip(long, 'a string of 70,000 units', false);
});

test('damaged blobs fail with FeaturesCodecError', () => {
  const good = encodeFeatures(edge()) as Buffer;
  const damaged: [string, Buffer][] = [
    ['unknown format', Buffer.concat([Buffer.from([9]), good.subarray(1)])],
    ['truncated', good.subarray(0, good.length - 8)],
    ['too short', good.subarray(0, 6)],
  ];
  const badJson = Buffer.from(good);
  badJson[12] = 0x7d;
  damaged.push(['bad JSON part', badJson]);
  for (const [why, b] of damaged) assert.throws(() => decodeFeatures(b), FeaturesCodecError, why);
});

test('ClusterState stores features in the binary form and still reads rows stored as JSON', () => {
  const db = openDatabase(':memory:');
  const state = new ClusterState(db);
  const [a, b] = [...syntheticStream(2)].map((x) => compactFast(featuresOf({ title: x.title, text: x.text, published: x.published, language: 'xx' }), idf)) as [
    Features,
    Features,
  ];
  state.saveFeatures('a1', 'Title one', a);
  db.prepare('INSERT INTO cluster_features (article_id, title, features) VALUES (?, ?, ?)').run('a0', 'Old title', JSON.stringify(b));
  assert.equal(db.prepare("SELECT typeof(features) FROM cluster_features WHERE article_id = 'a1'").pluck().get(), 'blob');
  assert.deepEqual(shape(state.features('a1')), shape({ title: 'Title one', features: JSON.parse(JSON.stringify(a)) }));
  assert.deepEqual(shape(state.features('a0')), shape({ title: 'Old title', features: JSON.parse(JSON.stringify(b)) }));
  assert.equal(state.title('a1'), 'Title one');
  assert.equal(state.features('nope'), null);
  db.close();
});

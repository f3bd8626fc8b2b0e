/**
 * The stored binary form of a profile (profile-codec.ts) reads back exactly: every weight bit for bit and every
 * record in its key order (so sums over a record add in the same order), for grown profiles and edge cases; JSON text
 * and format-1 blobs (surfaces as one JSON object; written by test/cluster/frozen/profile-codec.ts, the earlier
 * encoder) stored by earlier code still read; a damaged blob fails with a named error; ClusterState round-trips them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featuresOf } from '../../src/cluster/internal/features.js';
import { emptyProfile, type Profile, parseProfile, profileOf } from '../../src/cluster/internal/profile.js';
import { decodeProfile, encodeProfile, ProfileCodecError } from '../../src/cluster/internal/profile-codec.js';
import { ClusterState, type ProfileRow } from '../../src/cluster/internal/state.js';
import { syntheticStream } from '../../src/cluster/internal/synthetic.js';
import { openDatabase } from '../../src/store/db.js';
import { FIXTURES } from './fixtures.js';
import { encodeProfile as encodeFormat1 } from './frozen/profile-codec.js';

/** Each record's keys in iteration order, and the rest as is: equal only if the order is kept too. */
function shape(p: Profile): unknown {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v !== null && typeof v === 'object' ? Object.entries(v) : v]));
}

function grown(count: number, skip: number): Profile {
  const feats = [...syntheticStream(skip + count)].slice(skip).map((a) => featuresOf({ title: a.title, text: a.text, published: a.published, language: 'xx' }));
  return profileOf(feats);
}

const withoutMentions = (): Profile => {
  const p = profileOf(FIXTURES.slice(0, 3).map((x) => featuresOf({ title: x.title, text: x.text, published: x.published, language: x.lang })));
  delete (p as Partial<Profile>).mentions;
  return p;
};

const edge = (): Profile => {
  const p = emptyProfile();
  // Integer-like keys iterate first in ascending order whatever the insertion order; non-ASCII keys and forms.
  p.numbers['2024'] = 2;
  p.numbers['7'] = 1;
  p.numbers['3.5'] = 1;
  p.terms['łódź'] = 1 / 3;
  p.terms['北京'] = Number.MIN_VALUE;
  p.terms.zebra = 1e300;
  p.terms.apple = 0.1 + 0.2;
  p.entities['o’neill'] = Math.PI;
  p.surfaces['łódź'] = 'Łódź';
  p.surfaces['e:o’neill'] = 'O’Neill "the elder"';
  p.n = 3;
  p.tLo = 19_000;
  p.tHi = 19_000.5;
  return p;
};

const CASES: readonly { name: string; make: () => Profile; format?: number }[] = [
  { name: 'empty', make: emptyProfile },
  { name: 'one synthetic article', make: () => grown(1, 0) },
  { name: 'forty synthetic articles (trimmed records)', make: () => grown(40, 100) },
  {
    name: 'fixture articles',
    make: () => profileOf(FIXTURES.map((x) => featuresOf({ title: x.title, text: x.text, published: x.published, language: x.lang }))),
  },
  { name: 'no mentions record (stored by older code)', make: withoutMentions },
  { name: 'integer-like and non-ASCII keys, extreme weights, undated', make: () => ({ ...edge(), tLo: null, tHi: null }) },
  { name: 'integer-like and non-ASCII keys, extreme weights, dated', make: edge },
  // Strings format 3 cannot carry: stored in format 2 (JSON lists), and read back as exactly.
  {
    name: 'a surrogate pair, a lone surrogate and a 70,000-character form',
    make: () => {
      const p = edge();
      p.terms['🦀rust'] = 2;
      p.surfaces['🦀rust'] = 'Crab 🦀';
      p.entities['\ud800x'] = 1;
      p.surfaces['e:\ud800x'] = 'lone \udfff';
      p.surfaces.apple = 'a'.repeat(70_000);
      return p;
    },
    format: 2,
  },
];

for (const c of CASES) {
  test(`a profile reads back exactly from its binary form: ${c.name}`, () => {
    const p = c.make();
    // Dirty memory first: whatever the blob's allocation gives, its spare bytes and padding are zeros.
    for (let i = 0; i < 8; i++) Buffer.allocUnsafe(2 ** (10 + i)).fill(0xff);
    const blob = encodeProfile(p);
    assert.ok(Buffer.isBuffer(blob));
    assert.equal(blob[0], c.format ?? 3, 'stored format');
    assert.deepEqual([...blob.subarray(1, 4)], [0, 0, 0], 'spare bytes');
    const headerEnd = 8 + blob.readUInt32LE(4);
    assert.ok(
      blob.subarray(headerEnd, Math.ceil(headerEnd / 8) * 8).every((b) => b === 0),
      'padding',
    );
    assert.ok(encodeProfile(p).equals(blob), 'the same bytes every time');
    const back = decodeProfile(blob);
    assert.deepEqual(back, p);
    assert.deepEqual(shape(back), shape(p), 'every record in the same key order');
    assert.equal(JSON.stringify(back), JSON.stringify(p));
    assert.equal('mentions' in back, 'mentions' in p);
    // Records come back as prototype-less dicts, as parseProfile returns them.
    assert.equal(Object.getPrototypeOf(back.terms), null);
    assert.equal(Object.getPrototypeOf(back.surfaces), null);
    // And it is a different object: changing the copy leaves the original.
    back.terms.__changed = 1;
    assert.equal(p.terms.__changed, undefined);
  });
}

for (const c of CASES) {
  test(`a format-1 blob written by earlier code reads back exactly: ${c.name}`, () => {
    const p = c.make();
    const old = encodeFormat1(p);
    assert.equal(old[0], 1, 'the frozen encoder writes format 1');
    const back = decodeProfile(old);
    assert.deepEqual(shape(back), shape(p));
    assert.equal(JSON.stringify(back), JSON.stringify(p));
    assert.equal(Object.getPrototypeOf(back.surfaces), null);
    // Rewritten in the current form, it reads back the same again.
    const now = encodeProfile(back);
    assert.notEqual(now[0], 1, 'written in the current format');
    assert.deepEqual(shape(decodeProfile(now)), shape(p));
  });
}

test('a grown profile is stored in fewer bytes than its JSON', () => {
  const p = grown(40, 100);
  assert.ok(encodeProfile(p).length < Buffer.byteLength(JSON.stringify(p)));
});

test('a key deleted behind the profile code (its key list stale) fails the encode instead of storing NaN', () => {
  const p = grown(40, 100);
  encodeProfile(p); // the key lists are now noted
  const victim = Object.keys(p.terms)[0] as string;
  delete p.terms[victim];
  assert.throws(() => encodeProfile(p), ProfileCodecError);
});

test('JSON text stored by earlier code reads as parseProfile reads it', () => {
  const p = grown(10, 300);
  const json = JSON.stringify(p);
  assert.deepEqual(shape(decodeProfile(json)), shape(parseProfile(json)));
});

/** A copy of `blob` with `delta` added to the byte at `at`. */
function withByte(blob: Buffer, at: number, delta: number): Buffer {
  const out = Buffer.from(blob);
  out[at] = ((out[at] as number) + delta) & 0xff;
  return out;
}

test('a damaged blob fails with ProfileCodecError', () => {
  const blob = encodeProfile(grown(5, 0));
  const table: { name: string; bytes: Buffer }[] = [
    { name: 'unknown format byte', bytes: Buffer.concat([Buffer.from([9]), blob.subarray(1)]) },
    { name: 'truncated weights', bytes: blob.subarray(0, blob.length - 8) },
    { name: 'trailing bytes', bytes: Buffer.concat([blob, Buffer.alloc(8)]) },
    { name: 'header cut', bytes: blob.subarray(0, 20) },
    { name: 'too short', bytes: blob.subarray(0, 3) },
    { name: 'format-1 byte on a format-2 header', bytes: Buffer.concat([Buffer.from([1]), blob.subarray(1)]) },
    { name: 'format-2 byte on a format-1 header', bytes: Buffer.concat([Buffer.from([2]), encodeFormat1(grown(5, 0)).subarray(1)]) },
    { name: 'format-2 byte on a format-3 header', bytes: Buffer.concat([Buffer.from([2]), blob.subarray(1)]) },
    { name: 'format-3 byte on a format-1 header', bytes: Buffer.concat([Buffer.from([3]), encodeFormat1(grown(5, 0)).subarray(1)]) },
    { name: 'header length past the end', bytes: Buffer.concat([blob.subarray(0, 4), Buffer.from([255, 255, 0, 0]), blob.subarray(8)]) },
    { name: 'counts length past the header', bytes: Buffer.concat([blob.subarray(0, 8), Buffer.from([255, 255, 0, 0]), blob.subarray(12)]) },
    { name: 'a string length changed', bytes: withByte(blob, 12 + blob.readUInt32LE(8), 1) },
  ];
  for (const t of table) assert.throws(() => decodeProfile(t.bytes), ProfileCodecError, t.name);
});

test('ClusterState reads a profile stored as JSON by earlier code, then stores and reads it in the binary form', () => {
  const db = openDatabase(':memory:');
  const p = grown(12, 50);
  db.prepare(
    "INSERT INTO cluster_profiles (id, kind, profile, t_lo, t_hi, size, rep_article, rep_score, locked, indexed) VALUES ('ev_old', 'event', ?, ?, ?, ?, 'a1', 0.5, 0, '[\"k\"]')",
  ).run(JSON.stringify(p), p.tLo, p.tHi, p.n);
  const row = new ClusterState(db).profile('ev_old') as ProfileRow;
  assert.deepEqual(shape(row.profile), shape(parseProfile(JSON.stringify(p))));
  assert.deepEqual(row.indexed, ['k']);
  new ClusterState(db).saveProfile(row);
  assert.equal(db.prepare("SELECT typeof(profile) FROM cluster_profiles WHERE id = 'ev_old'").pluck().get(), 'blob');
  const again = new ClusterState(db).profile('ev_old') as ProfileRow;
  assert.deepEqual(shape(again.profile), shape(row.profile));
  assert.equal(again.repArticle, 'a1');
  db.close();
});

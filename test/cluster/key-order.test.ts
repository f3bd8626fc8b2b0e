/**
 * The key lists remembered beside an article's records (key-order.ts) are the records' own key order: featuresOf's
 * terms, names and display forms and compactFast's copies list exactly `Object.keys`, on plain, junk-walled,
 * signalled and multi-script articles; a record the ring no longer holds, or never held, gets `Object.keys`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compactFast } from '../../src/cluster/internal/compact.js';
import { type Features, featuresOf } from '../../src/cluster/internal/features.js';
import { featureKeys, withKeys } from '../../src/cluster/internal/key-order.js';
import { syntheticStream } from '../../src/cluster/internal/synthetic.js';
import type { ClusterSignals } from '../../src/cluster/types.js';
import { FIXTURES } from './fixtures.js';

interface Doc {
  readonly title: string;
  readonly text: string;
  readonly published: string | null;
  readonly language: string | null;
}

/** A wall (its body shares one of its title's twelve stems) so the junk path, with its kept sentence and extra body terms, runs. */
const WALL: Doc = {
  title: 'Harbour authority approves northern breakwater extension plan after lengthy regional council debate',
  text: 'We use cookies to improve your experience. Accept all cookies or manage preferences.\nSubscribe for unlimited access to every article.\nThe breakwater remained closed overnight.',
  published: null,
  language: 'en',
};
const SCRIPTS: Doc[] = [
  { title: 'Зеленский встретился с Путиным', text: 'Переговоры продолжились в Москве. Зеленский заявил о прогрессе.', published: '2031-03-04', language: 'ru' },
  { title: '北京会谈 東京の会議', text: '北京会谈今天开始，東京の会議は明日。', published: null, language: 'zh' },
  { title: 'والكتبرين في البيت', text: 'وللمدينة والكتبرين في البيت الكبير', published: null, language: 'ar' },
];
const SIGNALS: ClusterSignals = {
  entities: [
    { key: 'Harbour_Authority', type: 'ORG', weight: 2 },
    { key: 'Brandvik', type: 'LOC' },
    // A name key that is an array index ("2020"): records list such keys first, in numeric order.
    { key: '2020_Summit', type: 'EVENT' },
  ],
  happeningDates: [],
  numbers: ['2,500'],
};

function docs(): Doc[] {
  return [
    ...FIXTURES.map((x) => ({ title: x.title, text: x.text, published: x.published, language: x.lang })),
    ...[...syntheticStream(30)].map((a) => ({ title: a.title, text: a.text, published: a.published, language: 'xx' })),
    WALL,
    ...SCRIPTS,
  ];
}

function assertListed(f: Features, what: string): void {
  assert.deepEqual(featureKeys(f.terms), Object.keys(f.terms), `${what}: terms`);
  assert.deepEqual(featureKeys(f.entities), Object.keys(f.entities), `${what}: entities`);
  assert.deepEqual(featureKeys(f.surfaces), Object.keys(f.surfaces), `${what}: surfaces`);
}

test('featuresOf and compactFast remember each record’s own key order', () => {
  const idfs = [(k: string) => 1 + (k.length % 5) / 3, () => 1];
  let junk = 0;
  let trimmed = 0;
  for (const [i, d] of docs().entries()) {
    for (const signals of [undefined, SIGNALS]) {
      const f = featuresOf(d, signals);
      if (f.junk) junk++;
      assertListed(f, `features of text ${i}`);
      for (const idf of idfs) {
        const c = compactFast(f, idf);
        if (Object.keys(c.terms).length < Object.keys(f.terms).length) trimmed++;
        assertListed(c, `compact features of text ${i}`);
      }
    }
  }
  assert.ok(junk >= 1, 'the junk path ran');
  assert.ok(trimmed >= 10, 'long articles were compacted');
});

test('a record not remembered (or no longer) gets Object.keys', () => {
  const plain: Record<string, number> = { b: 1, a: 2 };
  assert.deepEqual(featureKeys(plain), ['b', 'a']);
  const old = withKeys<number>({ x: 1, y: 2 }, ['x', 'y']);
  // Many later records push it out of the ring: its list is then read from the record itself.
  for (let i = 0; i < 100; i++) withKeys<number>({ [`k${i}`]: i }, [`k${i}`]);
  old.z = 3;
  assert.deepEqual(featureKeys(old), ['x', 'y', 'z']);
});

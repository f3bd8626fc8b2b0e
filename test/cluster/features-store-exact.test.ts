/**
 * What the assignment path stores for an article (encodeFeatures of compactFast's copy) is byte for byte what the
 * session-6 code stored (frozen copies of its compact.ts and features-codec.ts), on synthetic, invented, edge-case and
 * real texts, with IDFs that vary by key and a constant one (every cut-off a tie): also when the copy's lazy records
 * were read or replaced before it is encoded.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compactFast } from '../../src/cluster/internal/compact.js';
import { featuresOf } from '../../src/cluster/internal/features.js';
import { encodeFeatures } from '../../src/cluster/internal/features-codec.js';
import { readSimilarity, sharedDir, similarityTexts, splitTitle } from '../../src/cluster/internal/streams.js';
import { syntheticStream } from '../../src/cluster/internal/synthetic.js';
import { mulberry32 } from '../../src/internal/random.js';
import { FIXTURES } from './fixtures.js';
import { compactFast as oldCompactFast } from './frozen/compact-s6.js';
import { encodeFeatures as oldEncodeFeatures } from './frozen/features-codec-s6.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Doc {
  readonly title: string;
  readonly text: string;
  readonly published: string | null;
  readonly language: string | null;
}

const IDFS: ((k: string) => number)[] = [(k) => 1 + ((k.charCodeAt(0) + k.length) % 7) / 3, () => 1];

function same(a: Buffer | string, b: Buffer | string): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.equals(b);
}

/** Compares the stored forms of each doc; returns the number compared. `touch` reads or sets a record first. */
function compare(docs: readonly Doc[], touch: 'none' | 'read' | 'set' = 'none'): number {
  let n = 0;
  for (const d of docs) {
    const f = featuresOf(d);
    for (const idf of IDFS) {
      const want = oldEncodeFeatures(oldCompactFast(f, idf));
      const copy = compactFast(f, idf);
      if (touch === 'read') assert.ok(Object.keys(copy.surfaces).length >= 0);
      if (touch === 'set') (copy as { terms: Record<string, number> }).terms = { ...copy.terms };
      const got = encodeFeatures(copy);
      assert.ok(same(got, want), `stored form differs for "${d.title.slice(0, 40)}" (${touch})`);
      n++;
    }
  }
  return n;
}

test('stored compact features equal the session-6 bytes on synthetic and invented articles', () => {
  const docs: Doc[] = [
    ...FIXTURES.map((x) => ({ title: x.title, text: x.text, published: x.published, language: x.lang })),
    ...[...syntheticStream(200)].map((a) => ({ title: a.title, text: a.text, published: a.published, language: 'xx' })),
  ];
  assert.equal(compare(docs), docs.length * IDFS.length);
  compare(docs.slice(0, 40), 'read');
  compare(docs.slice(0, 40), 'set');
});

test('stored compact features equal the session-6 bytes on random texts (non-ASCII, surrogates, long keys)', () => {
  const r = mulberry32(11);
  const pieces = ['Zoë', 'Łódź', 'naïve', 'İstanbul', '😀', '𝐀𝐁𝐂', 'ﬁnance', 'Путин', 'Σίσυφος', '東京都', 'وقال', 'x'.repeat(70), '__proto__', '2031'];
  const word = () => {
    if (r() < 0.15) return pieces[Math.floor(r() * pieces.length)] as string;
    let w = '';
    const n = 1 + Math.floor(r() * 10);
    for (let i = 0; i < n; i++) w += String.fromCharCode(97 + Math.floor(r() * 26));
    return r() < 0.1 ? w[0]?.toUpperCase() + w.slice(1) : w;
  };
  const docs: Doc[] = [];
  for (let i = 0; i < 150; i++) {
    const words = Array.from({ length: 20 + Math.floor(r() * 300) }, word);
    docs.push({ title: Array.from({ length: 5 }, word).join(' '), text: words.join(r() < 0.5 ? ' ' : '. '), published: null, language: 'xx' });
  }
  assert.equal(compare(docs), docs.length * IDFS.length);
});

test('stored compact features equal the session-6 bytes on real news texts', (t) => {
  const shared = sharedDir(root);
  if (!existsSync(resolve(shared, 'bench/similarity'))) {
    t.skip(`similarity data not found under ${shared}`);
    return;
  }
  const docs: Doc[] = [];
  for (const { text, lang } of similarityTexts(readSimilarity(shared))) {
    const { title, body } = splitTitle(text);
    docs.push({ title, text: body, published: docs.length % 2 ? '2020-05-01T10:00:00Z' : null, language: lang });
  }
  assert.ok(compare(docs) > 1000);
});

/**
 * The one-pass paths for plain text (words, sentence anchors, the shared-anchor bound from stored
 * JSON) must give exactly what the general Unicode paths give: compared on the fixtures, on edge
 * cases, and on the real articles of ../shared/bench when present.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadBaseArticles, SHARED } from '../../bench/dedup.js';
import { sharedAnchorBoundJson } from '../../src/dedup/internal/anchor-bound.js';
import { sentenceAnchors, sharedAnchorBound } from '../../src/dedup/internal/anchors.js';
import { hashString } from '../../src/dedup/internal/hash.js';
import { plainSentenceAnchors, plainWordHashes } from '../../src/dedup/internal/plain-text.js';
import { sentences, words } from '../../src/dedup/internal/text.js';
import { NEAR, ORIGIN, PARTIAL, REPEATED_BODY, REWRITE, SAME_TOPIC, UNRELATED } from './fixtures.js';

const EDGE_CASES: Record<string, string[]> = {
  numbers: ['Costs rose to 1,000,000 or 12,345,678 (not 1,0000 nor 1,2,345) and 880\u00a0000 or 5\u202f000. Next one.'],
  boundaries: ['He said "Yes." Then (Ok.) “Quoted.” ‘x’ Done.\u00a0New one.  \t Two spaces.', 'End.) Next', 'e.”  ‘Open', 'a\n\nb\nC d. E f'],
  apostrophes: ["rock`n roll, don’t, ’tis, O'Neil, 5's and it'5 Smith’s"],
  fewAnchors: ['only lowercase words and averyverylongword here withsomemore.'],
  empty: ['', '   '],
};

const FIXTURES: Record<string, readonly string[]> = { ORIGIN, NEAR, PARTIAL, REWRITE, SAME_TOPIC, UNRELATED, REPEATED_BODY, ...EDGE_CASES };

function sets(x: readonly (readonly number[])[]): string {
  return JSON.stringify(x.map((s) => [...s].sort((a, b) => a - b)));
}

function check(name: string, paragraphs: readonly string[], universe: ReadonlySet<number>): boolean {
  const text = paragraphs.join('\n\n');
  const plainWords = plainWordHashes(text);
  if (plainWords) assert.deepEqual(plainWords, words(text).map(hashString), `${name}: words`);
  const plainAnchors = plainSentenceAnchors(paragraphs);
  if (plainAnchors) assert.equal(sets(plainAnchors), sets(sentenceAnchors(sentences(paragraphs.map((p) => p.normalize('NFKC'))))), `${name}: anchors`);
  const bound = sharedAnchorBoundJson(JSON.stringify(paragraphs), universe);
  if (bound !== null) assert.equal(bound, sharedAnchorBound(paragraphs, universe), `${name}: bound`);
  return plainWords !== null && plainAnchors !== null && bound !== null;
}

/** Every token hash of the texts, so the bound counts every candidate token. */
function universeOf(texts: Iterable<readonly string[]>): Set<number> {
  const all = new Set<number>();
  for (const t of texts) for (const p of t) for (const w of p.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []) all.add(hashString(w.toLowerCase()));
  for (const t of texts) for (const s of sentenceAnchors(sentences(t))) for (const h of s) all.add(h);
  return all;
}

test('plain-text paths equal the general ones on the fixtures and edge cases', () => {
  const universe = universeOf(Object.values(FIXTURES));
  for (const [name, paragraphs] of Object.entries(FIXTURES)) assert.ok(check(name, paragraphs, universe), `${name} is plain`);
});

test('text that is not plain takes the general path', () => {
  for (const p of [['Café Müller öffnet.'], ['東京都は計画を発表した。'], ['Ellipsis… here'], ['ﬁne ligature']]) {
    assert.equal(plainWordHashes(p.join('\n\n')), null);
    assert.equal(plainSentenceAnchors(p), null);
    assert.equal(sharedAnchorBoundJson(JSON.stringify(p), new Set()), null);
  }
  assert.equal(sharedAnchorBoundJson('[]', new Set()), null, 'no paragraphs: the text is read instead');
  assert.equal(sharedAnchorBoundJson('["a\\u00e9b"]', new Set()), null, 'a \\u escape');
});

test('plain-text paths equal the general ones on the benchmark’s real articles', (t) => {
  if (!existsSync(join(SHARED, 'bench', 'attribution'))) {
    t.skip(`benchmark data not found under ${SHARED}`);
    return;
  }
  const articles = loadBaseArticles().map((a) => a.paragraphs);
  const universe = universeOf(articles);
  const plain = articles.filter((p, i) => check(`article ${i}`, p, universe)).length;
  // most of these English news texts are plain, so the comparison covers the fast paths
  assert.ok(plain > articles.length / 2, `${plain} of ${articles.length} plain`);
});

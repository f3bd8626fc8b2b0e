/**
 * The mechanisms added for realistic copies (demo corpus, 2026-11-21), each on its own:
 * number agreement in sentence alignment, the copied-passage rule for partial copies, and the
 * origin ranking's fallbacks (dates in URLs and paths, outlet credit).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pairClassifier, partialDetector, prepare } from '../../src/dedup/index.js';
import { alignSentences, numberAgreement } from '../../src/dedup/internal/align.js';
import { compareOrigin, type OriginFacts, publicationSpan } from '../../src/dedup/internal/rank.js';
import { sentenceFeatures } from '../../src/dedup/internal/sentences.js';
import { ORIGIN, SAME_TOPIC, text, UNRELATED } from './fixtures.js';

const view = (id: string, paragraphs: readonly string[]) => prepare({ id, seq: id.length, text: text(paragraphs), paragraphs });

test('numberAgreement: Dice of the number sets, 1 when either sentence has none', () => {
  const rows: [string[], string[], number][] = [
    [[], [], 1],
    [['14'], [], 1],
    [['14', '3'], ['14', '3'], 1],
    [['14', '3'], ['14', '21'], 0.5],
    [['140'], ['110'], 0],
  ];
  for (const [x, y, want] of rows) assert.equal(numberAgreement(new Set(x), new Set(y)), want, `${x} vs ${y}`);
});

test('alignment: the same sentence frame with other figures scores below the threshold, with the same figures above', () => {
  const base = 'The council approved a budget of 4200 euros for the harbour repairs on Monday after a long debate.';
  const same = 'On Monday, after a long debate, the council approved 4200 euros for repairing the harbour.';
  const other = 'On Monday, after a long debate, the council approved 9100 euros for repairing the harbour.';
  const score = (b: string) => alignSentences(sentenceFeatures([base]), sentenceFeatures([b]), 0).pairs[0]?.score ?? 0;
  assert.ok(score(same) >= 0.4, `same figures ${score(same)}`);
  assert.ok(score(other) < 0.4, `other figures ${score(other)}`);
});

test('partial copies: an opening passage reused under a longer own continuation', () => {
  const rows: { name: string; copy: readonly string[]; partial: boolean }[] = [
    // the first two paragraphs (four sentences, ~90 words) copied, then the outlet's own reporting
    { name: 'four consecutive sentences', copy: [ORIGIN[0]!, ORIGIN[1]!, ...SAME_TOPIC, ...UNRELATED], partial: true },
    // one sentence (a quote-sized overlap) is not a copied passage
    { name: 'one sentence', copy: [ORIGIN[0]!.split('. ')[0]!, ...SAME_TOPIC, ...UNRELATED], partial: false },
  ];
  const origin = view('origin', ORIGIN);
  for (const r of rows) {
    const hit = partialDetector().detect(origin, view('copy', r.copy));
    assert.equal(hit?.kind ?? null, r.partial ? 'partial' : null, r.name);
    if (hit) assert.match(hit.evidence.rule, /consecutive sentences/);
    const any = pairClassifier().detect(origin, view('copy', r.copy));
    assert.equal(any?.kind ?? null, r.partial ? 'partial' : null, `${r.name} (classifier)`);
  }
});

const facts = (over: Partial<OriginFacts> & { id: string }): OriginFacts => ({ seq: 1, published: null, chars: 1000, ...over });

test('origin ranking: dates from URL and path, then outlet credit, then completeness', () => {
  const wire = 'HARBOURTON, March 11 (Coastal Wire) — A fire broke out on the quay.';
  const copyText = `By Coastal Wire staff\n\n${wire} Readers can find helplines below.`;
  const rows: { name: string; x: OriginFacts; y: OriginFacts; xFirst: boolean }[] = [
    {
      name: 'earlier date in the file path',
      x: facts({ id: 'x', seq: 2, path: '/c/wire/2026-03-03-talks.txt', chars: 900 }),
      y: facts({ id: 'y', seq: 1, path: '/c/courier/2026-03-04-talks.md', chars: 1200 }),
      xFirst: true,
    },
    {
      name: 'earlier date in the URL',
      x: facts({ id: 'x', seq: 2, url: 'https://a.example/2026/03/03/talks', chars: 900 }),
      y: facts({ id: 'y', seq: 1, url: 'https://b.example/news/2026/03/04/talks', chars: 1200 }),
      xFirst: true,
    },
    {
      name: 'same day: the copy names the source outlet (folder name), the source does not name the copy',
      x: facts({ id: 'x', seq: 2, path: '/c/coastal-wire/2026-03-11-fire.txt', text: wire, chars: 900 }),
      y: facts({ id: 'y', seq: 1, path: '/c/bay-gazette/2026-03-11-blaze.txt', text: copyText, chars: 1200 }),
      xFirst: true,
    },
    {
      name: 'a timestamp inside the source’s day does not beat credit',
      x: facts({ id: 'x', seq: 2, path: '/c/coastal-wire/2026-03-11-fire.txt', text: wire, chars: 900 }),
      y: facts({ id: 'y', seq: 1, published: '2026-03-11T09:00:00Z', outlet: 'Bay Gazette', text: copyText, chars: 1200 }),
      xFirst: true,
    },
    {
      name: 'the copied path seen under a second location (ingest log) carries the outlet',
      x: facts({ id: 'x', seq: 2, path: '/c/inbox/fw-fire.txt', locations: ['/c/coastal-wire/2026-03-11-fire.txt'], text: wire, chars: 900 }),
      y: facts({ id: 'y', seq: 1, path: '/c/bay-gazette/2026-03-11-blaze.txt', text: copyText, chars: 1200 }),
      xFirst: true,
    },
    {
      name: 'a folder name in running lower-case text is not a credit',
      x: facts({ id: 'x', seq: 2, path: '/c/forwarded/fire.txt', text: wire, chars: 900 }),
      y: facts({ id: 'y', seq: 1, path: '/c/bay-gazette/blaze.txt', text: 'The note was forwarded to us. A fire broke out on the quay.', chars: 1200 }),
      xFirst: false,
    },
    {
      name: 'full timestamps decide before credit',
      x: facts({ id: 'x', published: '2026-03-11T12:00:00Z', outlet: 'Coastal Wire', text: wire }),
      y: facts({ id: 'y', published: '2026-03-11T08:00:00Z', outlet: 'Bay Gazette', text: copyText }),
      xFirst: false,
    },
    { name: 'nothing known: the longer text', x: facts({ id: 'x', seq: 2, chars: 1200 }), y: facts({ id: 'y', seq: 1, chars: 900 }), xFirst: true },
  ];
  for (const r of rows) {
    assert.equal(compareOrigin(r.x, r.y) < 0, r.xFirst, r.name);
    assert.equal(compareOrigin(r.y, r.x) < 0, !r.xFirst, `${r.name} (swapped)`);
  }
});

test('publicationSpan: a timestamp is a point, a bare date or a path date a whole day, nonsense none', () => {
  const day = 24 * 3600 * 1000;
  const at = publicationSpan(facts({ id: 'a', published: '2026-03-11T09:15:00Z' }));
  assert.deepEqual(at, { from: Date.UTC(2026, 2, 11, 9, 15), to: Date.UTC(2026, 2, 11, 9, 15) });
  const d = publicationSpan(facts({ id: 'b', path: '/x/2026_03_11_fire.txt' }));
  assert.deepEqual(d, { from: Date.UTC(2026, 2, 11), to: Date.UTC(2026, 2, 11) + day - 1 });
  assert.equal(publicationSpan(facts({ id: 'c', path: '/x/report-1234567.txt' })), null);
  assert.equal(publicationSpan(facts({ id: 'd', path: '/x/2026-13-40.txt' })), null);
});

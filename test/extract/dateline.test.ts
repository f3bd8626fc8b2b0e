// Publication dates from wire datelines without a year: the year comes from the corpus reference,
// trusted (≥ the pipeline's 0.6) only when that reference is a corpus date within a few months.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annotate, type DateAnchor } from '../../src/extract/index.js';

/** The pipeline stores an inferred publication date at or above this confidence (src/pipeline.ts). */
const PIPELINE_BAR = 0.6;

const wire = (dateline: string) =>
  `Harbour cranes idle as dockers walk out\n\n${dateline} (Coastline Wire) — Dockers at the northern terminal stopped work on Monday after talks on night-shift pay broke down, a union official said.\n\nThe port authority said it expected ships to be diverted.`;

const corpus = (date: string): DateAnchor => ({ date, source: 'corpus' });
const clock = (date: string): DateAnchor => ({ date, source: 'clock' });

test('year-less datelines: year from a near corpus reference is trusted, otherwise weak', () => {
  const table: { name: string; dateline: string; reference: DateAnchor; value: string; trusted: boolean }[] = [
    { name: 'reference a week before', dateline: 'NORTHPORT, March 11', reference: corpus('2026-03-04'), value: '2026-03-11', trusted: true },
    { name: 'reference a month after', dateline: 'NORTHPORT, March 11', reference: corpus('2026-04-15'), value: '2026-03-11', trusted: true },
    { name: 'across New Year', dateline: 'NORTHPORT, Dec. 30', reference: corpus('2027-01-12'), value: '2026-12-30', trusted: true },
    { name: 'city and country', dateline: 'NORTHPORT, Veloria, Feb 16', reference: corpus('2026-03-01'), value: '2026-02-16', trusted: true },
    { name: 'abbreviated month', dateline: 'NORTHPORT, Feb 2', reference: corpus('2026-02-20'), value: '2026-02-02', trusted: true },
    { name: 'clock reference', dateline: 'NORTHPORT, March 11', reference: clock('2026-11-21'), value: '2026-03-11', trusted: false },
    { name: 'corpus reference half a year away', dateline: 'NORTHPORT, March 11', reference: corpus('2026-09-20'), value: '2026-03-11', trusted: false },
  ];
  for (const row of table) {
    const a = annotate({ title: '', text: wire(row.dateline), published: null, language: 'en' }, { reference: row.reference });
    const p = a.inferredPublished;
    assert.ok(p, `${row.name}: inferred`);
    if (row.trusted) assert.equal(p.value, row.value, row.name);
    assert.equal(p.confidence >= PIPELINE_BAR, row.trusted, `${row.name}: confidence ${p.confidence}`);
    assert.ok(
      p.evidence.some((e) => e.startsWith('dateline')),
      `${row.name}: evidence ${p.evidence.join('; ')}`,
    );
  }
});

test('datelines with a year keep their own confidence; a date later in the text is no dateline', () => {
  const dated = annotate({ title: '', text: wire('NORTHPORT, March 11, 2026'), published: null, language: 'en' }, { reference: clock('2026-11-21') });
  assert.equal(dated.inferredPublished?.value, '2026-03-11');
  assert.ok((dated.inferredPublished?.confidence ?? 0) >= PIPELINE_BAR);
  const body =
    'Dockers at the northern terminal stopped work on Monday.\n\nThe strike that began March 11 — the longest in years — goes on, a union official said.';
  const a = annotate({ title: '', text: body, published: null, language: 'en' }, { reference: corpus('2026-03-20') });
  assert.ok(!a.inferredPublished?.evidence.some((e) => e.startsWith('dateline')), JSON.stringify(a.inferredPublished));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clean } from '../../src/clean/index.js';
import { lineDate } from '../../src/clean/internal/line-date.js';

test('dateline dates in several languages and shapes', () => {
  const cases: [string, string | null][] = [
    ['Published 27 February 2026 18:50', '2026-02-27T18:50'],
    ['11.03.2026 | 13:02', '2026-03-11T13:02'],
    ['21.01.26, 13:30', '2026-01-21T13:30'],
    ['March 3, 2026', '2026-03-03'],
    ['Updated 2026-03-04T09:30:00Z', '2026-03-04T09:30'],
    ['Publié le 10 avril 2026 à 08h15', '2026-04-10T08:15'],
    ['Veröffentlicht am 4. März 2026, 14:20', '2026-03-04T14:20'],
    ['22 de abril de 2026', '2026-04-22'],
    ['Опубликовано 5 марта 2026', '2026-03-05'],
    ['31.02.2026', null],
    ['By Jane Doe', null],
    ['In 2026 the plan was signed', null],
    ['On March 3 the talks began', null],
  ];
  for (const [line, expected] of cases) assert.equal(lineDate(line), expected, line);
});

test('a text article takes its publication date and byline from its own top lines', () => {
  const body = [
    'By Harbour Desk staff',
    '04.05.2026 | 09:12',
    'The port authority of Alden said on Monday that the new quay would open in June after two years of work.',
    'Officials said the project cost 40 million crowns and would let larger ships dock in the harbour.',
    'Local businesses welcomed the news, saying the quay would bring more trade to the town centre.',
  ].join('\n');
  const out = clean({ source: { location: 't.txt', record: 0 }, format: 'text', body, raw: body, meta: { title: 'Alden quay to open in June' } });
  assert.equal(out.published, '2026-05-04T09:12');
  assert.equal(out.fieldSources.published, 'text-dateline');
  assert.ok(!out.text.includes('By Harbour Desk staff'), 'the byline line is not article text');
  assert.ok(out.removed.some((r) => r.rule === 'byline' && r.text === 'By Harbour Desk staff'));
  assert.ok(out.removed.some((r) => r.rule === 'dateline' && r.text.startsWith('04.05.2026')));
});

test('a date inside a related-story link is not the article date', () => {
  const body = [
    'The port authority of Alden said on Monday that the new quay would open in June after two years of work.',
    'Officials said the project cost 40 million crowns and would let larger ships dock in the harbour.',
    'Local businesses welcomed the news, saying the quay would bring more trade to the town centre.',
    'Ferry timetable changes announced for summer 12.01.2026, 10:15 4521',
  ].join('\n');
  const out = clean({ source: { location: 't.txt', record: 0 }, format: 'text', body, raw: body, meta: { title: 'Alden quay to open in June' } });
  assert.equal(out.published, null);
});

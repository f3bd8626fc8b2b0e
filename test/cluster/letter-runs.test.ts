/**
 * The letter runs the date finder needs, gathered while countStems scans a title and a text (JoinedLetterRuns), equal
 * letterRuns() of the two joined by a line break: randomized texts mixing ASCII and accented letters, Cyrillic, digits,
 * apostrophes, hyphens and date names, and texts the word scan leaves to the regex path (no runs then).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JoinedLetterRuns, letterRunsOf } from '../../src/cluster/internal/dates.js';
import { countStems, fold } from '../../src/cluster/internal/text.js';
import { mulberry32 } from '../../src/internal/random.js';

const PIECES = [
  'march',
  'may',
  'mai',
  'jan',
  'monday',
  'yesterday',
  'вчера',
  'марта',
  'ßmarch',
  'x_may',
  '7june',
  'ømay',
  'Ωapril',
  'é',
  'ü',
  'ж',
  'a',
  'bc',
  'word',
  "o'neill",
  'd’angelo',
  'well-known',
  '--',
  "'",
  '’',
  '12',
  '2031',
  '3rd',
  '.',
  ',',
  ' ',
  ' ',
  ' ',
  '\n',
  '\t',
  ':',
  '"',
  'ﬁ',
  'İ',
];

function randomText(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const p = PIECES[Math.floor(r() * PIECES.length)] as string;
    s += r() < 0.5 ? p : `${p} `;
  }
  return s;
}

function gathered(title: string, text: string): readonly number[] | null {
  const runs = new JoinedLetterRuns();
  const noSurface = () => {};
  const titleCounts = countStems(title, new Map(), noSurface, undefined, runs);
  runs.offset = title.length + 1;
  countStems(text, new Map(), noSurface, titleCounts, runs);
  return runs.runs;
}

test('runs gathered by the word scan equal letterRuns of title\\ntext (randomized)', () => {
  const r = mulberry32(5);
  for (let i = 0; i < 2000; i++) {
    const title = fold(randomText(r, Math.floor(r() * 8)));
    const text = fold(randomText(r, Math.floor(r() * 80)));
    const want = letterRunsOf(`${title}\n${text}`);
    assert.ok(want !== null);
    assert.deepEqual(gathered(title, text), want, JSON.stringify({ title, text }));
  }
});

test('texts the word scan does not handle give no gathered runs', () => {
  for (const [title, text] of [
    ['東京で会議', 'march 5'],
    ['march 5', 'وقال الرئيس في 5 مارس'],
    ['plain title', 'smile 😀 may 5'],
  ] as const)
    assert.equal(gathered(fold(title), fold(text)), null);
  assert.deepEqual(gathered('talks on', 'may 5 and march 6'), letterRunsOf('talks on\nmay 5 and march 6'));
  assert.ok((gathered('talks on', 'may 5 and march 6') ?? []).length === 6, 'both month names are found');
});

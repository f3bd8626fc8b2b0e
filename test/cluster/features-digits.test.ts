/**
 * The feature path's shortcuts around digits and capitals (session 7) against the frozen code (test/cluster/frozen/):
 * date and number patterns scanned from the first digit, a title without a digit not joined to the text for numbers,
 * ASCII capitals found by a pattern. Randomized texts put digits, separators, month and weekday names, capitals,
 * apostrophes and line breaks anywhere (first, last, only in the title, nowhere), in ASCII and non-ASCII texts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDates } from '../../src/cluster/internal/dates.js';
import { featuresOf, numbersIn } from '../../src/cluster/internal/features.js';
import { mulberry32 } from '../../src/internal/random.js';
import { findDates as oldFindDates } from './frozen/dates.js';
import { featuresOf as oldFeaturesOf, numbersIn as oldNumbersIn } from './frozen/features.js';

const PIECES = [
  '3',
  '12',
  '2031',
  '1,234',
  '12 345',
  '3.5',
  '3,5',
  '2031-03-05',
  '5.3.2031',
  '05/03/31',
  '1st',
  '22nd',
  '.',
  ',',
  ':',
  'of',
  'de',
  'March',
  'march',
  'Mar.',
  'May',
  'mai',
  'Monday',
  'yesterday',
  'Dienstag',
  'марта',
  'вчера',
  'Zoë',
  'O’Neill',
  "Ann's",
  'NATO',
  'UNESCOX',
  'Paris',
  'talks',
  'said',
  'the',
  'İstanbul',
  'ﬁnance',
  '½',
  '１２',
  '\n',
  '\t',
  '-',
  '"',
  '“',
];

function randomText(r: () => number, words: number, digits: boolean): string {
  let s = '';
  for (let i = 0; i < words; i++) {
    let p = PIECES[Math.floor(r() * PIECES.length)] as string;
    if (!digits) p = p.replace(/\d/g, '');
    s += r() < 0.8 ? `${p} ` : p;
  }
  return s;
}

const PUBLISHED = [null, '2031-03-04', '2031-11-30T23:30:00-05:00'] as const;

test('numbers and dates scanned from the first digit equal the frozen full scans (randomized)', () => {
  const r = mulberry32(19);
  let withDigits = 0;
  for (let i = 0; i < 3000; i++) {
    const text = randomText(r, Math.floor(r() * 60), r() < 0.8);
    if (/\d/.test(text)) withDigits++;
    assert.deepEqual(numbersIn(text), oldNumbersIn(text), JSON.stringify(text));
    const published = PUBLISHED[i % PUBLISHED.length] ?? null;
    assert.deepEqual(findDates(text, published), oldFindDates(text, published), JSON.stringify(text));
  }
  assert.ok(withDigits > 1000 && withDigits < 3000, `texts with and without digits (${withDigits} with)`);
});

test('features (numbers, names, dates) equal the frozen code with digits in the title, the text, both or neither', () => {
  const r = mulberry32(23);
  for (let i = 0; i < 1500; i++) {
    const title = randomText(r, 1 + Math.floor(r() * 8), i % 4 < 2);
    const text = randomText(r, Math.floor(r() * 120), i % 2 === 0);
    // Every third text ASCII only (the capital search runs there), the others as drawn.
    const body = i % 3 === 0 ? text.replace(/[^\x20-\x7e\n\t]/g, 'x') : text;
    const d = { title, text: body, published: PUBLISHED[i % PUBLISHED.length] ?? null, language: i % 2 ? 'en' : null };
    assert.equal(JSON.stringify(featuresOf(d)), JSON.stringify(oldFeaturesOf(d)), JSON.stringify(d));
  }
});

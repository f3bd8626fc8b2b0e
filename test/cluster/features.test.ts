/** Fallback signals: dates resolved against an inferred anchor, name keys across scripts, numbers, stems. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anchorDate, dayGap, findDates, primaryDate, publishedDate } from '../../src/cluster/internal/dates.js';
import { featuresOf, numbersIn } from '../../src/cluster/internal/features.js';
import { nameKey, stems } from '../../src/cluster/internal/text.js';

describe('dates', () => {
  const cases: { name: string; text: string; published: string | null; aside?: string; expect: string[] }[] = [
    { name: 'ISO date', text: 'The vote was held on 2030-04-12 in the hall.', published: null, expect: ['2030-04-12'] },
    { name: 'day month year', text: 'Talks ended on 3 March 2029.', published: null, expect: ['2029-03-03'] },
    { name: 'month day, year', text: 'It opened on March 3, 2029, to crowds.', published: null, expect: ['2029-03-03'] },
    { name: 'weekday against published date', text: 'The ministers met on Tuesday.', published: '2031-05-08T10:00:00Z', expect: ['2031-05-06'] },
    { name: 'day-month placed in the anchor year', text: 'The talks on the 2nd of December went well.', published: '2031-12-05', expect: ['2031-12-02'] },
    {
      name: 'day-month early in the next year resolves back',
      text: 'The summit on 28 December was a failure.',
      published: '2032-01-04',
      expect: ['2031-12-28'],
    },
    { name: 'no anchor keeps month and day only', text: 'On the 2nd of December they will meet.', published: null, expect: ['--12-02'] },
    { name: 'German month name', text: 'Die Gespräche am 3. März 2029 endeten.', published: null, expect: ['2029-03-03'] },
    {
      name: 'anchor from page furniture (d.m.yy timestamp)',
      text: 'Officials met on Wednesday.',
      published: null,
      aside: 'Related story 14.01.32, 10:15',
      expect: ['2032-01-14'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = [...new Set(findDates(c.text, c.published, c.aside).map((d) => d.value))].sort();
      assert.deepEqual(got, [...c.expect].sort());
    });
  }

  it('does not invent dates from bare numbers or times', () => {
    assert.deepEqual(findDates('About 800,000 troops and 19 points, at 16:39.', null), []);
  });

  it('publication day is read as written (local date), anchors prefer it', () => {
    assert.equal(publishedDate('2031-04-21T23:30:00-05:00'), '2031-04-21');
    assert.equal(anchorDate('Nothing dated here.', '2031-04-21'), Date.UTC(2031, 3, 21));
    assert.equal(anchorDate('Nothing dated here.', null), null);
  });

  it('gaps between dates, with month-day dates compared on a circle', () => {
    assert.equal(dayGap('2031-12-02', '2032-01-21'), 50);
    assert.equal(dayGap('--12-02', '2032-01-21'), 50);
    assert.equal(dayGap('--12-30', '--01-02'), 3);
  });

  it('primary date is the most mentioned, latest on ties', () => {
    assert.equal(
      primaryDate([
        { value: '2031-01-01', precision: 'day' },
        { value: '2031-01-05', precision: 'day' },
        { value: '2031-01-01', precision: 'day' },
      ]),
      '2031-01-01',
    );
    assert.equal(
      primaryDate([
        { value: '2031-01-01', precision: 'day' },
        { value: '2031-01-05', precision: 'day' },
      ]),
      '2031-01-05',
    );
    assert.equal(primaryDate([]), null);
  });
});

describe('names, numbers, stems', () => {
  const same: [string, string][] = [
    ['Zelensky', 'Zelenskyy'],
    ['Zelensky', 'Зеленский'],
    ['Putin', 'Путин'],
    ['Okonjo', 'OKONJO'],
  ];
  for (const [a, b] of same) it(`name key: ${a} ≈ ${b}`, () => assert.equal(nameKey(a), nameKey(b)));
  it('name keys tell different names apart', () => assert.notEqual(nameKey('Brandvik'), nameKey('Okonjo')));

  it('numbers drop thousands separators in either convention and skip single digits', () => {
    assert.deepEqual(numbersIn('800,000 and 800.000 and 1.5 and 7'), ['800000', '800000', '1.5']);
  });

  it('stems cut words and make CJK bigrams', () => {
    assert.deepEqual(stems('Negotiations negotiated'), ['negot', 'negot']);
    assert.deepEqual(stems('北京会谈'), ['北京', '京会', '会谈']);
  });

  it('fallback names skip sentence-initial words and long all-caps furniture', () => {
    const f = featuresOf({ title: 'x', text: 'The mayor met Brandvik. Yesterday CLICKHERE NATO said Okonjo agreed.', published: null, language: 'en' });
    assert.ok(nameKey('Brandvik') in f.entities);
    assert.ok(nameKey('Okonjo') in f.entities);
    assert.ok(nameKey('NATO') in f.entities);
    assert.ok(!(nameKey('The') in f.entities));
    assert.ok(!(nameKey('Yesterday') in f.entities));
    assert.ok(!(nameKey('CLICKHERE') in f.entities));
  });

  const signals = {
    entities: [{ key: 'Ilsa Brandvik', type: 'person' }],
    happeningDates: [{ start: '2031-05-06', end: '2031-05-06', precision: 'day' }],
    numbers: ['14'],
  };
  it('extract signals replace the fallbacks when given', () => {
    const f = featuresOf({ title: 'x', text: 'Brandvik met Okonjo on Tuesday.', published: '2031-05-09', language: 'en' }, signals);
    assert.equal(f.primary, '2031-05-06');
    assert.equal(f.dateSource, 'extract');
    assert.deepEqual(Object.keys(f.entities).sort(), [nameKey('Brandvik'), nameKey('Ilsa')].sort());
    assert.deepEqual(f.numbers, ['14']);
  });

  it('an undated article keeps our own dates (extract would resolve them against a guessed year)', () => {
    const f = featuresOf({ title: 'x', text: 'They meet on the 2nd of December.', published: null, language: 'en' }, signals);
    assert.equal(f.dateSource, 'fallback-undated');
    assert.equal(f.primary, '--12-02');
  });
});

/** Pair similarity mechanics: Arabic clitics, within-language IDF, the shaped total, year-less date penalties. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { featuresOf } from '../../src/cluster/internal/features.js';
import { ALL_LANGUAGES_KEY, dfKeys, idfValue, languageKey, languageShift } from '../../src/cluster/internal/idf.js';
import { singleton } from '../../src/cluster/internal/profile.js';
import { combine, DEFAULT_WEIGHTS, dateComponent, score, shapedText, termIdf } from '../../src/cluster/internal/similarity.js';
import { stems, stripClitics } from '../../src/cluster/internal/text.js';

describe('Arabic clitics', () => {
  // Built from a made-up stem (كتبر) with the attached particles; no corpus words.
  const cases: [string, string, string][] = [
    ['article', 'الكتبر', 'كتبر'],
    ['and + article', 'والكتبر', 'كتبر'],
    ['with + article', 'بالكتبر', 'كتبر'],
    ['so + for + article (contracted)', 'فللكتبر', 'كتبر'],
    ['no article: unchanged', 'وكتبر', 'وكتبر'],
    ['too short a rest: unchanged', 'الك', 'الك'],
    ['Latin: unchanged', 'alliance', 'alliance'],
  ];
  for (const [name, word, expect] of cases) it(name, () => assert.equal(stripClitics(word), expect));

  it('prefixed and bare forms share a stem', () => {
    assert.deepEqual(stems('والكتبرين'), stems('كتبرين'));
  });
});

describe('within-language IDF', () => {
  const table = (df: Record<string, number>, docs: number) => (k: string) => idfValue(df[k] ?? 0, docs);

  it('dfKeys counts languages only for articles that have one', () => {
    const f = { terms: { abc: 1 }, entities: {}, numbers: [] as string[] };
    assert.deepEqual(dfKeys(f), ['abc']);
    assert.deepEqual(dfKeys({ ...f, language: 'xx' }), ['abc', ALL_LANGUAGES_KEY, languageKey('xx')]);
  });

  const cases: { name: string; df: Record<string, number>; docs: number; lang: string | null; shift: (s: number) => boolean }[] = [
    { name: 'one-language store: no shift', df: { 'l:*': 100, 'l:aa': 100 }, docs: 100, lang: 'aa', shift: (s) => s === 0 },
    { name: 'unknown language: no shift', df: { 'l:*': 100, 'l:aa': 10 }, docs: 100, lang: null, shift: (s) => s === 0 },
    { name: 'store from before the keys: no shift', df: {}, docs: 100, lang: 'aa', shift: (s) => s === 0 },
    {
      name: 'a tenth of the store: ln(100.5 / 10.5)',
      df: { 'l:*': 100, 'l:aa': 10 },
      docs: 100,
      lang: 'aa',
      shift: (s) => Math.abs(s - Math.log(100.5 / 10.5)) < 1e-9,
    },
  ];
  for (const c of cases) it(c.name, () => assert.ok(c.shift(languageShift(table(c.df, c.docs), c.lang))));

  it('a word in most articles of a small language weighs ~0, a rare one keeps weight', () => {
    const idf = table({ 'l:*': 1000, 'l:aa': 50, common: 45, rare: 2 }, 1000);
    const t = termIdf(idf, 'aa');
    assert.ok(idf('common') > 2, 'globally the common word looks rare');
    assert.ok(t('common') < 0.2);
    assert.ok(t('rare') > 2.5);
    assert.ok(t('common') >= 0);
  });
});

describe('shaped total', () => {
  const w = DEFAULT_WEIGHTS;
  const parts = (text: number) => ({ text, entities: 0.2, numbers: 0, date: 0 });

  it('text rises steeply first, then flattens', () => {
    const low = shapedText(0.1, w) - shapedText(0, w);
    const high = shapedText(0.6, w) - shapedText(0.5, w);
    assert.ok(low > 2 * high);
  });

  it('same-language text: the square-root curve between the tails, tails joined continuously', () => {
    const root = (c: number) => w.textScale * Math.sqrt(c) - w.textOffset;
    for (const c of [w.textLow, (w.textLow + w.textHigh) / 2, w.textHigh]) assert.ok(Math.abs(shapedText(c, w) - root(c)) < 1e-12);
    const eps = 1e-9;
    for (const c of [w.textLow, w.textHigh]) assert.ok(Math.abs(shapedText(c - eps, w) - shapedText(c + eps, w)) < 1e-6);
    // Below the low join the fall is steeper than the square root's, above the high join the rise flatter.
    assert.ok(shapedText(w.textLow, w) - shapedText(w.textFloor, w) > root(w.textLow) - root(w.textFloor));
    assert.ok(shapedText(1, w) - shapedText(w.textHigh, w) < root(1) - root(w.textHigh));
  });

  it('across languages the plain square-root curve applies', () => {
    const root = (c: number) => w.textScale * Math.sqrt(Math.max(c, w.crossTextFloor)) - w.textOffset;
    for (const c of [0, 0.05, 0.1, 0.9]) assert.ok(Math.abs(shapedText(c, w, true) - root(c)) < 1e-12);
  });

  it('cosines below the floor all count as the floor', () => {
    assert.equal(shapedText(0, w), shapedText(w.textFloor / 2, w));
    assert.ok(shapedText(w.textFloor * 2, w) > shapedText(w.textFloor, w));
  });

  it('the total grows with text cosine', () => {
    const xs = [w.textFloor, 0.1, 0.2, 0.5, 0.7, 1].map((t) => combine(parts(t), w, false));
    assert.ok(
      xs.every((x, i) => i === 0 || x > (xs[i - 1] as number)),
      xs.map((x) => x.toFixed(3)).join(' '),
    );
  });

  it('across languages text counts with crossText only', () => {
    const zero = { ...w, crossText: 0 };
    assert.equal(combine(parts(0.9), zero, true), combine(parts(0), zero, true));
    assert.ok(combine(parts(0.9), { ...w, crossText: 0.3 }, true) > combine(parts(0), { ...w, crossText: 0.3 }, true));
  });

  it('score() totals its parts with combine()', () => {
    const a = featuresOf({
      title: 'Harbour talks on ferry timetable',
      text: 'Mayor Brandvik met Okonjo over the ferry timetable.',
      published: null,
      language: 'en',
    });
    const b = featuresOf({ title: 'Ferry timetable talks', text: 'Okonjo and Brandvik discussed the timetable for ferries.', published: null, language: 'en' });
    const idf = () => 1;
    const p = score(a, singleton(b), idf).parts;
    assert.ok(Math.abs(p.total - combine(p, w, false)) < 1e-12);
  });
});

describe('date penalty needs dates with years', () => {
  const base = { title: 'Council vote', published: null, language: 'en' } as const;
  const cases: { name: string; a: string; b: string; penalised: boolean }[] = [
    { name: 'full dates far apart: penalised', a: 'The vote on 3 March 2031 passed.', b: 'The vote on 20 April 2031 passed.', penalised: true },
    { name: 'year-less dates far apart: not penalised', a: 'The vote on 3 March passed.', b: 'The vote on 20 April passed.', penalised: false },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const fa = featuresOf({ ...base, text: c.a });
      const fb = featuresOf({ ...base, text: c.b });
      const { gapDays, date } = dateComponent(fa, singleton(fb), DEFAULT_WEIGHTS);
      assert.ok(gapDays !== null && gapDays >= DEFAULT_WEIGHTS.farDays, `gap ${gapDays}`);
      assert.equal(date < 0, c.penalised);
    });
  }
  it('agreeing year-less dates still earn the bonus', () => {
    const fa = featuresOf({ ...base, text: 'The vote on 3 March passed.' });
    const fb = featuresOf({ ...base, text: 'After the vote on 4 March, protests.' });
    assert.equal(dateComponent(fa, singleton(fb), DEFAULT_WEIGHTS).date, DEFAULT_WEIGHTS.dateBonus);
  });
});

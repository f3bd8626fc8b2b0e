/**
 * The per-article feature path must give exactly what it gave before it was made cheaper: `featuresOf` and
 * `compactFast` are compared with a frozen copy of the earlier code (test/cluster/frozen/) on invented, synthetic
 * and real texts, with and without a publication date and with and without extract signals. Equality is checked
 * on the JSON form too, so key order (profiles iterate records in insertion order) is covered.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { compactFast } from '../../src/cluster/internal/compact.js';
import { findDates } from '../../src/cluster/internal/dates.js';
import { featuresOf } from '../../src/cluster/internal/features.js';
import { dfKeys, idfValue } from '../../src/cluster/internal/idf.js';
import { readSimilarity, sharedDir, similarityTexts, splitTitle } from '../../src/cluster/internal/streams.js';
import { syntheticStream } from '../../src/cluster/internal/synthetic.js';
import { nameKey, stems } from '../../src/cluster/internal/text.js';
import type { ClusterSignals } from '../../src/cluster/types.js';
import { FIXTURES } from './fixtures.js';
import { compactFast as oldCompactFast } from './frozen/compact.js';
import { findDates as oldFindDates } from './frozen/dates.js';
import { featuresOf as oldFeaturesOf } from './frozen/features.js';
import { nameKey as oldNameKey, stems as oldStems } from './frozen/text.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Doc {
  readonly title: string;
  readonly text: string;
  readonly published: string | null;
  readonly language: string | null;
}

/** Published dates cycled over the documents: none, a plain day, a timestamp with an offset, an unreadable string. */
const PUBLISHED = [null, '2031-03-04', '2031-11-30T23:30:00-05:00', 'not a date'] as const;

/** Signals made from the text itself (its capitalised words, digit runs and a date), so the signals path runs on real words. */
function signalsOf(d: Doc, i: number): ClusterSignals {
  const words = d.text.match(/\p{Lu}\p{L}+(?:\s\p{Lu}\p{L}+)?/gu) ?? [];
  const digits = d.text.match(/\d[\d.,]*/g) ?? [];
  return {
    entities: words.slice(0, 12).map((key, j) => ({ key: key.replace(/\s/u, '_'), type: 'PER', ...(j % 3 === 0 ? { weight: 0.5 + j / 4 } : {}) })),
    happeningDates: i % 2 ? [{ start: '2031-03-02', end: '2031-03-02', precision: 'day' }] : [{ start: '2031-03', end: '2031-03', precision: 'month' }],
    numbers: digits.slice(0, 10),
  };
}

function compare(docs: readonly Doc[]): number {
  const olds = docs.map((d) => oldFeaturesOf(d));
  const df = new Map<string, number>();
  for (const f of olds) for (const k of dfKeys(f)) df.set(k, (df.get(k) ?? 0) + 1);
  const idf = (k: string) => idfValue(df.get(k) ?? 0, docs.length);
  let compared = 0;
  docs.forEach((d0, i) => {
    const d = { ...d0, published: d0.published ?? PUBLISHED[i % PUBLISHED.length] ?? null };
    const aside = i % 5 === 0 ? (docs[(i + 1) % docs.length]?.text.slice(0, 400) ?? '') : '';
    const variants: [ClusterSignals | undefined, string][] = [
      [undefined, aside],
      [signalsOf(d, i), aside],
    ];
    for (const [signals, side] of variants) {
      const want = oldFeaturesOf(d, signals, side);
      const got = featuresOf(d, signals, side);
      assert.equal(JSON.stringify(got), JSON.stringify(want), `features of text ${i}`);
      assert.deepEqual(got, want);
      assert.equal(JSON.stringify(compactFast(got, idf)), JSON.stringify(oldCompactFast(want, idf)), `compact features of text ${i}`);
      compared++;
    }
    const body = `${d.title}\n${d.text}`;
    assert.deepEqual(findDates(body, d.published, aside), oldFindDates(body, d.published, aside), `dates of text ${i}`);
    assert.deepEqual(stems(d.text), oldStems(d.text));
  });
  return compared;
}

test('features equal the frozen reference on invented and synthetic articles', () => {
  const docs: Doc[] = [
    ...FIXTURES.map((x) => ({ title: x.title, text: x.text, published: x.published, language: x.lang })),
    ...[...syntheticStream(300)].map((a) => ({ title: a.title, text: a.text, published: a.published, language: 'xx' })),
  ];
  assert.ok(compare(docs) >= 2 * docs.length);
});

test('features equal the frozen reference on the demo corpus files read as plain text', () => {
  const docs: Doc[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const path = resolve(dir, name.name);
      if (name.isDirectory()) walk(path);
      else if (/\.(txt|md|html)(\.gz)?$/.test(name.name)) {
        const raw = readFileSync(path);
        const [title = '', ...rest] = (name.name.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8').split('\n');
        docs.push({ title, text: rest.join('\n'), published: null, language: null });
      }
    }
  };
  walk(resolve(root, 'demo/corpus/articles'));
  assert.ok(docs.length >= 10, `demo corpus files read: ${docs.length}`);
  compare(docs);
});

test('features equal the frozen reference on edge-case texts (scripts, dates, numbers, walls)', () => {
  const texts = [
    'Le 3 mars 2031, à Paris. Mardi dernier, ÉLYSÉE et Matignon ont parlé; le 14 juillet aussi.',
    'Встреча 5 марта 2031 года в Москве: Путин и Зеленский. Вчера, в среду, 12 000 человек.',
    'Ο Πρωθυπουργός ΜΗΤΣΟΤΑΚΗΣ είπε ότι τα ΜΜΕ… ΣΟΦΟΣ Σίσυφος.',
    '東京で3月5日に会議が開かれた。日本政府は発表した。',
    'وقال الرئيس والمسؤولون في الحكومة بالعاصمة إن الاجتماع سيعقد في 5 مارس.',
    'Math 𝐀𝐁𝐂 letters and emoji 😀 beside March 5th, 2031 and 𝒳-ray.',
    'Talks on March 5th 2031, then on 6th March, on the 7th of March, and May 2.5 or May 3:30 or April 1, 31.',
    'ﬁnance ﬂows: Ⅻ points, ½ share, １２ ３４５ full-width, Ｍａｒｃｈ ５ meeting, İstanbul and ıspanak.',
    'Cookies help us deliver our services. By using our services you agree. Accept all. Privacy settings.',
    "O'Brien's and D’Angelo’s firms--and the U.S.-led bloc's 1,234,567 or 1.234 or 12 345 678 or 3,5 people.",
    'Deadline ßmarch 4, 2031 or x_may 5, 2031 or 7june 6, 2031, ømay 7, Ωapril 8, 2031, _june 9 and ŋjuly 10 then.',
    'ﬁﬁﬁﬁﬁﬁ ﬁﬁ Xavier Ｑuinn said. ﬁﬁ: Yusuf, ﬁ\tZoë and 𝐀𝐁𝐂 ANDREWS-SMITH’s Dee’s O’Hara-’s McDonald iPhone NATO UNESCO.',
    'on 5thмарта 2031 and 2031-02-30 and 31/12/2031 and 1.2.31 and 12/31/2031 and 2031-12-31T10:00',
    '',
    '   \n\n  ',
  ];
  const docs: Doc[] = [];
  for (const [i, t] of texts.entries()) {
    docs.push({ title: texts[(i + 1) % texts.length]?.slice(0, 60) ?? '', text: t, published: null, language: i % 2 ? 'fr' : null });
    docs.push({ title: 'Meeting held in the capital on Tuesday', text: t, published: '2031-03-07', language: 'en' });
  }
  compare(docs);
  for (const w of ['Zelenskyy', 'Зеленский', 'Ørsted', 'ΣΟΦΟΣ', '2031', "O'Neill", 'Æthelred']) assert.equal(nameKey(w), oldNameKey(w));
});

test('features equal the frozen reference on real news texts', (t) => {
  const shared = sharedDir(root);
  if (!existsSync(resolve(shared, 'bench/similarity'))) {
    t.skip(`similarity data not found under ${shared}`);
    return;
  }
  const docs: Doc[] = [];
  for (const { text, lang } of similarityTexts(readSimilarity(shared))) {
    const { title, body } = splitTitle(text);
    docs.push({ title, text: body, published: null, language: lang });
  }
  const extraction = resolve(shared, 'bench/extraction/ground-truth.json');
  if (existsSync(extraction)) {
    for (const page of Object.values(JSON.parse(readFileSync(extraction, 'utf8')) as Record<string, { articleBody: string }>)) {
      const [title = '', ...rest] = page.articleBody.split('\n');
      docs.push({ title, text: rest.join('\n'), published: null, language: null });
    }
  }
  const seeds = resolve(shared, 'corpus/seeds');
  if (existsSync(seeds)) {
    for (const name of readdirSync(seeds).filter((n) => n.endsWith('.txt'))) {
      const [title = '', ...rest] = readFileSync(resolve(seeds, name), 'utf8').split('\n');
      docs.push({ title, text: rest.join('\n'), published: null, language: null });
    }
  }
  const attribution = resolve(shared, 'bench/attribution/text');
  if (existsSync(attribution)) {
    for (const name of readdirSync(attribution).sort().slice(0, 200)) {
      const [title = '', ...rest] = readFileSync(resolve(attribution, name), 'utf8').split('\n');
      docs.push({ title, text: rest.join('\n'), published: null, language: 'en' });
    }
  }
  const compared = compare(docs);
  assert.ok(compared >= 2 * docs.length && docs.length > 1000, `compared ${compared} feature sets of ${docs.length} texts`);
});

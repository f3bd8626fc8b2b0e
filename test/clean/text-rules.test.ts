import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clean } from '../../src/clean/index.js';
import { lineFingerprint } from '../../src/clean/internal/fingerprint.js';
import { PROSE, textInput } from './helpers.js';

/**
 * One boilerplate line placed inside a body of real prose; the line must be cut with the given
 * rule and every prose paragraph must survive. Written for these tests (no seed text).
 */
interface Case {
  readonly name: string;
  readonly lang: keyof typeof PROSE;
  readonly line: string;
  /** Where the line goes: index among the prose paragraphs (0 = first, -1 = last). */
  readonly at: number;
  readonly rule: string;
}

const CASES: Case[] = [
  { name: 'glued promo tag + listen line', lang: 'en', line: 'NEWYou can now listen to Example Daily articles!', at: 0, rule: 'promo-line' },
  { name: 'ALL-CAPS download call', lang: 'en', line: 'CLICK HERE TO GET THE EXAMPLE NEWS APP', at: 2, rule: 'promo-line' },
  { name: 'follow-us line at the end', lang: 'en', line: 'Follow us on:', at: -1, rule: 'promo-line' },
  { name: 'French subscribe line', lang: 'en', line: 'Abonnez-vous à notre newsletter !', at: -1, rule: 'promo-line' },
  { name: 'Russian subscribe line', lang: 'ru', line: 'Подписывайтесь на наш канал в Telegram!', at: -1, rule: 'promo-line' },
  { name: 'English ALL-CAPS teaser headline', lang: 'en', line: 'MAYOR SAYS NEW TRAM LINE WILL OPEN AHEAD OF SCHEDULE', at: 2, rule: 'teaser-headline' },
  { name: 'Russian ALL-CAPS teaser headline', lang: 'ru', line: 'МЭР ЗАЯВИЛ, ЧТО НОВАЯ ЛИНИЯ ТРАМВАЯ ОТКРОЕТСЯ РАНЬШЕ СРОКА', at: 2, rule: 'teaser-headline' },
  {
    name: 'caption with agency credit',
    lang: 'en',
    line: 'A night bus waits at the depot on Monday. (Jane Roe/Example Agency via Getty Images)',
    at: 1,
    rule: 'caption',
  },
  { name: 'caption with Image: credit', lang: 'en', line: 'Drivers gathered outside the depot (Image: EXAMPLE )', at: 1, rule: 'caption' },
  { name: 'Spanish caption with Foto: credit', lang: 'en', line: 'Un autobús nocturno en la cochera (Foto: Agencia Ejemplo)', at: 1, rule: 'caption' },
  {
    name: 'related link with glued timestamp and view counter',
    lang: 'en',
    line: 'Council approves the tram budget12.03.26, 14:05 • [views_1830]',
    at: 2,
    rule: 'related-link',
  },
  { name: 'Ukrainian "read also" line', lang: 'ru', line: 'Читайте також: Мер пообіцяв нові маршрути', at: -1, rule: 'related-link' },
  { name: 'English "Read also" line at the end', lang: 'en', line: 'Read also: Tram line to open in May', at: -1, rule: 'related-link' },
  { name: 'Arabic "read also" line', lang: 'ar', line: 'اقرأ أيضا: افتتاح خط الترام في مايو', at: -1, rule: 'related-link' },
  { name: 'byline name at the end', lang: 'en', line: 'Marta Kowalczyk', at: -1, rule: 'byline' },
  { name: 'image label repeating the next sentence', lang: 'en', line: 'City Council', at: 0, rule: 'image-label' },
  { name: 'stray fragment', lang: 'zh', line: '• d', at: 0, rule: 'fragment' },
];

function bodyWith(c: Case): string {
  const ps: string[] = [...PROSE[c.lang]];
  if (c.at === -1) ps.push(c.line);
  else ps.splice(c.at, 0, c.line);
  return ps.join('\n');
}

describe('text-level boilerplate rules', () => {
  for (const c of CASES) {
    it(`${c.lang}: ${c.name}`, () => {
      const out = clean(textInput('Night buses reach the northern districts', bodyWith(c)));
      const cut = out.removed.find((r) => r.text === c.line || r.text.includes(c.line.slice(0, 20)));
      assert.ok(cut, `line removed: ${JSON.stringify(out.removed)}`);
      assert.equal(cut.rule, c.rule);
      for (const p of PROSE[c.lang]) assert.ok(out.text.includes(p), `kept: ${p.slice(0, 40)}`);
      assert.ok(!out.paragraphs.includes(c.line));
    });
  }
  for (const [line, name] of [
    ['By Ana Lima · Example Post · 4 March 2026', 'Ana Lima'],
    ['Von Greta Brandt | 04.03.2026, 06:45 Uhr', 'Greta Brandt'],
    ['Автор: Иван Петров · 4 марта 2026, 10:15', 'Иван Петров'],
    ['Example Post · World desk · 4 March 2026', null],
  ] as const) {
    it(`a dateline at the top gives its author: ${line}`, () => {
      const out = clean(textInput('Night buses', [line, ...PROSE.en].join('\n')));
      assert.equal(out.removed[0]?.rule, 'dateline');
      assert.equal(out.byline, name);
    });
  }
  it('the byline moves to metadata', () => {
    const out = clean(textInput('Night buses', [...PROSE.en, 'Marta Kowalczyk'].join('\n')));
    assert.equal(out.byline, 'Marta Kowalczyk');
    assert.equal(out.fieldSources.byline, 'text-byline');
  });
});

describe('prose in other languages and scripts is left alone', () => {
  for (const lang of ['en', 'ru', 'zh', 'ar'] as const) {
    it(lang, () => {
      const out = clean(textInput('Title line of the article', PROSE[lang].join('\n\n')));
      assert.deepEqual(out.paragraphs, [...PROSE[lang]]);
      assert.deepEqual(out.removed, []);
    });
  }
});

describe('repetition, repairs and normalisation', () => {
  it('a block repeated inside one article is removed once, with its reason', () => {
    const out = clean(textInput('T', [...PROSE.en, ...PROSE.en.slice(1, 3)].join('\n')));
    assert.deepEqual(out.paragraphs, [...PROSE.en]);
    assert.equal(out.removed.filter((r) => r.rule === 'repeated-block').length, 2);
  });
  it('a near-repeat (one word changed) is removed', () => {
    const changed = (PROSE.en[0] as string).replace('Tuesday', 'Monday');
    const out = clean(textInput('T', [...PROSE.en, changed].join('\n')));
    assert.equal(out.paragraphs.length, PROSE.en.length);
    assert.match(out.removed[0]?.reason ?? '', /restates/);
  });
  it('a sentence broken by a hard line break is re-joined', () => {
    const out = clean(textInput('T', `${PROSE.en[0]}\nThe mayor told reporters at the station that\nthe plan was only a first step.\n${PROSE.en[1]}`));
    assert.ok(out.paragraphs.includes('The mayor told reporters at the station that the plan was only a first step.'), JSON.stringify(out.paragraphs));
  });
  it('a short heading line is not joined to the next paragraph', () => {
    const out = clean(textInput('T', `${PROSE.en[0]}\n\nWhat happens next\n${PROSE.en[1]}`));
    assert.ok(out.paragraphs.includes(PROSE.en[1] as string));
  });
  it('tokens glued by a lost space are split when both halves are words of the article', () => {
    const out = clean(textInput('T', `The envoy met Putin and Trump on Monday. Later TrumpPutin talks were held, said the ministry.\n${PROSE.en[0]}`));
    assert.ok(out.text.includes('Trump Putin talks'), out.text);
  });
  it('brand-like camel case is not split', () => {
    const out = clean(textInput('T', `Users of YouTube and the iPhone reported problems on Monday across the region.\n${PROSE.en[0]}`));
    assert.ok(out.text.includes('YouTube') && out.text.includes('iPhone'));
  });
  it('mojibake (UTF-8 read as Windows-1252) is repaired', () => {
    const garbled = Buffer.from('The mayor’s plan costs €2 million — “a first step”, said José.', 'utf8').toString('latin1');
    // latin1 decoding leaves C1 controls where Windows-1252 has printable characters; map them as a browser would.
    const w1252 = garbled
      .replace(/\u0080/g, '€')
      .replace(/\u0099/g, '™')
      .replace(/\u009c/g, 'œ')
      .replace(/\u009d/g, '\u009d')
      .replace(/\u0094/g, '”')
      .replace(/\u0093/g, '“')
      .replace(/\u0098/g, '˜');
    const out = clean(textInput('T', `${w1252}\n${PROSE.en[0]}`));
    assert.ok(out.text.includes('The mayor’s plan costs €2 million — “a first step”, said José.'), out.text.slice(0, 120));
  });
  it('text is NFC-normalised and whitespace collapsed', () => {
    const decomposed = 'Cafe\u0301 owners  in\u00a0Zürich said the   night buses helped their late-evening trade a great deal.';
    const out = clean(textInput('T', `${decomposed}\n${PROSE.en[0]}`));
    assert.ok(out.paragraphs[0]?.startsWith('Café owners in Zürich said the night buses'), out.paragraphs[0]);
  });
  it('asciiQuotes option straightens quotes', () => {
    const out = clean(textInput('T', `“It works,” she said, ‘really’ — and the buses kept running all night long.\n${PROSE.en[0]}`), { asciiQuotes: true });
    assert.ok(out.paragraphs[0]?.startsWith('"It works," she said, \'really\''), out.paragraphs[0]);
  });
  it('knownBoilerplate fingerprints remove an outlet line in any casing or number', () => {
    const known = new Set([lineFingerprint('Download the Example app — 2 million readers')]);
    const out = clean(textInput('T', `${PROSE.en[0]}\nDOWNLOAD the Example app – 3 million readers\n${PROSE.en[1]}`), { knownBoilerplate: known });
    assert.equal(out.removed[0]?.rule, 'outlet-boilerplate');
  });
});

describe('title fallbacks for text inputs', () => {
  it('a junk first line is replaced by a headline-shaped body line', () => {
    const out = clean(textInput('• en', ['ON NOW', 'Night Buses Reach The Northern Districts', ...PROSE.en].join('\n')));
    assert.equal(out.title, 'Night Buses Reach The Northern Districts');
    assert.ok(out.fallbacks.some((f) => f.startsWith('title:')));
    assert.ok(!out.paragraphs.includes('Night Buses Reach The Northern Districts'));
  });
  it('a paragraph-length first line goes back into the body', () => {
    const lead = `${PROSE.en[0]} ${PROSE.en[1]}`;
    const out = clean(textInput(lead, PROSE.en.slice(2).join('\n')));
    assert.equal(out.paragraphs[0], lead);
    assert.ok(out.title.length <= 121 && lead.startsWith(out.title.replace(/…$/, '')), out.title);
    assert.ok(out.fallbacks.some((f) => f.includes('paragraph')));
  });
});

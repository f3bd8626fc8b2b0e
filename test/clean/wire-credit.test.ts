import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clean } from '../../src/clean/index.js';
import { wireCredit } from '../../src/clean/internal/wire-credit.js';

const CASES: [string, string[], string | null][] = [
  ['place, region, date, agency', ['CALDER, Veloria, Feb 16 (Meridian Wire) — Rail workers walked out.'], 'Meridian Wire'],
  ['place and agency, hyphen', ['MOSCOW (Reuters) - The Kremlin said on Tuesday that talks would go on.'], 'Reuters'],
  ['two-word place, en dash', ['PORT ASHBY, March 11 (Harbour Press) – A fire broke out.'], 'Harbour Press'],
  ['dotted place', ['U.S. (AP) — Lawmakers voted late on Friday.'], 'AP'],
  ['after a title line', ['A headline about a strike', 'GENEVA, June 3 (Lakeside News Agency) — Talks resumed.'], 'Lakeside News Agency'],
  ['accented capitals', ['ZÜRICH, 4 May (Alpen Wire) — Prices rose.'], 'Alpen Wire'],
  ['acronym expansion is not a credit', ['NATO (North Atlantic Treaty Organization) — the alliance met.'], null],
  ['title-case opening is not a dateline', ['The ministry (in a statement) — said nothing.'], null],
  ['no dash after the parentheses', ['PARIS (AFP) The minister resigned.'], null],
  ['digits in the parentheses', ['LONDON (Update 2) — Shares fell.'], null],
  ['too deep in the article', ['One.', 'Two.', 'Three.', 'OSLO (Nordic Wire) — Late paragraph.'], null],
  ['a plain sentence', ['Rail workers in Calder walked off the job on Monday.'], null],
];

for (const [name, paragraphs, want] of CASES) {
  test(`wire credit: ${name}`, () => {
    assert.equal(wireCredit(paragraphs)?.value ?? null, want);
  });
}

const body = 'Rail workers walked off the job on Monday, halting almost all trains after pay talks broke down over the weekend in the city.';

/** A plain-text wire story cleaned with the given input metadata. */
function cleanWire(meta: Record<string, string>, location = 'x.txt') {
  return clean({
    source: { location, record: 0 },
    format: 'text',
    body: `Strike halts trains\n\nCALDER, Feb 16 (Meridian Wire) — ${body}\n\n${body}`,
    raw: '',
    meta,
  });
}

test('a plain-text article with no outlet is credited to its dateline agency, recorded as such', () => {
  const c = cleanWire({});
  assert.equal(c.siteName, 'Meridian Wire');
  assert.equal(c.fieldSources.siteName, 'dateline-credit');
});

test('the input outlet wins over a dateline credit (a syndicated copy keeps its publisher)', () => {
  const c = cleanWire({ outlet: 'Bluewater Gazette' });
  assert.equal(c.siteName, 'Bluewater Gazette');
  assert.equal(c.fieldSources.siteName, 'input');
});

test('a page with a URL keeps the host as its publisher: no dateline credit', () => {
  const c = cleanWire({ url: 'https://news.example.org/a' }, 'https://news.example.org/a');
  assert.equal(c.siteName, null);
});

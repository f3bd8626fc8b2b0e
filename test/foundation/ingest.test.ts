import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ingestPaths } from '../../src/pipeline.js';
import { listArticles, removedBlocks, searchArticles } from '../../src/store/articles.js';
import { openDatabase } from '../../src/store/db.js';
import { tempDir } from '../helpers/tmp.js';

const body = (topic: string) =>
  `The council of ${topic} voted on Monday to approve the new harbour budget after a long debate.\n` +
  `Officials said the plan would cost 40 million crowns over three years and create 200 jobs.\n` +
  `"This is a good day for ${topic}," the mayor told reporters outside the hall.`;

function write(dir: string, name: string, data: string | Buffer): string {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, data);
  return p;
}

describe('ingest: formats', () => {
  const dir = tempDir();
  write(dir, 'a.txt', `Harbour budget approved in Alden\n\n${body('Alden')}`);
  write(dir, 'b.md', `---\noutlet: Test Courier\npublished: 2026-03-02T10:00:00Z\n---\n# Budget vote in Brask\n\n${body('Brask')}`);
  write(
    dir,
    'c.html',
    `<!doctype html><html lang="en"><head><title>Cress budget</title><meta property="og:site_name" content="Cress Daily"><meta property="article:published_time" content="2026-03-03T08:00:00Z"><link rel="canonical" href="https://www.cress.example/news/budget?utm_source=x"></head><body><nav>Home | News | Sport</nav><article><h1>Budget passes in Cress</h1>${body(
      'Cress',
    )
      .split('\n')
      .map((p) => `<p>${p}</p>`)
      .join('')}</article><footer>© Cress Daily</footer></body></html>`,
  );
  write(dir, 'd.json', JSON.stringify({ headline: 'Dunmore budget', source: 'Wire', datePublished: '2026-03-04', body: body('Dunmore') }));
  write(
    dir,
    'e.json',
    JSON.stringify([
      { title: 'Elm one', text: body('Elm') },
      { title: 'Elm two', text: body('Elmsworth') },
    ]),
  );
  write(
    dir,
    'sub/f.jsonl',
    [JSON.stringify({ title: 'Fen', text: body('Fen') }), '{"title": "broken", "text": ', JSON.stringify({ title: 'Fold', text: body('Fold') })].join('\n'),
  );
  write(dir, 'sub/deeper/g.txt.gz', gzipSync(Buffer.from(`Gale budget\n${body('Gale')}`)));
  write(dir, 'notes.csv', 'a,b\n1,2');
  const db = openDatabase(join(tempDir(), 'db.sqlite'));
  const summary = ingestPaths(db, [dir]);

  test('every good record goes in; the malformed JSONL line is reported with its line number', () => {
    assert.equal(summary.ingested, 9, JSON.stringify(summary.entries, null, 1));
    const bad = summary.entries.filter((e) => e.status === 'skipped');
    assert.equal(bad.length, 2, 'the broken JSONL line and the CSV file are skipped');
    assert.ok(bad.some((e) => /f\.jsonl line 2: malformed JSON/.test(e.reason ?? '')));
    assert.ok(bad.some((e) => /notes\.csv.*unsupported file type/.test(`${e.location} ${e.reason}`)));
  });

  test('metadata comes from the input: first line, front matter, HTML meta, JSON fields', () => {
    const byTitle = new Map(listArticles(db).map((a) => [a.title, a]));
    assert.ok(byTitle.has('Harbour budget approved in Alden'));
    const b = byTitle.get('Budget vote in Brask');
    assert.equal(b?.outlet, 'Test Courier');
    assert.equal(b?.published, '2026-03-02T10:00:00Z');
    const c = [...byTitle.values()].find((a) => a.text.includes('Cress'));
    assert.equal(c?.outlet, 'Cress Daily');
    assert.equal(c?.canonicalUrl, 'https://cress.example/news/budget');
    assert.equal(c?.language, 'en');
    const d = byTitle.get('Dunmore budget');
    assert.equal(d?.outlet, 'Wire');
    assert.equal(d?.published, '2026-03-04');
    assert.ok(byTitle.has('Gale budget'), 'gzip text is read');
  });

  test('raw input, source path and removed blocks are kept', () => {
    const c = listArticles(db).find((a) => a.text.includes('Cress'));
    assert.ok(c?.path?.endsWith('c.html'));
    const raw = db.prepare('SELECT raw FROM articles WHERE id = ?').get(c?.id) as { raw: string };
    assert.match(raw.raw, /<nav>Home/);
    assert.ok(removedBlocks(db, c?.id ?? '').length > 0, 'page furniture is recorded as removed');
    assert.ok(!c?.text.includes('Home | News'));
  });

  test('idempotent: a second run adds nothing and reports everything present', () => {
    const again = ingestPaths(db, [dir]);
    assert.equal(again.ingested, 0);
    assert.equal(again.present, 9);
    assert.equal(listArticles(db).length, 9);
  });

  test('the same page under a different canonical URL variant is not stored twice', () => {
    const d2 = tempDir();
    write(
      d2,
      'copy.json',
      JSON.stringify({
        title: 'Budget passes in Cress (updated)',
        url: 'https://cress.example/news/budget/#top',
        html: '<html><body><p>different markup of the same page, long enough to count</p></body></html>',
      }),
    );
    const s = ingestPaths(db, [d2]);
    assert.equal(s.present, 1);
  });

  test('full-text search finds articles by words in the body', () => {
    const hits = searchArticles(db, 'Dunmore harbour');
    assert.equal(hits[0]?.title, 'Dunmore budget');
    assert.deepEqual(searchArticles(db, '"; DROP TABLE articles; --'), []);
  });
});

describe('ingest: bad input never stops a batch', () => {
  const dir = tempDir();
  const good = write(dir, 'good.txt', `A good article\n${body('Good')}`);
  const cases: { name: string; data: string | Buffer; reason: RegExp }[] = [
    { name: 'empty.txt', data: '', reason: /empty file/ },
    { name: 'blank.txt', data: '  \n\n \t', reason: /only whitespace/ },
    { name: 'binary.html', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0xff]), reason: /binary/ },
    { name: 'truncated.txt.gz', data: gzipSync(Buffer.from(body('Trunc').repeat(20))).subarray(0, 40), reason: /truncated gzip/ },
    { name: 'corrupt.json.gz', data: Buffer.from('not gzip at all'), reason: /corrupt gzip/ },
    { name: 'bad.json', data: '{"title": "x", ', reason: /malformed JSON/ },
    { name: 'notext.json', data: '{"title": "only a title"}', reason: /no article text/ },
    { name: 'empty-array.json', data: '[]', reason: /empty JSON array/ },
    { name: 'title-only.txt', data: 'Just a title line\n\n', reason: /no body/ },
    { name: 'big.txt', data: `Big\n${'word '.repeat(30_000)}`, reason: /exceeds the 100000-byte limit/ },
    { name: 'image.png', data: Buffer.from([1, 2, 3]), reason: /unsupported file type/ },
  ];
  for (const c of cases) write(dir, c.name, c.data);
  const db = openDatabase(join(tempDir(), 'db.sqlite'));
  const summary = ingestPaths(db, [dir, join(dir, 'missing.txt')], { maxBytes: 100_000 });

  test('the good file goes in', () => {
    assert.equal(summary.ingested, 1);
    assert.equal(listArticles(db)[0]?.path, good);
  });
  for (const c of cases) {
    test(`${c.name} is skipped with a specific reason`, () => {
      const e = summary.entries.find((x) => x.location.endsWith(c.name));
      assert.equal(e?.status, 'skipped');
      assert.match(e?.reason ?? '', c.reason);
    });
  }
  test('a missing path is reported, not thrown', () => {
    const e = summary.entries.find((x) => x.location.endsWith('missing.txt'));
    assert.match(e?.reason ?? '', /ENOENT/);
  });
  test('every skip is in the persistent ingest log', () => {
    const n = (db.prepare("SELECT COUNT(*) AS n FROM ingest_log WHERE run_id = ? AND status = 'skipped'").get(summary.runId) as { n: number }).n;
    assert.equal(n, summary.skipped);
  });
});

describe('ingest: legacy encodings', () => {
  const dir = tempDir();
  const latin =
    'Café politique à Genève\nLe ministre a présenté un budget prévoyant des dépenses élevées pour les écoles et les hôpitaux de la région.\n' +
    'Les élus de l’opposition ont critiqué un texte jugé trop généreux envers les communes les plus riches du canton.';
  const cyr =
    'Переговоры в столице\nМинистр иностранных дел заявил, что переговоры продолжатся на следующей неделе в столице.\n' +
    'По его словам, стороны обсудили вопросы торговли, транспорта и энергетики, но к соглашению пока не пришли.';
  write(dir, 'fr.txt', Buffer.from(latin, 'latin1'));
  const cp1251 = Buffer.from(
    [...cyr].map((ch) => {
      const c = ch.charCodeAt(0);
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      if (c === 0x401) return 0xa8;
      if (c === 0x451) return 0xb8;
      return c;
    }),
  );
  write(dir, 'ru.txt', cp1251);
  write(dir, 'utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(latin, 'utf16le')]));
  const db = openDatabase(':memory:');
  ingestPaths(db, [dir]);
  const titles = listArticles(db).map((a) => a.title);

  test('windows-1252 text is decoded', () => assert.ok(titles.includes('Café politique à Genève'), titles.join(' | ')));
  test('windows-1251 Cyrillic text is decoded', () => assert.ok(titles.includes('Переговоры в столице'), titles.join(' | ')));
  test('UTF-16 with a BOM is decoded', () => {
    const n = listArticles(db).filter((a) => a.title === 'Café politique à Genève').length;
    assert.equal(n, 1, 'same content from UTF-16 and Latin-1 files is one article');
  });
});

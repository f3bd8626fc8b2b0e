import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, describe, test } from 'node:test';
import { createServer } from '../../src/api/index.js';
import { openDatabase } from '../../src/store/db.js';
import { fixtureServer, json, TOKEN } from './fixtures.js';

const { app } = fixtureServer();
after(() => app.close());
const auth = { authorization: `Bearer ${TOKEN}` };

type Summary = { ingested: number; present: number; skipped: number; entries: { status: string; articleId: string | null; reason: string | null }[] };

const quay = {
  title: 'Crane collapse halts work at Marrow quay',
  outlet: 'Harbour Bulletin',
  published: '2026-06-01T10:00:00Z',
  text: 'A container crane collapsed at Marrow quay on Monday, halting work at the terminal.\n\nNo one was hurt, the port authority said, and an inspection of the other cranes began at once.',
};

describe('POST /api/articles', () => {
  test('a JSON article is stored (201), then found present (200), and readable', async () => {
    const first = await app.inject({ method: 'POST', url: '/api/articles', payload: quay, headers: auth });
    assert.equal(first.statusCode, 201, first.body);
    const s = json<Summary>(first.body);
    assert.equal(s.ingested, 1);
    const id = s.entries[0]?.articleId;
    assert.ok(id);
    const again = await app.inject({ method: 'POST', url: '/api/articles', payload: quay, headers: auth });
    assert.equal(again.statusCode, 200);
    assert.equal(json<Summary>(again.body).present, 1);
    const a = json<{ title: string; outlet: string; storyId: string | null }>((await app.inject({ url: `/api/articles/${id}` })).body);
    assert.equal(a.title, quay.title);
    assert.equal(a.outlet, quay.outlet);
    assert.ok(a.storyId, 'the article was clustered into a storyline');
  });

  test('a JSON array stores each article and reports each outcome', async () => {
    const batch = [
      { ...quay, title: 'Second crane inspected at Marrow quay', text: `${quay.text}\n\nA second crane was inspected on Tuesday.` },
      { title: 'Empty', text: '   ' },
    ];
    const r = await app.inject({ method: 'POST', url: '/api/articles', payload: batch, headers: auth });
    assert.equal(r.statusCode, 201, r.body);
    const s = json<Summary>(r.body);
    assert.equal(s.entries.length, 2);
    assert.equal(s.ingested, 1);
    assert.equal(s.skipped, 1);
    assert.ok(s.entries[1]?.reason);
  });

  test('an HTML page is cleaned and stored with the url and outlet given in the query', async () => {
    const html = `<!doctype html><html><head><title>Ferry timetable cut for winter</title></head><body>
      <nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <article><h1>Ferry timetable cut for winter</h1>
      <p>The island ferry will run four times a day instead of six from November, the operator announced on Friday.</p>
      <p>Residents said the cut would make commuting to the mainland harder during the dark months of the year.</p>
      </article><footer>© Island Times</footer></body></html>`;
    const r = await app.inject({
      method: 'POST',
      url: '/api/articles?url=https://island.example/ferry&outlet=Island%20Times',
      payload: html,
      headers: { ...auth, 'content-type': 'text/html; charset=utf-8' },
    });
    assert.equal(r.statusCode, 201, r.body);
    const id = json<Summary>(r.body).entries[0]?.articleId;
    const a = json<{ url: string; outlet: string; text: string }>((await app.inject({ url: `/api/articles/${id}` })).body);
    assert.equal(a.url, 'https://island.example/ferry');
    assert.equal(a.outlet, 'Island Times');
    assert.match(a.text, /four times a day/);
    assert.doesNotMatch(a.text, /<p>|<article>/);
  });
});

describe('tokens stay out of logs', () => {
  test('a logged write request never contains the token', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const db = openDatabase(':memory:');
    const logged = createServer({ db, token: TOKEN, uiDir: null, pollMs: 0, logger: { level: 'trace', stream } });
    await logged.inject({ method: 'POST', url: '/api/articles', payload: quay, headers: auth });
    await logged.inject({ method: 'POST', url: '/api/articles', payload: quay, headers: { authorization: `Bearer ${TOKEN}x` } });
    await logged.close();
    assert.ok(lines.length > 0, 'the logger wrote something');
    assert.ok(!lines.join('').includes(TOKEN));
  });
});

import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import { createServer } from '../../src/api/index.js';
import { SECURITY_HEADERS } from '../../src/api/internal/headers.js';
import { MAX_ARTICLES_PER_POST } from '../../src/api/routes/ingest.js';
import { openDatabase } from '../../src/store/db.js';
import { fixtureServer, json, TOKEN } from './fixtures.js';

/** Small body limit so the size check is cheap to trigger. */
const TEST_BODY_LIMIT = 4096;
const { app } = fixtureServer({ bodyLimit: TEST_BODY_LIMIT });
const readOnly = fixtureServer({ token: undefined });
after(async () => {
  await app.close();
  await readOnly.app.close();
});

const auth = { authorization: `Bearer ${TOKEN}` };
const article = { title: 'A title', text: 'Some text of an article that is long enough to be kept by the cleaner, about harbour cranes.' };

type Case = { name: string; req: InjectOptions; status: number; code: string; server?: typeof app };

const cases: Case[] = [
  { name: 'unknown route', req: { url: '/api/nothing-here' }, status: 404, code: 'not-found' },
  { name: 'unknown method on a route', req: { method: 'DELETE', url: '/api/articles' }, status: 404, code: 'not-found' },
  { name: 'article not found', req: { url: '/api/articles/a0000000000000000' }, status: 404, code: 'not-found' },
  { name: 'storyline not found', req: { url: '/api/storylines/st_missing' }, status: 404, code: 'not-found' },
  { name: 'storyline section of a missing storyline', req: { url: '/api/storylines/st_missing/coverage' }, status: 404, code: 'not-found' },
  { name: 'event not found', req: { url: '/api/events/ev_missing' }, status: 404, code: 'not-found' },
  { name: 'id with forbidden characters', req: { url: '/api/articles/..%2f..%2fetc' }, status: 400, code: 'invalid-request' },
  { name: 'id too long', req: { url: `/api/articles/${'a'.repeat(65)}` }, status: 400, code: 'invalid-request' },
  { name: 'unknown query parameter', req: { url: '/api/storylines?sort=x' }, status: 400, code: 'invalid-request' },
  { name: 'limit above the maximum', req: { url: '/api/articles?limit=101' }, status: 400, code: 'invalid-request' },
  { name: 'limit zero', req: { url: '/api/articles?limit=0' }, status: 400, code: 'invalid-request' },
  { name: 'limit not a number', req: { url: '/api/articles?limit=ten' }, status: 400, code: 'invalid-request' },
  { name: 'negative offset', req: { url: '/api/articles?offset=-1' }, status: 400, code: 'invalid-request' },
  { name: 'bad order', req: { url: '/api/storylines?order=random' }, status: 400, code: 'invalid-request' },
  { name: 'bad duplicate kind', req: { url: '/api/duplicates?kind=similar' }, status: 400, code: 'invalid-request' },
  { name: 'search without q', req: { url: '/api/search' }, status: 400, code: 'invalid-request' },
  { name: 'search with empty q', req: { url: '/api/search?q=' }, status: 400, code: 'invalid-request' },
  { name: 'search q too long', req: { url: `/api/search?q=${'x'.repeat(501)}` }, status: 400, code: 'invalid-request' },
  {
    name: 'write on a read-only server',
    req: { method: 'POST', url: '/api/articles', payload: article },
    status: 403,
    code: 'read-only',
    server: readOnly.app,
  },
  { name: 'write without a token', req: { method: 'POST', url: '/api/articles', payload: article }, status: 401, code: 'unauthorized' },
  {
    name: 'write with a wrong token',
    req: { method: 'POST', url: '/api/articles', payload: article, headers: { authorization: 'Bearer nope' } },
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'write with a non-bearer scheme',
    req: { method: 'POST', url: '/api/articles', payload: article, headers: { authorization: `Basic ${TOKEN}` } },
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'malformed JSON',
    req: { method: 'POST', url: '/api/articles', payload: '{"title": ', headers: { ...auth, 'content-type': 'application/json' } },
    status: 400,
    code: 'malformed-json',
  },
  {
    name: 'empty JSON body',
    req: { method: 'POST', url: '/api/articles', payload: '', headers: { ...auth, 'content-type': 'application/json' } },
    status: 400,
    code: 'empty-body',
  },
  {
    name: 'unsupported media type',
    req: { method: 'POST', url: '/api/articles', payload: 'a,b', headers: { ...auth, 'content-type': 'text/csv' } },
    status: 415,
    code: 'unsupported-media-type',
  },
  {
    name: 'body over the limit',
    req: { method: 'POST', url: '/api/articles', payload: { ...article, text: 'x'.repeat(TEST_BODY_LIMIT) }, headers: auth },
    status: 413,
    code: 'body-too-large',
  },
  {
    name: 'article without text or html',
    req: { method: 'POST', url: '/api/articles', payload: { title: 'only a title' }, headers: auth },
    status: 400,
    code: 'invalid-request',
  },
  {
    name: 'article with an unknown field',
    req: { method: 'POST', url: '/api/articles', payload: { ...article, score: 3 }, headers: auth },
    status: 400,
    code: 'invalid-request',
  },
  {
    name: 'article with a javascript: url',
    req: { method: 'POST', url: '/api/articles', payload: { ...article, url: 'javascript:alert(1)' }, headers: auth },
    status: 400,
    code: 'invalid-request',
  },
  { name: 'empty array', req: { method: 'POST', url: '/api/articles', payload: [], headers: auth }, status: 400, code: 'invalid-request' },
  {
    name: 'too many articles in one post',
    req: { method: 'POST', url: '/api/articles', payload: Array.from({ length: MAX_ARTICLES_PER_POST + 1 }, () => ({ text: 'x' })), headers: auth },
    status: 400,
    code: 'invalid-request',
  },
  {
    name: 'a JSON scalar body',
    req: { method: 'POST', url: '/api/articles', payload: '42', headers: { ...auth, 'content-type': 'application/json' } },
    status: 400,
    code: 'invalid-request',
  },
  {
    name: 'empty HTML body',
    req: { method: 'POST', url: '/api/articles', payload: '', headers: { ...auth, 'content-type': 'text/html' } },
    status: 400,
    code: 'invalid-request',
  },
  {
    name: 'HTML page with no article in it',
    req: {
      method: 'POST',
      url: '/api/articles',
      payload: '<html><body><nav><a href="/">Home</a></nav></body></html>',
      headers: { ...auth, 'content-type': 'text/html' },
    },
    status: 422,
    code: 'no-article',
  },
  {
    name: 'HTML with a bad url parameter',
    req: { method: 'POST', url: '/api/articles?url=ftp://x', payload: '<p>x</p>', headers: { ...auth, 'content-type': 'text/html' } },
    status: 400,
    code: 'invalid-request',
  },
];

describe('every error path answers with a status, a code and the security headers', () => {
  for (const c of cases) {
    test(c.name, async () => {
      const r = await (c.server ?? app).inject(c.req);
      assert.equal(r.statusCode, c.status, r.body);
      const body = json<{ error: { code: string; message: string } }>(r.body);
      assert.equal(body.error.code, c.code);
      assert.ok(body.error.message.length > 0);
      assert.match(String(r.headers['content-type']), /^application\/json/);
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) assert.equal(r.headers[k], v, k);
      assert.ok(!r.body.includes(TOKEN), 'the token is never echoed');
    });
  }

  test('validation errors say where the problem is', async () => {
    const r = await app.inject({ url: '/api/articles?limit=500' });
    const body = json<{ error: { details: { in: string; path: string }[] } }>(r.body);
    assert.equal(body.error.details[0]?.in, 'querystring');
    assert.equal(body.error.details[0]?.path, '/limit');
  });

  test('an internal failure is a 500 "internal" without internals in the body', async () => {
    const db = openDatabase(':memory:');
    const broken = createServer({ db, uiDir: null, pollMs: 0 });
    db.exec('DROP TABLE duplicates');
    const r = await broken.inject({ url: '/api/duplicates' });
    assert.equal(r.statusCode, 500);
    assert.deepEqual(json(r.body), { error: { code: 'internal', message: 'internal server error' } });
    await broken.close();
  });
});

import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { fixtureServer, json } from './fixtures.js';

const { app } = fixtureServer();
after(() => app.close());

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { parameters: { name: string; in: string }[]; responses: Record<string, unknown>; security?: unknown }>>;
};

test('/openapi.json documents every API route with its parameters and error responses', async () => {
  const r = await app.inject({ url: '/openapi.json' });
  assert.equal(r.statusCode, 200);
  const doc = json<Doc>(r.body);
  assert.match(doc.openapi, /^3\./);
  const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
  for (const op of documented) {
    const [method = '', path = ''] = op.split(' ');
    assert.ok(app.hasRoute({ method: method as 'GET', url: path.replace(/\{(\w+)\}/g, ':$1') }), `documented route exists: ${op}`);
  }
  for (const must of [
    'GET /api/storylines',
    'GET /api/storylines/{id}',
    'GET /api/articles/{id}',
    'POST /api/articles',
    'GET /api/search',
    'GET /api/duplicates',
    'GET /api/events',
    'GET /api/live',
  ]) {
    assert.ok(documented.has(must), must);
  }
  const search = doc.paths['/api/search']?.get;
  assert.ok(search?.parameters.some((p) => p.name === 'q' && p.in === 'query'));
  assert.ok(search?.responses['400']);
  const post = doc.paths['/api/articles']?.post;
  assert.ok(post?.security);
  for (const code of ['401', '403', '413', '415', '422']) assert.ok(post?.responses[code], code);
  assert.ok(doc.paths['/api/articles/{id}']?.get?.responses['404']);
});

test('/api is a readable, script-free HTML reference', async () => {
  const r = await app.inject({ url: '/api' });
  assert.equal(r.statusCode, 200);
  assert.match(String(r.headers['content-type']), /^text\/html/);
  assert.match(r.body, /<code>\/api\/storylines\/\{id\}<\/code>/);
  assert.doesNotMatch(r.body, /<script/i);
  const css = await app.inject({ url: '/api/docs.css' });
  assert.match(String(css.headers['content-type']), /^text\/css/);
});

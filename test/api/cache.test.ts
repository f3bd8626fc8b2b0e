import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ingestInputs } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/db.js';
import { fixtureServer, json, rawInputs } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-cache-'));
const file = join(dir, 'cache.db');
const db = openDatabase(file);
ingestInputs(db, rawInputs().slice(0, 2));
const { app } = fixtureServer({ db });
const other = openDatabase(file);
after(async () => {
  await app.close();
  db.close();
  other.close();
  rmSync(dir, { recursive: true, force: true });
});

const total = async () => {
  const r = await app.inject({ url: '/api/articles' });
  return { cache: r.headers['x-cache'], total: json<{ total: number }>(r.body).total, etag: r.headers.etag };
};

test('repeated reads come from the cache until this or another process writes', async () => {
  const first = await total();
  assert.equal(first.cache, undefined);
  const second = await total();
  assert.equal(second.cache, 'hit');
  assert.equal(second.etag, first.etag);
  assert.equal(second.total, first.total);

  // A write through another connection (as `storyline ingest` would make) invalidates it.
  ingestInputs(other, rawInputs().slice(2, 3));
  const afterOther = await total();
  assert.equal(afterOther.cache, undefined);
  assert.equal(afterOther.total, first.total + 1);
  assert.notEqual(afterOther.etag, first.etag);

  // So does a write through the server's own connection.
  assert.equal((await total()).cache, 'hit');
  ingestInputs(db, rawInputs().slice(3));
  const afterOwn = await total();
  assert.equal(afterOwn.cache, undefined);
  assert.equal(afterOwn.total, first.total + 2);
});

test('a cached response still answers If-None-Match with 304', async () => {
  const a = await app.inject({ url: '/api/storylines' });
  const b = await app.inject({ url: '/api/storylines', headers: { 'if-none-match': String(a.headers.etag) } });
  assert.equal(b.statusCode, 304);
  assert.equal(b.headers['x-cache'], 'hit');
  assert.equal(b.body, '');
});

test('different query strings are different entries; errors are not cached', async () => {
  const p1 = json<{ items: { id: string }[] }>((await app.inject({ url: '/api/articles?limit=1' })).body);
  const p2 = json<{ items: { id: string }[] }>((await app.inject({ url: '/api/articles?limit=1&offset=1' })).body);
  assert.notEqual(p1.items[0]?.id, p2.items[0]?.id);
  await app.inject({ url: '/api/articles/a0000000000000000' });
  const again = await app.inject({ url: '/api/articles/a0000000000000000' });
  assert.equal(again.statusCode, 404);
  assert.equal(again.headers['x-cache'], undefined);
});

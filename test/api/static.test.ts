import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { CONTENT_SECURITY_POLICY } from '../../src/api/index.js';
import { fixtureServer } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-ui-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ui</title><script type="module" src="/assets/app-1.js"></script>');
writeFileSync(join(dir, 'assets', 'app-1.js'), 'console.log(1)');
writeFileSync(join(dir, 'assets', 'style-1.css'), 'body{}');
writeFileSync(join(dir, 'assets', 'notes.exe'), 'MZ');
writeFileSync(join(dir, 'secret.txt'), 'outside assets');

const { app } = fixtureServer({ uiDir: dir });
const bare = fixtureServer({ uiDir: null });
after(async () => {
  await app.close();
  await bare.app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('built UI files', () => {
  const ok = [
    { url: '/', type: /^text\/html/ },
    { url: '/assets/app-1.js', type: /^text\/javascript/ },
    { url: '/assets/style-1.css', type: /^text\/css/ },
  ];
  for (const c of ok) {
    test(`serves ${c.url}`, async () => {
      const r = await app.inject({ url: c.url });
      assert.equal(r.statusCode, 200);
      assert.match(String(r.headers['content-type']), c.type);
      assert.equal(r.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.ok(r.headers.etag);
    });
  }
  test('hashed assets are cached for long, the page is revalidated', async () => {
    assert.match(String((await app.inject({ url: '/assets/app-1.js' })).headers['cache-control']), /immutable/);
    assert.equal((await app.inject({ url: '/' })).headers['cache-control'], 'no-cache');
  });

  const refused = [
    '/assets/../secret.txt',
    '/assets/%2e%2e/secret.txt',
    '/assets/..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    '/assets/notes.exe',
    '/assets/missing.js',
    '/assets/',
    '/assets/%00.js',
    '/assets/..\\secret.txt',
    '/secret.txt',
  ];
  for (const url of refused) {
    test(`refuses ${url}`, async () => {
      const r = await app.inject({ url });
      assert.equal(r.statusCode, 404, r.body);
      assert.doesNotMatch(r.body, /outside assets|MZ/);
    });
  }

  test('without a build, / explains how to build and the API still works', async () => {
    const r = await bare.app.inject({ url: '/' });
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /npm run build/);
    assert.equal((await bare.app.inject({ url: '/api/health' })).statusCode, 200);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../src/api/errors.js';
import { lazyStage } from '../../src/api/internal/lazy-stage.js';

test('a stage that fails to load answers 503 unavailable, names the stage and cause, and is retried next time', async () => {
  let attempts = 0;
  const load = lazyStage('compare', async () => {
    attempts++;
    if (attempts === 1) return import('../../src/api/internal/no-such-module.js' as string);
    return { ready: true };
  });
  await assert.rejects(load(), (err: unknown) => {
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 503);
    assert.equal(err.code, 'unavailable');
    assert.match(err.message, /the compare stage could not be loaded: .*no-such-module/);
    assert.ok(err.cause instanceof Error, 'the import error is kept as the cause');
    return true;
  });
  assert.deepEqual(await load(), { ready: true }, 'the failed load is not cached');
  assert.equal(attempts, 2);
});

test('a stage that loads is loaded once and shared by concurrent callers', async () => {
  let attempts = 0;
  const load = lazyStage('extract', async () => {
    attempts++;
    return { n: attempts };
  });
  const [a, b] = await Promise.all([load(), load()]);
  assert.equal(a, b);
  assert.deepEqual(await load(), { n: 1 });
  assert.equal(attempts, 1);
});

/**
 * Regression gate for the serve benchmark (bench/serve.ts), on a 2,000-article slice of the same
 * synthetic database, in-process through `inject` with the response cache off (the cold path).
 *
 * 2026-11-21, full run (`npm run bench:serve`, 10,000 articles, server in its own process, machine
 * load average ~13 on 2 CPUs): largest storyline page with the cache off, steady 200 req/s: see
 * BENCHMARKS.md. This gate measured the largest page (400 articles, 144 listed) at a median of 8.3 ms
 * in-process under that load, and 36 ms while the e2e test ran beside it. The ceiling leaves room
 * for a loaded CI machine and still catches a tenfold regression.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { fillBenchDb } from '../../bench/serve.js';
import { createServer } from '../../src/api/index.js';
import { MAX_EVENT_ARTICLES } from '../../src/api/internal/story-view.js';
import { openDatabase } from '../../src/store/db.js';

const ARTICLES = 2000;
const REQUESTS = 40;
/** Ceiling for the median cold storyline-page request (ms); see the header for how it was set. */
const MEDIAN_CEILING_MS = 80;

const db = openDatabase(':memory:');
const { stories } = fillBenchDb(db, ARTICLES);
const app = createServer({ db, uiDir: null, pollMs: 0, cache: false });
after(async () => {
  await app.close();
  db.close();
});

const largest = [...stories].sort((a, b) => b.size - a.size)[0];

test('the storyline page lists at most a screenful per event and counts them all', async () => {
  assert.ok(largest);
  const view = (await app.inject({ url: `/api/storylines/${largest.id}` })).json() as {
    story: { articles: number };
    events: { id: string; articleCount: number; articles: unknown[] }[];
  };
  assert.equal(view.story.articles, largest.size);
  assert.equal(
    view.events.reduce((n, e) => n + e.articleCount, 0),
    largest.size,
  );
  for (const e of view.events) assert.equal(e.articles.length, Math.min(e.articleCount, MAX_EVENT_ARTICLES));
  const big = view.events.find((e) => e.articleCount > MAX_EVENT_ARTICLES);
  assert.ok(big, 'the largest storyline has an event bigger than the cap');
  const full = (await app.inject({ url: `/api/events/${big.id}` })).json() as { articles: unknown[] };
  assert.equal(full.articles.length, big.articleCount);
});

test(`cold storyline page: median under ${MEDIAN_CEILING_MS} ms`, async (t) => {
  assert.ok(largest);
  const url = `/api/storylines/${largest.id}`;
  await app.inject({ url });
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t = performance.now();
    const r = await app.inject({ url });
    times.push(performance.now() - t);
    assert.equal(r.statusCode, 200);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  t.diagnostic(`cold storyline page (${largest.size} articles): median ${median.toFixed(1)} ms, max ${(times.at(-1) ?? 0).toFixed(1)} ms`);
  assert.ok(median < MEDIAN_CEILING_MS, `median ${median.toFixed(1)} ms`);
});

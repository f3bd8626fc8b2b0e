/**
 * Serve latency: p50/p99 latency and requests per second for the storyline page API
 * (`GET /api/storylines/:id`) on a 10,000-article database, load from autocannon over loopback.
 *
 *   npm run bench:serve -- [--articles 10000] [--duration 10] [--rate 200]
 *
 * The database is synthetic so its shape is controlled: storylines of skewed sizes (one of 400
 * articles, five of 200, twenty of 100, fifty of 40, a hundred of 20, the rest of 5), several events
 * each, ~10% of articles recorded as copies, and ~2 KB of text per article. Articles go in through the
 * store's `insertArticle`; stories, events, links and copy links are written straight into the cluster
 * and dedup tables (running the clusterer over 10,000 articles would measure clustering, not serving).
 * The server runs in a child process so the load generator does not share its event loop.
 */
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { createServer } from '../src/api/index.js';
import { mulberry32 } from '../src/internal/random.js';
import { insertArticle } from '../src/store/articles.js';
import { openDatabase } from '../src/store/db.js';

/** Storyline sizes as [count, articles each]; the remainder of the article budget fills stories of 5. */
const STORY_SHAPE: readonly (readonly [number, number])[] = [
  [1, 400],
  [5, 200],
  [20, 100],
  [50, 40],
  [100, 20],
];
const SMALL_STORY = 5;
/** One event per this many articles in a storyline (at least one, at most MAX_EVENTS). */
const ARTICLES_PER_EVENT = 10;
const MAX_EVENTS = 12;
/** Share of articles recorded as copies of an earlier article in the same storyline. */
const COPY_SHARE = 0.1;
const PARAGRAPHS = 6;
const WORDS_PER_PARAGRAPH = 50;
/** Days the publication dates spread over. */
const DATE_SPAN_DAYS = 90;
/** Sockets the steady-rate generator may open (enough that it never queues on the client side). */
const PACED_SOCKETS = 64;
/** Seconds of unmeasured load before each measured run. */
const WARMUP_S = 2;

const SYLLABLES = ['ka', 'ren', 'to', 'mi', 'sal', 'vor', 'el', 'an', 'dru', 'bes', 'lin', 'os', 'tam', 'qui', 'ner', 'fa'];

export interface BenchDb {
  readonly db: Database;
  readonly stories: { id: string; size: number }[];
}

/** Fills `db` with `total` synthetic articles in skewed storylines. */
export function fillBenchDb(db: Database, total: number, seed = 7): BenchDb {
  const r = mulberry32(seed);
  const word = () => Array.from({ length: 1 + Math.floor(r() * 3) }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]).join('');
  const sentence = (topic: string[]) =>
    Array.from({ length: WORDS_PER_PARAGRAPH }, (_, i) => (i % 7 === 0 ? (topic[Math.floor(r() * topic.length)] ?? 'x') : word())).join(' ');
  const sizes: number[] = [];
  let left = total;
  for (const [count, size] of STORY_SHAPE) for (let i = 0; i < count && left >= size; i++, left -= size) sizes.push(size);
  while (left > 0) {
    sizes.push(Math.min(SMALL_STORY, left));
    left -= SMALL_STORY;
  }
  const now = new Date().toISOString();
  const base = Date.UTC(2026, 0, 1);
  const insStory = db.prepare('INSERT INTO stories (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const insEvent = db.prepare('INSERT INTO events (id, story_id, title, date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insLink = db.prepare('INSERT INTO article_events (article_id, event_id, score, explanation) VALUES (?, ?, ?, ?)');
  const insDup = db.prepare('INSERT INTO duplicates (a, b, kind, score, origin, evidence) VALUES (?, ?, ?, ?, ?, ?)');
  const kinds = ['exact', 'near', 'rewrite', 'partial'] as const;
  const stories: { id: string; size: number }[] = [];
  let n = 0;
  db.transaction(() => {
    sizes.forEach((size, s) => {
      const storyId = `st_bench${s}`;
      const topic = Array.from({ length: 8 }, word);
      insStory.run(storyId, `Storyline ${s}: ${topic.slice(0, 4).join(' ')}`, now, now);
      stories.push({ id: storyId, size });
      const events = Math.max(1, Math.min(MAX_EVENTS, Math.round(size / ARTICLES_PER_EVENT)));
      const start = base + Math.floor(r() * DATE_SPAN_DAYS) * 86_400_000;
      for (let e = 0; e < events; e++)
        insEvent.run(`ev_bench${s}_${e}`, storyId, `Event ${e} of storyline ${s}`, new Date(start + e * 86_400_000).toISOString(), now, now);
      const ids: string[] = [];
      for (let i = 0; i < size; i++, n++) {
        const id = `abench${n}`;
        const paragraphs = Array.from({ length: PARAGRAPHS }, () => sentence(topic));
        insertArticle(db, {
          id,
          contentHash: `h${n}`,
          canonicalUrl: `https://bench${n % 50}.example/${n}`,
          path: null,
          url: `https://bench${n % 50}.example/${n}`,
          record: 0,
          title: `${topic[0]} ${word()} ${word()} ${n}`,
          outlet: `Outlet ${n % 50}`,
          author: null,
          published: new Date(start + Math.floor(r() * events) * 86_400_000).toISOString(),
          modified: null,
          language: 'en',
          text: paragraphs.join('\n\n'),
          paragraphs,
          format: 'text',
          raw: '',
          meta: {},
          isArticle: true,
          removed: [],
        });
        const e = Math.floor((i / size) * events);
        insLink.run(id, `ev_bench${s}_${e}`, 0.5 + r() / 2, JSON.stringify({ score: 0.5, sharedTerms: topic.slice(0, 4), rule: 'bench' }));
        if (ids.length > 0 && r() < COPY_SHARE) {
          const original = ids[Math.floor(r() * ids.length)] as string;
          insDup.run(original, id, kinds[Math.floor(r() * kinds.length)], 0.9, original, '{}');
        }
        ids.push(id);
      }
    });
  })();
  return { db, stories };
}

interface Result {
  readonly scenario: string;
  readonly rate: string;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly rps: number;
  readonly errors: number;
  readonly non2xx: number;
}

interface AutocannonResult {
  latency: { p50: number; p99: number; max: number };
  requests: { average: number };
  errors: number;
  non2xx: number;
}
interface AutocannonRequest {
  setupRequest?: (req: { path: string }) => { path: string };
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  overallRate?: number;
  requests?: AutocannonRequest[];
}) => Promise<AutocannonResult>;

async function runLoad(url: string, scenario: string, duration: number, rate: number | null, paths?: readonly string[]): Promise<Result> {
  // autocannon ships no type declarations: import it by a non-literal name and type the part we use.
  const name = 'autocannon';
  const autocannon = ((await import(name)) as { default: Autocannon }).default;
  /** Concurrent connections: enough to sustain the rate with headroom, like a few busy browsers. */
  const CONNECTIONS = 10;
  // With `paths`, each request asks for a random one of them (seeded, so runs are comparable).
  const pick = mulberry32(11);
  const requests = paths ? [{ setupRequest: (req: { path: string }) => ({ ...req, path: paths[Math.floor(pick() * paths.length)] ?? '/' }) }] : undefined;
  const opts = { url, connections: CONNECTIONS, ...(rate ? { overallRate: rate } : {}), ...(requests ? { requests } : {}) };
  // Warm-up (JIT, SQLite page cache, response cache), not measured.
  await autocannon({ ...opts, duration: WARMUP_S });
  const out = await autocannon({ ...opts, duration });
  return {
    scenario,
    rate: rate ? `${rate}/s` : 'max',
    p50: out.latency.p50,
    p99: out.latency.p99,
    max: out.latency.max,
    rps: Math.round(out.requests.average),
    errors: out.errors,
    non2xx: out.non2xx,
  };
}

/**
 * Open-loop load at a steady rate: one request every 1000/rate ms whether or not earlier ones have
 * answered, latency measured from the moment each request was due (so a stalled server cannot hide
 * its queue: no coordinated omission). autocannon's own rate limit sends each second's quota in a
 * burst at the start of the second, which measures burst queueing instead of steady load.
 */
async function pacedLoad(origin: string, paths: readonly string[], scenario: string, duration: number, rate: number): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: PACED_SOCKETS });
  const pick = mulberry32(13);
  const interval = 1000 / rate;
  const run = async (seconds: number) => {
    const latencies: number[] = [];
    let errors = 0;
    let non2xx = 0;
    const total = Math.round(seconds * rate);
    const start = performance.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = start + i * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((ok) => setTimeout(ok, wait));
      const path = paths[Math.floor(pick() * paths.length)] ?? '/';
      pending.push(
        new Promise<void>((ok) => {
          const req = httpRequest(`${origin}${path}`, { agent }, (res) => {
            res.resume();
            res.on('end', () => {
              latencies.push(performance.now() - due);
              if ((res.statusCode ?? 0) >= 300) non2xx++;
              ok();
            });
          });
          req.on('error', () => {
            errors++;
            ok();
          });
          req.end();
        }),
      );
    }
    await Promise.all(pending);
    return { latencies: latencies.sort((a, b) => a - b), errors, non2xx, elapsed: (performance.now() - start) / 1000 };
  };
  await run(WARMUP_S);
  const r = await run(duration);
  agent.destroy();
  const q = (p: number) => Math.round(r.latencies[Math.min(r.latencies.length - 1, Math.floor(p * r.latencies.length))] ?? 0);
  return {
    scenario,
    rate: `${rate}/s steady`,
    p50: q(0.5),
    p99: q(0.99),
    max: q(1),
    rps: Math.round(r.latencies.length / r.elapsed),
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

async function serverMode(dbPath: string, cache: boolean): Promise<void> {
  const db = openDatabase(dbPath);
  const app = createServer({ db, uiDir: null, pollMs: 0, cache });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  process.send?.({ port: typeof addr === 'object' && addr ? addr.port : 0 });
}

async function main(): Promise<void> {
  const total = arg('articles', 10_000);
  const duration = arg('duration', 10);
  const rate = arg('rate', 200);
  const dir = mkdtempSync(join(tmpdir(), 'storyline-bench-serve-'));
  const dbPath = join(dir, 'bench.db');
  const t0 = performance.now();
  const db = openDatabase(dbPath);
  const { stories } = fillBenchDb(db, total);
  db.close();
  const buildMs = Math.round(performance.now() - t0);
  const sorted = [...stories].sort((a, b) => b.size - a.size);
  const largest = sorted[0];
  const median = sorted[Math.floor(sorted.length / 2)];
  if (!largest || !median) throw new Error('no storylines generated');
  const page = (id: string) => `/api/storylines/${id}`;
  const allPages = stories.map((s) => page(s.id));
  const results: Result[] = [];
  try {
    for (const cache of [true, false]) {
      const child = fork(fileURLToPath(import.meta.url), ['--server', dbPath, cache ? 'cache' : 'no-cache'], {
        execArgv: ['--import', 'tsx'],
        stdio: 'inherit',
      });
      const port = await new Promise<number>((ok) => child.once('message', (m: { port: number }) => ok(m.port)));
      const origin = `http://127.0.0.1:${port}`;
      const label = cache ? 'cache on' : 'cache off';
      try {
        results.push(await pacedLoad(origin, [page(largest.id)], `${label}: largest storyline (${largest.size} articles, 144 listed)`, duration, rate));
        results.push(await pacedLoad(origin, [page(median.id)], `${label}: median storyline (${median.size} articles)`, duration, rate));
        results.push(await pacedLoad(origin, allPages, `${label}: random storyline per request (of ${stories.length})`, duration, rate));
        results.push(await runLoad(origin, `${label}: random storyline per request (of ${stories.length})`, duration, null, allPages));
        results.push(await runLoad(origin + page(largest.id), `${label}: largest storyline`, duration, null));
      } finally {
        child.kill();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
  const lines = [
    `Serve benchmark: ${total} articles in ${stories.length} storylines (database built in ${buildMs} ms), ${duration} s per run after ${WARMUP_S} s warm-up, loopback; "steady" rows: open-loop requests every ${1000 / rate} ms, latency from the scheduled send time; "max" rows: autocannon, 10 connections, as fast as the server answers. ${cpus().length} CPUs, load average at the end ${load} (1/5/15 min).`,
    '',
    '| Scenario | Offered load | p50 (ms) | p99 (ms) | max (ms) | req/s | errors | non-2xx |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.scenario} | ${r.rate} | ${r.p50} | ${r.p99} | ${r.max} | ${r.rps} | ${r.errors} | ${r.non2xx} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const outDir = fileURLToPath(new URL('./out/', import.meta.url));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    join(outDir, 'serve.json'),
    JSON.stringify(
      { articles: total, storylines: stories.length, durationS: duration, loadavg: loadavg(), cpus: cpus().length, results, at: new Date().toISOString() },
      null,
      2,
    ),
  );
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const s = process.argv.indexOf('--server');
  if (s >= 0) await serverMode(process.argv[s + 1] ?? '', process.argv[s + 2] !== 'no-cache');
  else await main();
}

/**
 * Clustering speed (part 3 of `npm run bench:cluster`, alone with `--speed-only`): assignment latency p50/p99,
 * articles/s and peak memory at the given store sizes, on a synthetic stream in a file database.
 * Environment: BUILD_MAX (articles assigned for real before the store is grown by replicating the state, default 100000),
 * WARMUP (articles assigned unmeasured after a replication, default 1000).
 *
 * The run measures the code as users run it: compiled by tsc (`bin/storyline` runs `dist/`), not through tsx's
 * on-the-fly transform, which wraps every function (arrow functions made in hot loops included) to keep its name and
 * so runs slower than what ships. `--from-source` measures the tsx-transformed sources instead.
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Database } from 'better-sqlite3';
import type * as ClusterIndex from '../src/cluster/index.js';
import type * as DfJournalModule from '../src/cluster/internal/dfjournal.js';
import type * as Streams from '../src/cluster/internal/streams.js';
import type * as Synthetic from '../src/cluster/internal/synthetic.js';
import { runsWithShippedFlags, SHIPPED_V8_FLAGS } from '../src/internal/runtime-flags.js';
import type * as Db from '../src/store/db.js';

/** What the speed run calls, from the compiled build or from the sources. */
interface Modules {
  readonly createClusterer: typeof ClusterIndex.createClusterer;
  readonly storeBare: typeof Streams.storeBare;
  readonly syntheticStream: typeof Synthetic.syntheticStream;
  readonly openDatabase: typeof Db.openDatabase;
  readonly DfJournal: typeof DfJournalModule.DfJournal;
  /** Articles per df fold cycle (DF_FOLD_EVERY of the code measured). */
  readonly foldEvery: number;
  /** How the code was loaded, for the table's heading. */
  readonly how: string;
}

/** Compiles `src/` with the build's tsconfig into bench/out/build and loads the modules the run calls from there. */
async function loadModules(root: string, fromSource: boolean): Promise<Modules> {
  let base = resolve(root, 'src');
  let how = 'sources through tsx';
  if (!fromSource) {
    const out = resolve(root, 'bench/out/build');
    rmSync(out, { recursive: true, force: true });
    execFileSync(
      process.execPath,
      [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', out, '--declaration', 'false', '--sourceMap', 'false'],
      { cwd: root, stdio: 'inherit' },
    );
    base = resolve(out, 'src');
    how = 'compiled by tsc, as bin/storyline runs it';
  }
  const load = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(resolve(base, rel)).href)) as T;
  const [cluster, streams, synthetic, db, journal] = await Promise.all([
    load<typeof ClusterIndex>('cluster/index.js'),
    load<typeof Streams>('cluster/internal/streams.js'),
    load<typeof Synthetic>('cluster/internal/synthetic.js'),
    load<typeof Db>('store/db.js'),
    load<typeof DfJournalModule>('cluster/internal/dfjournal.js'),
  ]);
  return {
    createClusterer: cluster.createClusterer,
    storeBare: streams.storeBare,
    syntheticStream: synthetic.syntheticStream,
    openDatabase: db.openDatabase,
    DfJournal: journal.DfJournal,
    foldEvery: journal.DF_FOLD_EVERY,
    how,
  };
}

/**
 * Latency is measured over at least this many articles at each store size, rounded up to whole df fold cycles
 * (dfjournal.ts DF_FOLD_EVERY: a cycle folds its snapshot over its first DF_FOLD_SPREAD articles and writes nothing to
 * cluster_df in the rest), so the probe carries the fold's cost in its steady-state share wherever it starts. With
 * cycles of 3,072 articles (session 6) a 2,000-article probe held anything from 0 to 1,024 folding articles.
 */
const PROBE_MIN = 2_000;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/**
 * Fills a file database with `size` synthetic articles through the real clusterer, measuring the last
 * PROBE assignments (PROBE_MIN rounded up to whole fold cycles). Beyond BUILD_MAX articles the store is grown by replicating the built state in
 * SQL (articles, features, profiles, postings, document frequencies), each copy shifted back in time,
 * so the index really holds `size` articles while the run stays within the session.
 */
const BUILD_MAX = Number(process.env.BUILD_MAX ?? 100_000);
/** Articles per transaction while filling the store. */
const FILL_BATCH = 500;
/**
 * Replication bumps the generation counter (as a human edit in another process would), so the clusterer drops its
 * caches (document frequencies, postings window, profiles). This many articles are then assigned, unmeasured, before
 * the probe, so the probe times a running ingester as the real-assignment rows do, not the reload after a cache drop.
 * Checked 2026-11-21 (fifth session): with 5,000 instead, a 100k store filled for real gave 913 assignments per
 * CPU-second against 876 after one replication and 1,000, and the rate by quarter of the probe moves with the stream
 * (864 / 908 / 940 / 944 on the real 100k store) as much as after a replication: 1,000 is enough.
 */
const WARMUP_AFTER_REPLICATION = Number(process.env.WARMUP ?? 1_000);
export async function speedBench(root: string, sizes: readonly number[], fromSource = false): Promise<Record<string, unknown>[]> {
  const { createClusterer, storeBare, syntheticStream, openDatabase, DfJournal, foldEvery, how: code } = await loadModules(root, fromSource);
  const PROBE = Math.ceil(PROBE_MIN / foldEvery) * foldEvery;
  const rowsOut: Record<string, unknown>[] = [];
  const flags = runsWithShippedFlags()
    ? `V8 flags as bin/storyline starts Node (${SHIPPED_V8_FLAGS.join(' ')})`
    : `V8 flags NOT as shipped: run through \`npm run bench:cluster\`, which passes ${SHIPPED_V8_FLAGS.join(' ')}`;
  console.log(
    `\n## Speed (synthetic stream, file database, one transaction per article as in the pipeline; ${PROBE.toLocaleString('en')} articles measured per size, whole df fold cycles; code ${code}; ${flags})\n`,
  );
  console.log(
    '| stored articles | how the store was filled | assign p50 ms | assign p99 ms | assign CPU p50 ms | assign CPU p99 ms | assignments per CPU-second | assign articles/s (wall) | end-to-end articles/s (store + assign + commit) | end-to-end per CPU-second | peak RSS MB | load average |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  const dir = resolve(root, 'bench/out/cluster-speed');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const db = openDatabase(resolve(dir, 'speed.db'));
  const clusterer = createClusterer(db);
  const gen = syntheticStream(Number.MAX_SAFE_INTEGER);
  let stored = 0;
  let peak = 0;
  /**
   * Stores and assigns one article in one transaction; returns the wall and CPU milliseconds spent in assign()
   * alone (CPU time, from process.cpuUsage, is the fair figure on a machine shared with other jobs).
   */
  const step = (): { wall: number; cpu: number } => {
    const a = gen.next().value!;
    let wall = 0;
    let cpu = 0;
    db.transaction(() => {
      const s = storeBare(db, { id: `a${a.id}`, title: a.title, text: a.text, lang: 'xx', published: a.published });
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      clusterer.assign(s);
      wall = performance.now() - t0;
      const c = process.cpuUsage(c0);
      cpu = (c.user + c.system) / 1000;
    })();
    stored++;
    return { wall, cpu };
  };
  let originals = 0;
  let copiesMade = 0;
  for (const size of [...sizes].sort((a, b) => a - b)) {
    let how = 'real assignments';
    if (size > BUILD_MAX && stored >= BUILD_MAX) {
      if (originals === 0) originals = stored;
      const copies = Math.ceil((size - stored) / originals);
      replicate(db, DfJournal, copiesMade, copies, originals);
      copiesMade += copies;
      stored += copies * originals;
      how = `${originals.toLocaleString('en')} real, then ${copiesMade} time-shifted copies in SQL, then ${WARMUP_AFTER_REPLICATION.toLocaleString('en')} real`;
      db.transaction(() => {
        for (let i = 0; i < WARMUP_AFTER_REPLICATION; i++) {
          const a = gen.next().value!;
          clusterer.assign(storeBare(db, { id: `a${a.id}`, title: a.title, text: a.text, lang: 'xx', published: a.published }));
        }
      })();
      stored += WARMUP_AFTER_REPLICATION;
    }
    const t0 = performance.now();
    // Filling (not measured) runs FILL_BATCH articles per transaction to save commits; the probe below is per article.
    while (stored < size - PROBE) {
      const n = Math.min(FILL_BATCH, size - PROBE - stored);
      db.transaction(() => {
        for (let i = 0; i < n; i++) {
          const a = gen.next().value!;
          clusterer.assign(storeBare(db, { id: `a${a.id}`, title: a.title, text: a.text, lang: 'xx', published: a.published }));
        }
      })();
      stored += n;
      peak = Math.max(peak, process.memoryUsage().rss);
      if (stored % 10_000 < FILL_BATCH) process.stderr.write(`  ${stored} stored, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    }
    const lat: number[] = [];
    const cpu: number[] = [];
    const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    for (let i = 0; i < PROBE; i++) {
      const x = step();
      lat.push(x.wall);
      cpu.push(x.cpu);
    }
    // Per quarter of the probe (stderr): whether the rate still climbs, i.e. the caches were still warming.
    const quarter = PROBE / 4;
    const rates = [0, 1, 2, 3].map((q) => (quarter / (sum(cpu.slice(q * quarter, (q + 1) * quarter)) / 1000)).toFixed(0));
    process.stderr.write(`  assignments per CPU-second by quarter of the probe: ${rates.join(' / ')}\n`);
    const secs = (performance.now() - t1) / 1000;
    const c = process.cpuUsage(c1);
    const cpuSecs = (c.user + c.system) / 1e6;
    peak = Math.max(peak, process.memoryUsage().rss);
    const r = {
      stored,
      how,
      code,
      p50: percentile(lat, 50),
      p99: percentile(lat, 99),
      cpuP50: percentile(cpu, 50),
      cpuP99: percentile(cpu, 99),
      assignPerCpuSecond: PROBE / (sum(cpu) / 1000),
      assignPerSecond: PROBE / (sum(lat) / 1000),
      perSecond: PROBE / secs,
      perCpuSecond: PROBE / cpuSecs,
      peakRssMb: peak / 1_048_576,
      loadAverage: loadavg()[0] ?? 0,
    };
    rowsOut.push(r);
    console.log(
      `| ${stored.toLocaleString('en')} | ${how} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.cpuP50.toFixed(2)} | ${r.cpuP99.toFixed(2)} | ${r.assignPerCpuSecond.toFixed(0)} | ${r.assignPerSecond.toFixed(0)} | ${r.perSecond.toFixed(0)} | ${r.perCpuSecond.toFixed(0)} | ${r.peakRssMb.toFixed(0)} | ${r.loadAverage.toFixed(1)} |`,
    );
  }
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return rowsOut;
}

/** Grows the store by `copies` more time-shifted copies of the originally built articles (see speedBench). */
function replicate(db: Database, journal: Modules['DfJournal'], already: number, copies: number, originals: number): void {
  const orig = "NOT LIKE '%\\_r%' ESCAPE '\\'";
  const span = (db.prepare(`SELECT MAX(t_hi) - MIN(t_lo) AS s FROM cluster_profiles WHERE t_lo >= 0 AND id ${orig}`).get() as { s: number }).s + 400;
  for (let c = already + 1; c <= already + copies; c++) {
    const sfx = `_r${c}`;
    const shift = -span * c;
    db.transaction(() => {
      db.prepare(`INSERT INTO articles (id, content_hash, canonical_url, path, url, record, title, outlet, author, published, modified, language, format, raw, text, paragraphs, meta, is_article, ingested_at)
        SELECT id || ?, content_hash || ?, NULL, path, url, record, title, outlet, author, published, modified, language, format, raw, text, paragraphs, meta, is_article, ingested_at FROM articles WHERE id ${orig}`).run(
        sfx,
        sfx,
      );
      db.prepare(`INSERT INTO stories (id, title, created_at, updated_at) SELECT id || ?, title, created_at, updated_at FROM stories WHERE id ${orig}`).run(
        sfx,
      );
      db.prepare(
        `INSERT INTO events (id, story_id, title, date, created_at, updated_at) SELECT id || ?, story_id || ?, title, date, created_at, updated_at FROM events WHERE id ${orig}`,
      ).run(sfx, sfx);
      db.prepare(
        `INSERT INTO article_events (article_id, event_id, score, explanation) SELECT article_id || ?, event_id || ?, score, explanation FROM article_events WHERE article_id ${orig}`,
      ).run(sfx, sfx);
      db.prepare(
        `INSERT INTO cluster_features (article_id, title, features) SELECT article_id || ?, title, features FROM cluster_features WHERE article_id ${orig}`,
      ).run(sfx);
      db.prepare(`INSERT INTO cluster_profiles (id, kind, profile, t_lo, t_hi, size, rep_article, rep_score, locked, indexed)
        SELECT id || ?, kind, profile, t_lo + ?, t_hi + ?, size, rep_article, rep_score, locked, indexed FROM cluster_profiles WHERE id ${orig}`).run(
        sfx,
        shift,
        shift,
      );
      db.prepare(
        `INSERT INTO cluster_postings (key, event_id, t_lo, t_hi) SELECT key, event_id || ?, t_lo + ?, t_hi + ? FROM cluster_postings WHERE event_id ${orig}`,
      ).run(sfx, shift, shift);
    })();
    process.stderr.write(`  replicated copy ${c}\n`);
  }
  // Document frequencies and the document count scale with the copies (each copy repeats the originals); the
  // not-yet-folded df journal is folded first, by the clusterer's own journal code, so every count is scaled once.
  db.transaction(() => new journal(db).foldAll())();
  const before = 1 + already;
  const after = 1 + already + copies;
  db.prepare('UPDATE cluster_df SET df = CAST(ROUND(df * ? / ?) AS INTEGER)').run(after, before);
  db.prepare("UPDATE cluster_meta SET value = CAST(CAST(value AS INTEGER) + ? AS TEXT) WHERE key = 'docs'").run(copies * originals);
  db.prepare("UPDATE cluster_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation'").run();
}

/**
 * Compare-stage benchmark.
 *   1. Speed: ledger + timeline + brief for a storyline of 500 articles (the demo corpus's articles,
 *      annotated once, repeated with new ids, outlets and dates), p50/p99 over repeated runs.
 *   2. Faithfulness: every sentence of every brief on the demo corpus storylines and on the seeds must be
 *      found in, or supported by, its cited passage; reports the rate (goal 100%).
 * Run: npx tsx bench/compare.ts   (writes bench/out/compare.json)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listStories } from '../src/cluster/index.js';
import { buildBrief, buildLedger, buildTimeline, checkSupport, compareForStory, inputForArticles } from '../src/compare/index.js';
import type { ArticleAnnotations, Brief, CompareArticle, CompareInput } from '../src/compare/types.js';
import { ingestPaths } from '../src/pipeline.js';
import { listArticles } from '../src/store/articles.js';
import { openDatabase } from '../src/store/db.js';

const root = path.resolve(import.meta.dirname, '..');
const shared = process.env.STORYLINE_SHARED ?? path.resolve(root, '../shared');
const STORY_SIZE = 500;
const RUNS = 30;
const WARMUP = 3;

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function ingestAll(paths: string[]) {
  const db = openDatabase(':memory:');
  ingestPaths(db, paths);
  return db;
}

function scaled(base: CompareInput, n: number): CompareInput {
  const articles: CompareArticle[] = [];
  const annotations: Record<string, ArticleAnnotations> = {};
  const groups: string[][] = [];
  for (let i = 0; i < n; i++) {
    const src = base.articles[i % base.articles.length] as CompareArticle;
    const id = `${src.id}-${i}`;
    const day = new Date(Date.UTC(2026, 1, 1 + (i % 80))).toISOString().slice(0, 10);
    articles.push({ ...src, id, outlet: `${src.outlet} #${i % 40}`, published: day, publishedSource: 'metadata' });
    annotations[id] = base.annotations[src.id] as ArticleAnnotations;
    // every third article is a copy of the one before it
    if (i % 3 === 2 && groups.length) groups[groups.length - 1]?.push(id);
    else groups.push([id]);
  }
  return { ...base, id: 'bench', articles, annotations, groups, events: [] };
}

function briefSentences(brief: Brief, input: CompareInput): { total: number; supported: number; failures: string[] } {
  const items = [brief.headline, ...brief.sections.flatMap((s) => s.items)].filter((x) => x !== null);
  let supported = 0;
  const failures: string[] = [];
  for (const s of items) {
    const passages = s.citations.map((c) => input.articles.find((a) => a.id === c.articleId)?.paragraphs[c.paragraph] ?? '');
    if (checkSupport(s.text, passages).supported) supported++;
    else failures.push(s.text);
  }
  return { total: items.length, supported, failures };
}

async function main() {
  // --- demo corpus: faithfulness per storyline, and the base for the speed run
  const demoDb = await ingestAll([path.join(root, 'demo/corpus/articles')]);
  const stories = listStories(demoDb);
  let total = 0;
  let supported = 0;
  const failures: string[] = [];
  for (const s of stories) {
    const cmp = await compareForStory(demoDb, s.id);
    const r = briefSentences(cmp.brief, cmp.input);
    total += r.total;
    supported += r.supported;
    failures.push(...r.failures);
  }
  const demoInput = await inputForArticles(demoDb, { id: 'demo', title: 'demo', articleIds: listArticles(demoDb).map((a) => a.id) });
  const demoAll = briefSentences(buildBrief(demoInput), demoInput);
  total += demoAll.total;
  supported += demoAll.supported;
  failures.push(...demoAll.failures);
  // --- seeds
  const seeds = path.join(shared, 'corpus/seeds');
  let seedRate: number | null = null;
  if (existsSync(seeds)) {
    const db = await ingestAll([seeds]);
    const input = await inputForArticles(db, { id: 'seeds', title: 'seeds', articleIds: listArticles(db).map((a) => a.id) });
    const r = briefSentences(buildBrief(input), input);
    total += r.total;
    supported += r.supported;
    failures.push(...r.failures);
    seedRate = r.total ? r.supported / r.total : null;
  }
  // --- speed
  const big = scaled(demoInput, STORY_SIZE);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    // a fresh input object each run, so no per-input cache carries over
    const input = { ...big };
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const ledger = buildLedger(input);
    const timeline = buildTimeline(input);
    buildBrief(input, { ledger, timeline });
    const c1 = process.cpuUsage(c0);
    if (i >= WARMUP) {
      times.push(performance.now() - t0);
      cpu.push((c1.user + c1.system) / 1000);
    }
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const result = {
    date: new Date().toISOString(),
    storySize: STORY_SIZE,
    runs: RUNS,
    p50ms: Number(pct(times, 50).toFixed(1)),
    p99ms: Number(pct(times, 99).toFixed(1)),
    cpuP50ms: Number(pct(cpu, 50).toFixed(1)),
    cpuP99ms: Number(pct(cpu, 99).toFixed(1)),
    loadAverage: (await import('node:os')).loadavg()[0] ?? 0,
    faithfulness: { sentences: total, supported, rate: total ? supported / total : 1, seedRate, failures: failures.slice(0, 20) },
    demoStories: stories.length,
    annotator: demoInput.notes.find((n) => n.includes('annotat')) ?? 'extract stage',
  };
  console.log('| Metric | Value | Goal |\n|---|---|---|');
  console.log(`| ledger+timeline+brief, ${STORY_SIZE} articles, p50 | ${result.p50ms} ms | < 300 ms |`);
  console.log(`| ledger+timeline+brief, ${STORY_SIZE} articles, p99 | ${result.p99ms} ms | < 300 ms |`);
  console.log(
    `| same, CPU time p50 / p99 (1-min load average ${result.loadAverage.toFixed(1)} on ${(await import('node:os')).cpus().length} cores) | ${result.cpuP50ms} / ${result.cpuP99ms} ms | |`,
  );
  console.log(
    `| brief faithfulness (demo ${stories.length} storylines + all-demo + seeds) | ${supported}/${total} = ${(result.faithfulness.rate * 100).toFixed(1)}% | 100% |`,
  );
  if (seedRate !== null) console.log(`| brief faithfulness, seeds only | ${(seedRate * 100).toFixed(1)}% | 100% |`);
  mkdirSync(path.join(root, 'bench/out'), { recursive: true });
  writeFileSync(path.join(root, 'bench/out/compare.json'), JSON.stringify(result, null, 2));
}

await main();

/**
 * Extract-stage benchmark: attribution P/R/F1 on PolNeAR (direct quotes separately), dates span
 * F1 and value accuracy on TempEval-3 platinum, and throughput. Metrics as ../shared/bench/README.md.
 * Usage: npx tsx bench/nlp.ts [--limit N] [--split even|odd] [--errors [--buckets N]]
 *   --limit N   first N attribution files by name (default all)
 *   --split     only files whose name hash is even (the tuning half) or odd (held out)
 *   --errors    also print the error breakdown and write samples to bench/out/nlp-errors.json
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotate } from '../src/extract/index.js';
import { attributionErrors } from './nlp-errors.js';
import { type AttributionScore, type DateScore, scoreAttribution, scoreDates } from './nlp-metrics.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.STORYLINE_SHARED ?? resolve(root, '../shared');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export type Split = 'all' | 'even' | 'odd';

/** FNV-1a hash of a file name; its parity splits the attribution files into a tuning and a held-out half. */
export function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function attributionDocs(limit?: number, split: Split = 'all') {
  const dir = join(shared, 'bench/attribution');
  const texts = readdirSync(join(dir, 'text'))
    .filter((f) => f.endsWith('.txt'))
    .filter((f) => split === 'all' || nameHash(f) % 2 === (split === 'even' ? 0 : 1))
    .sort();
  const anns = readdirSync(join(dir, 'attributions'));
  const files = texts.slice(0, limit ?? texts.length);
  return files.map((f) => {
    const stem = f.replace(/\.txt$/, '');
    const ann = anns.find((a) => a.startsWith(`${stem}_`) && a.endsWith('.ann'));
    const text = readFileSync(join(dir, 'text', f), 'utf8');
    return {
      file: f,
      text,
      ann: ann ? readFileSync(join(dir, 'attributions', ann), 'utf8') : '',
      quotes: annotate({ title: '', text, published: null, language: 'en' }).quotes,
    };
  });
}

export function runAttribution(limit?: number, split: Split = 'all'): AttributionScore & { files: number } {
  const docs = attributionDocs(limit, split);
  return { ...scoreAttribution(docs), files: docs.length };
}

export function runDates(): DateScore & { files: number } {
  const dir = join(shared, 'bench/dates');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.tml'))
    .sort();
  return {
    ...scoreDates(
      files.map((f) => readFileSync(join(dir, f), 'utf8')),
      (doc) => annotate(doc).dates,
    ),
    files: files.length,
  };
}

/**
 * Articles per second for the whole stage on one thread. Reported per CPU-second of this process
 * (process.cpuUsage), which is what "one core" means on a shared machine, and per wall-clock second.
 */
export function runThroughput(seconds = 3): {
  articlesPerCpuSecond: number;
  articlesPerWallSecond: number;
  articles: number;
  avgChars: number;
  loadAverage: number;
} {
  const dir = join(shared, 'bench/attribution/text');
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, 200)
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  for (const text of texts.slice(0, 20)) annotate({ title: '', text, published: '2016-01-01', language: 'en' }); // warm-up
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const t0 = performance.now();
  const c0 = cpu();
  let n = 0;
  let chars = 0;
  while (performance.now() - t0 < seconds * 1000) {
    const text = texts[n % texts.length] as string;
    annotate({ title: '', text, published: '2016-01-01', language: 'en' });
    chars += text.length;
    n++;
  }
  const wall = (performance.now() - t0) / 1000;
  const used = cpu() - c0;
  return {
    articlesPerCpuSecond: Math.round(n / used),
    articlesPerWallSecond: Math.round(n / wall),
    articles: n,
    avgChars: Math.round(chars / n),
    loadAverage: Math.round(loadavg()[0] as number),
  };
}

/** Number of error buckets printed per side (default 40; `--buckets N` shows more, e.g. the whole per-cue precision list). */
const ERROR_BUCKETS_SHOWN = Number(arg('--buckets') ?? 40);

function printErrors(docs: ReturnType<typeof attributionDocs>): void {
  const e = attributionErrors(docs);
  const show = (title: string, m: Map<string, number>) => {
    console.log(`\n| ${title} | count |\n|---|---:|`);
    for (const [k, n] of [...m].sort((a, b) => b[1] - a[1]).slice(0, ERROR_BUCKETS_SHOWN)) console.log(`| ${k} | ${n} |`);
  };
  show('false negatives (gold missed)', e.fn);
  show('false positives (predicted wrong)', e.fp);
  console.log('\n| predictions by cue | correct | all | precision |\n|---|---:|---:|---:|');
  for (const [k, c] of [...e.byCue].sort((a, b) => b[1].all - a[1].all).slice(0, ERROR_BUCKETS_SHOWN))
    console.log(`| ${k} | ${c.ok} | ${c.all} | ${(c.ok / c.all).toFixed(2)} |`);
  mkdirSync(join(root, 'bench/out'), { recursive: true });
  writeFileSync(join(root, 'bench/out/nlp-errors.json'), `${JSON.stringify(e.samples, null, 1)}\n`);
}

function main(): void {
  const limit = arg('--limit') ? Number(arg('--limit')) : undefined;
  const split = (arg('--split') ?? 'all') as Split;
  const t0 = performance.now();
  if (process.argv.includes('--errors')) {
    printErrors(attributionDocs(limit, split));
    return;
  }
  const attribution = runAttribution(limit, split);
  const dates = runDates();
  const throughput = runThroughput();
  const f = (x: number) => x.toFixed(3);
  const table = [
    '| Metric | Score | Goal |',
    '|---|---|---|',
    `| Attribution, direct quotes: P / R / F1 (${attribution.files} PolNeAR files${split === 'all' ? '' : `, ${split} half`}) | ${f(attribution.direct.p)} / ${f(attribution.direct.r)} / ${f(attribution.direct.f1)} | F1 ≥ 0.90 |`,
    `| Attribution, all: P / R / F1 | ${f(attribution.all.p)} / ${f(attribution.all.r)} / ${f(attribution.all.f1)} | F1 ≥ 0.70 (human 0.92) |`,
    `| Dates: span P / R / F1 (relaxed, ${dates.files} TempEval-3 docs, ${dates.gold} DATE timexes) | ${f(dates.p)} / ${f(dates.r)} / ${f(dates.f1)} | HeidelTime ≈ 0.90 |`,
    `| Dates: value accuracy on found | ${f(dates.valueAccuracy)} (${dates.valueCorrect}/${dates.found}) | ≥ 0.85 (HeidelTime ≈ 0.78) |`,
    `| Throughput (whole stage, one thread, avg ${throughput.avgChars} chars) | ${throughput.articlesPerCpuSecond} articles per CPU-second (${throughput.articlesPerWallSecond}/s wall, load avg ${throughput.loadAverage}) | ≥ 200 |`,
  ].join('\n');
  console.log(table);
  console.log(`\n(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  mkdirSync(join(root, 'bench/out'), { recursive: true });
  writeFileSync(join(root, 'bench/out/nlp.json'), `${JSON.stringify({ date: new Date().toISOString(), attribution, dates, throughput }, null, 2)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

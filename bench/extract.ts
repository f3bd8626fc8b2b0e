/**
 * Extraction benchmark: our clean stage vs @mozilla/readability (both on linkedom) over
 * ../shared/bench/extraction (121 real pages with human-marked article bodies), plus per-rule
 * removal counts on ../shared/corpus/seeds.
 *
 *   npx tsx bench/extract.ts [--limit N] [--only ours|readability] [--parser tokenizer|linkedom] [--dump DIR] [--worst]
 *
 * Metric (the benchmark's own, see ../shared/bench/README.md): word tokens (`\w+`, Unicode),
 * 4-token shingle multisets, per-page tp/fp/fn normalised to sum 1, precision and recall as means
 * over pages, F1 from those means.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { type CleanOptions, clean } from '../src/clean/index.js';
import type { RawInput } from '../src/types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = process.env.STORYLINE_SHARED ?? path.resolve(ROOT, '../shared');
export const EXTRACTION_DIR = path.join(SHARED, 'bench/extraction');
export const SEEDS_DIR = path.join(SHARED, 'corpus/seeds');

/** Shingle width fixed by the benchmark's metric. */
const SHINGLE = 4;

export interface BenchPage {
  readonly id: string;
  readonly url: string;
  readonly html: string;
  readonly truth: string;
}

/** Loads the benchmark pages (sorted by id), optionally only the first `limit`. */
export function loadPages(limit = Number.POSITIVE_INFINITY): BenchPage[] {
  const truth = JSON.parse(readFileSync(path.join(EXTRACTION_DIR, 'ground-truth.json'), 'utf8')) as Record<string, { url: string; articleBody: string }>;
  return Object.keys(truth)
    .sort()
    .slice(0, limit)
    .map((id) => {
      const t = truth[id] as { url: string; articleBody: string };
      const html = gunzipSync(readFileSync(path.join(EXTRACTION_DIR, 'html', `${id}.html.gz`))).toString('utf8');
      return { id, url: t.url, html, truth: t.articleBody };
    });
}

function shingles(text: string): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i + SHINGLE <= tokens.length; i++) {
    const key = tokens.slice(i, i + SHINGLE).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  readonly precision: number | null;
  readonly recall: number | null;
}

/** One page's precision/recall under the benchmark metric (null = page left out of that mean). */
export function scorePage(predicted: string, truth: string): PageScore {
  const p = shingles(predicted);
  const t = shingles(truth);
  let tp = 0;
  let np = 0;
  let nt = 0;
  for (const [k, c] of p) {
    np += c;
    tp += Math.min(c, t.get(k) ?? 0);
  }
  for (const c of t.values()) nt += c;
  const fp = np - tp;
  const fn = nt - tp;
  if (fp === 0 && fn === 0) return { precision: 1, recall: 1 };
  const sum = tp + fp + fn;
  const [ntp, nfp, nfn] = [tp / sum, fp / sum, fn / sum];
  return { precision: np > 0 ? ntp / (ntp + nfp) : null, recall: nt > 0 ? ntp / (ntp + nfn) : null };
}

export interface Summary {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export function summarise(scores: readonly PageScore[]): Summary {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(scores.flatMap((s) => (s.precision === null ? [] : [s.precision])));
  const recall = mean(scores.flatMap((s) => (s.recall === null ? [] : [s.recall])));
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Our extractor on one page: the text the clean stage returns. */
export function oursExtract(page: BenchPage, options: Partial<CleanOptions> = {}): string {
  const input: RawInput = { source: { location: page.id, record: 0 }, format: 'html', body: page.html, raw: page.html, meta: { url: page.url } };
  return clean(input, options).text;
}

async function readabilityExtractor(): Promise<(page: BenchPage) => string> {
  const { Readability } = await import('@mozilla/readability');
  const { parseHTML } = await import('linkedom');
  return (page) => {
    const { document } = parseHTML(page.html);
    const r = new Readability(document as unknown as Document).parse();
    return r?.textContent ?? '';
  };
}

interface RunResult extends Summary {
  readonly name: string;
  readonly pagesPerSecond: number;
  readonly perPage: Record<string, PageScore>;
}

function run(name: string, pages: readonly BenchPage[], extract: (p: BenchPage) => string, dump?: string): RunResult {
  const outputs: string[] = [];
  const start = process.hrtime.bigint();
  for (const p of pages) {
    try {
      outputs.push(extract(p));
    } catch (err) {
      console.error(`${name} failed on ${p.id}: ${(err as Error).message}`);
      outputs.push('');
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const perPage: Record<string, PageScore> = {};
  pages.forEach((p, i) => {
    perPage[p.id] = scorePage(outputs[i] ?? '', p.truth);
    if (dump) writeFileSync(path.join(dump, `${p.id.slice(0, 12)}.${name}.txt`), outputs[i] ?? '');
  });
  return { name, pagesPerSecond: pages.length / seconds, perPage, ...summarise(Object.values(perPage)) };
}

/** Per-rule removal counts over the seed corpus (text inputs: first line title, rest body). */
export function seedRuleCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const raw = readFileSync(path.join(SEEDS_DIR, name), 'utf8');
    const lines = raw.split(/\r?\n/);
    const first = lines.findIndex((l) => l.trim() !== '');
    const title = (lines[first] ?? '').trim();
    const body = lines
      .filter((_, i) => i !== first)
      .join('\n')
      .trim();
    const out = clean({ source: { location: name, record: 0 }, format: 'text', body, raw, meta: { title } });
    for (const r of out.removed) counts[r.rule] = (counts[r.rule] ?? 0) + 1;
  }
  return counts;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const limit = arg('--limit') ? Number(arg('--limit')) : undefined;
  const only = arg('--only');
  const dump = arg('--dump');
  const parser = arg('--parser') === 'linkedom' ? 'linkedom' : 'tokenizer';
  const ours = (p: BenchPage) => oursExtract(p, { parser });
  if (dump) mkdirSync(dump, { recursive: true });
  const pages = loadPages(limit);
  const results: RunResult[] = [];
  // Warm both code paths once so JIT start-up is not charged to whichever runs first.
  const warm = pages.slice(0, 3);
  const readability = await readabilityExtractor();
  if (only !== 'readability') {
    run('ours', warm, ours);
    results.push(run('ours', pages, ours, dump));
  }
  if (only !== 'ours') {
    run('readability', warm, readability);
    results.push(run('readability', pages, readability, dump));
  }
  const seeds = seedRuleCounts();
  const f = (x: number) => x.toFixed(3);
  console.log(`\nExtraction benchmark: ${pages.length} pages (${EXTRACTION_DIR})\n`);
  console.log('| extractor | F1 | precision | recall | pages/s |');
  console.log('|---|---|---|---|---|');
  const oursName = `storyline clean (${parser === 'linkedom' ? 'linkedom DOM' : 'htmlparser2 events'})`;
  for (const r of results)
    console.log(
      `| ${r.name === 'ours' ? oursName : '@mozilla/readability 0.6 (linkedom)'} | ${f(r.f1)} | ${f(r.precision)} | ${f(r.recall)} | ${r.pagesPerSecond.toFixed(1)} |`,
    );
  const [a, b] = results;
  if (a && b) console.log(`\nSpeed ratio ours/readability: ${(a.pagesPerSecond / b.pagesPerSecond).toFixed(2)}×`);
  console.log('\nSeeds (../shared/corpus/seeds): lines removed per rule\n');
  console.log('| rule | removed |');
  console.log('|---|---|');
  for (const [rule, n] of Object.entries(seeds).sort((x, y) => y[1] - x[1])) console.log(`| ${rule} | ${n} |`);
  if (args.includes('--worst')) {
    const ours = results.find((r) => r.name === 'ours');
    if (ours) {
      const rows = Object.entries(ours.perPage).map(([id, s]) => ({ id, p: s.precision ?? 1, r: s.recall ?? 1 }));
      rows.sort((x, y) => x.p + x.r - (y.p + y.r));
      for (const row of rows.slice(0, 25)) console.log(`${row.id.slice(0, 12)} P=${f(row.p)} R=${f(row.r)}`);
    }
  }
  mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
  writeFileSync(
    path.join(ROOT, 'bench/out/extract.json'),
    JSON.stringify({ date: new Date().toISOString(), pages: pages.length, parser, results, seeds }, null, 2),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

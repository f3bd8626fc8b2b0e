/**
 * Per-article feature cost (`npm run bench:cluster-features`): CPU µs per article of featuresOf() and compactFast()
 * on the synthetic speed stream (ASCII pseudo-words, the probe's text) and on real news texts (SemEval pairs, the
 * extraction benchmark's article bodies, attribution articles). `--frozen` also times the frozen pre-session-4 copy
 * kept for the exactness test (test/cluster/frozen/), interleaved with the current code in one process, so the two
 * see the same machine load. Environment: REPS (timed passes per variant, default 7; min and median reported).
 * Prints a Markdown table and writes bench/out/cluster-features.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compactFast } from '../src/cluster/internal/compact.js';
import { type Features, featuresOf } from '../src/cluster/internal/features.js';
import { dfKeys, idfValue } from '../src/cluster/internal/idf.js';
import { readSimilarity, sharedDir, similarityTexts, splitTitle } from '../src/cluster/internal/streams.js';
import { syntheticStream } from '../src/cluster/internal/synthetic.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = sharedDir(root);
/** Timed passes over each text set per variant. */
const REPS = Number(process.env.REPS ?? 7);
/** Synthetic articles skipped first (the probe's store holds this many) and then timed. */
const SYNTHETIC_SKIP = 20_000;
const SYNTHETIC_TIMED = 2_000;
/** Attribution articles taken (the folder holds more; enough for a stable mean). */
const ATTRIBUTION_TAKEN = 300;

interface Doc {
  readonly title: string;
  readonly text: string;
  readonly published: string | null;
  readonly language: string | null;
}
interface Impl {
  readonly features: (d: Doc) => Features;
  readonly compact: (f: Features, idf: (k: string) => number) => Features;
}

function syntheticDocs(): Doc[] {
  const gen = syntheticStream(Number.MAX_SAFE_INTEGER);
  for (let i = 0; i < SYNTHETIC_SKIP; i++) gen.next();
  const docs: Doc[] = [];
  for (let i = 0; i < SYNTHETIC_TIMED; i++) {
    const a = gen.next().value;
    if (!a) break;
    docs.push({ title: a.title, text: a.text, published: a.published, language: 'xx' });
  }
  return docs;
}

/** Real texts; every other SemEval text gets a publication date so both date paths run. */
function realDocs(): Doc[] {
  const docs: Doc[] = [];
  if (existsSync(resolve(shared, 'bench/similarity'))) {
    for (const { text, lang } of similarityTexts(readSimilarity(shared))) {
      const { title, body } = splitTitle(text);
      docs.push({ title, text: body, published: docs.length % 2 ? '2020-05-01T10:00:00Z' : null, language: lang });
    }
  }
  const truth = resolve(shared, 'bench/extraction/ground-truth.json');
  if (existsSync(truth)) {
    for (const page of Object.values(JSON.parse(readFileSync(truth, 'utf8')) as Record<string, { articleBody: string }>)) {
      const [title = '', ...rest] = page.articleBody.split('\n');
      docs.push({ title, text: rest.join('\n'), published: null, language: 'en' });
    }
  }
  const attribution = resolve(shared, 'bench/attribution/text');
  if (existsSync(attribution)) {
    for (const name of readdirSync(attribution).sort().slice(0, ATTRIBUTION_TAKEN)) {
      const [title = '', ...rest] = readFileSync(resolve(attribution, name), 'utf8').split('\n');
      docs.push({ title, text: rest.join('\n'), published: '2016-10-01', language: 'en' });
    }
  }
  return docs;
}

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

function stats(xs: readonly number[]): { min: number; median: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0] ?? Number.NaN, median: s[Math.floor(s.length / 2)] ?? Number.NaN };
}

async function main() {
  const impls: [string, Impl][] = [['current', { features: (d) => featuresOf(d), compact: compactFast }]];
  if (process.argv.includes('--frozen')) {
    const frozenFeatures = await import('../test/cluster/frozen/features.js');
    const frozenCompact = await import('../test/cluster/frozen/compact.js');
    impls.unshift(['frozen (before)', { features: (d) => frozenFeatures.featuresOf(d), compact: frozenCompact.compactFast }]);
  }
  const sets: [string, Doc[]][] = [
    ['synthetic', syntheticDocs()],
    ['real', realDocs()],
  ];
  const rows: { set: string; texts: number; variant: string; features: { min: number; median: number }; compact: { min: number; median: number } }[] = [];
  for (const [set, docs] of sets) {
    if (docs.length === 0) {
      console.log(`(${set}: no texts found under ${shared}; skipped)`);
      continue;
    }
    // IDF over the set itself, looked up per key as the store's cells are (a Map lookup and a logarithm).
    const df = new Map<string, number>();
    for (const d of docs) for (const k of dfKeys(featuresOf(d))) df.set(k, (df.get(k) ?? 0) + 1);
    const idf = (k: string) => idfValue(df.get(k) ?? 0, docs.length);
    const times = impls.map(() => ({ features: [] as number[], compact: [] as number[] }));
    for (let rep = 0; rep < REPS; rep++) {
      impls.forEach(([, impl], v) => {
        let featureCpu = 0;
        let compactCpu = 0;
        for (const d of docs) {
          const t0 = cpuMicros();
          const f = impl.features(d);
          const t1 = cpuMicros();
          impl.compact(f, idf);
          featureCpu += t1 - t0;
          compactCpu += cpuMicros() - t1;
        }
        times[v]?.features.push(featureCpu / docs.length);
        times[v]?.compact.push(compactCpu / docs.length);
      });
    }
    impls.forEach(([variant], v) => {
      const t = times[v];
      if (t) rows.push({ set, texts: docs.length, variant, features: stats(t.features), compact: stats(t.compact) });
    });
  }
  console.log(`\n### Per-article feature CPU (µs per article; min / median of ${REPS} passes)\n`);
  console.log('| texts | n | code | featuresOf min | featuresOf median | compactFast min | compactFast median |');
  console.log('|---|---:|---|---:|---:|---:|---:|');
  const f1 = (x: number) => x.toFixed(1);
  for (const r of rows) {
    console.log(`| ${r.set} | ${r.texts} | ${r.variant} | ${f1(r.features.min)} | ${f1(r.features.median)} | ${f1(r.compact.min)} | ${f1(r.compact.median)} |`);
  }
  mkdirSync(resolve(root, 'bench/out'), { recursive: true });
  writeFileSync(resolve(root, 'bench/out/cluster-features.json'), `${JSON.stringify({ reps: REPS, rows }, null, 2)}\n`);
  console.log('\n(JSON in bench/out/cluster-features.json)');
}

await main();

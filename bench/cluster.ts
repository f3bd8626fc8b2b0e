/**
 * Clustering benchmark (`npm run bench:cluster`):
 *   1. pair similarity on ../shared/bench/similarity (Pearson against Overall, per language pair, cross-language link rates);
 *   2. clustering quality (BCubed) on the demo corpus (through the real pipeline), the five seed articles,
 *      and a stream built from the SemEval pairs; order agreement over shuffled arrival orders;
 *   3. speed (bench/cluster-speed.ts): assignment latency p50/p99, articles/s, peak memory at 100k and 1M stored articles.
 * Flags: --quick (skip speed), --speed-only, --sizes=100000,1000000, --sweep (threshold grid on the quality streams),
 *   --skip=similarity,demo,seeds,semeval, --from-source (speed through tsx instead of the tsc build). Environment: ORDERS (shuffled orders per stream, default 3), BUILD_MAX
 *   (articles assigned for real before the speed run replicates the state, default 100000).
 * Prints Markdown tables and writes bench/out/cluster.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { type ClusterOptions, type ClusterSignals, createClusterer, DEFAULT_OPTIONS } from '../src/cluster/index.js';
import { StoredBackgrounds } from '../src/cluster/internal/bgstore.js';
import { type BCubed, bcubed, pearson } from '../src/cluster/internal/eval.js';
import { loadDemoLabels, predicted } from '../src/cluster/internal/labelled.js';
import { pairScorer } from '../src/cluster/internal/pairs.js';
import { resetClusters } from '../src/cluster/internal/rebuild.js';
import { readSimilarity, semevalStream, sharedDir, splitTitle, storeBare } from '../src/cluster/internal/streams.js';
import { annotate, corpusReference } from '../src/extract/index.js';
import { lcg } from '../src/internal/random.js';
import { clusterSignals, ingestPaths } from '../src/pipeline.js';
import { listArticles } from '../src/store/articles.js';
import { openDatabase } from '../src/store/db.js';
import type { StoredArticle } from '../src/types.js';
import { speedBench } from './cluster-speed.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = sharedDir(root);
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const skipArg = args.find((a) => a.startsWith('--skip='));
const skip = new Set(skipArg ? skipArg.slice('--skip='.length).split(',') : []);
const sizesArg = args.find((a) => a.startsWith('--sizes='));
const SIZES = sizesArg ? sizesArg.slice('--sizes='.length).split(',').map(Number) : [100_000, 1_000_000];
/** Shuffled arrival orders per stream for the order-agreement measure. */
const ORDERS = Number(process.env.ORDERS ?? 3);

const out: Record<string, unknown> = {};
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const a = [...xs];
  const r = lcg(seed);
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Extract-stage signals per stored article, computed as the pipeline does (annotate → clusterSignals). */
function signalsFor(db: Database, articles: readonly StoredArticle[]): Map<string, ClusterSignals> {
  const reference = corpusReference(db);
  return new Map(
    articles.map((a) => [
      a.id,
      clusterSignals(annotate({ id: a.id, title: a.title, text: a.text, published: a.published, language: a.language }, { reference })),
    ]),
  );
}

/** Re-clusters every stored article in the given order with the given options (and extract signals when given). */
function recluster(db: Database, order: readonly StoredArticle[], options: Partial<ClusterOptions> = {}, signals?: Map<string, ClusterSignals>): void {
  resetClusters(db);
  const c = createClusterer(db, options);
  for (const a of order) db.transaction(() => c.assign(a, signals?.get(a.id)))();
}

function partition(db: Database): { event: Map<string, string>; story: Map<string, string> } {
  const rows = db.prepare('SELECT ae.article_id, ae.event_id, e.story_id FROM article_events ae JOIN events e ON e.id = ae.event_id').all() as {
    article_id: string;
    event_id: string;
    story_id: string;
  }[];
  return { event: new Map(rows.map((r) => [r.article_id, r.event_id])), story: new Map(rows.map((r) => [r.article_id, r.story_id])) };
}

// ---------------------------------------------------------------- 1. pair similarity
function similarityBench(): void {
  const rows = readSimilarity(shared);
  const pairs = pairScorer(rows);
  const feats = pairs.features;
  const backgrounds = pairs.backgrounds;
  const scored = rows.map((r) => ({ r, s: pairs.total(r) }));
  // The storyline-level score (dates ignored, as the clusterer scores an event against storylines): Overall asks
  // whether two reports cover the same story, which a follow-up weeks later does.
  const storyLevel = rows.map((r) => ({ r, s: pairs.total(r, false) }));
  // Pearson against −Overall, so that positive means "agrees" (Overall 1 = same story).
  const corr = (xs: typeof scored) =>
    pearson(
      xs.map((x) => x.s),
      xs.map((x) => -x.r.overall),
    );
  const same = scored.filter((x) => x.r.langA === x.r.langB);
  const cross = scored.filter((x) => x.r.langA !== x.r.langB);
  const linkRate = (xs: typeof scored, pick: (o: number) => boolean) => {
    const sel = xs.filter((x) => pick(x.r.overall));
    return sel.length ? sel.filter((x) => x.s >= DEFAULT_OPTIONS.eventThreshold).length / sel.length : Number.NaN;
  };
  const perPair = [...new Set(scored.map((x) => `${x.r.langA}-${x.r.langB}`))].sort().map((lp) => {
    const xs = scored.filter((x) => `${x.r.langA}-${x.r.langB}` === lp);
    return { pair: lp, n: xs.length, pearson: corr(xs) };
  });
  const junkTexts = [...feats.values()].filter((f) => f.junk).length;
  const languages = [...new Set([...feats.values()].map((f) => f.language ?? ''))].filter(Boolean).sort();
  const perLanguage = languages.map((l) => ({ language: l, pairs: backgrounds.count(l), background: backgrounds.background(l), scale: backgrounds.scale(l) }));
  const res = {
    pairs: rows.length,
    texts: feats.size,
    junkTexts,
    pearsonAll: corr(scored),
    pearsonSameLanguage: corr(same),
    pearsonCrossLanguage: corr(cross),
    storyLevel: {
      pearsonAll: corr(storyLevel),
      pearsonSameLanguage: corr(storyLevel.filter((x) => x.r.langA === x.r.langB)),
      pearsonCrossLanguage: corr(storyLevel.filter((x) => x.r.langA !== x.r.langB)),
    },
    crossLinkRecall: linkRate(cross, (o) => o <= 1.5),
    crossFalseLinkRate: linkRate(cross, (o) => o >= 3),
    sameLinkRecall: linkRate(same, (o) => o <= 1.5),
    sameFalseLinkRate: linkRate(same, (o) => o >= 3),
    perPair,
    backgrounds: perLanguage,
  };
  out.similarity = res;
  console.log('\n## Pair similarity (SemEval-2022 Task 8 sample, Pearson vs −Overall)\n');
  console.log('| subset | pairs | Pearson |\n|---|---:|---:|');
  console.log(`| all | ${rows.length} | ${f3(res.pearsonAll)} |`);
  console.log(`| same language | ${same.length} | ${f3(res.pearsonSameLanguage)} |`);
  console.log(`| cross language | ${cross.length} | ${f3(res.pearsonCrossLanguage)} |`);
  for (const p of perPair) console.log(`| ${p.pair} | ${p.n} | ${f3(p.pearson)} |`);
  console.log('\nText-cosine backgrounds (95th percentile of random same-language pairs; see background.ts):\n');
  console.log('| language | random pairs | background | text scale |\n|---|---:|---:|---:|');
  for (const b of perLanguage)
    console.log(`| ${b.language} | ${b.pairs} | ${b.background === null ? 'n/a' : b.background.toFixed(4)} | ${b.scale.toFixed(2)} |`);
  console.log(
    `\nTexts whose body restates too little of their headline (junk bodies, scored mostly on the headline; see junk.ts): ${junkTexts} of ${feats.size}.`,
  );
  console.log(
    `\nStoryline-level score (dates ignored): all ${f3(res.storyLevel.pearsonAll)}, same language ${f3(res.storyLevel.pearsonSameLanguage)}, cross language ${f3(res.storyLevel.pearsonCrossLanguage)}.`,
  );
  console.log(
    `\nLinks at the event threshold (${DEFAULT_OPTIONS.eventThreshold}): same-story pairs (Overall ≤ 1.5) linked — same language ${f3(res.sameLinkRecall)}, cross language ${f3(res.crossLinkRecall)}; different-story pairs (Overall ≥ 3) linked — same language ${f3(res.sameFalseLinkRate)}, cross language ${f3(res.crossFalseLinkRate)}.`,
  );
}

// ---------------------------------------------------------------- 2. clustering quality
interface Quality {
  event: BCubed;
  story: BCubed;
}

function demoBench(options: Partial<ClusterOptions> = {}, orders = ORDERS, print = true): { first: Quality; mean: Quality; agreement: number } | null {
  const corpus = resolve(root, 'demo/corpus');
  let gold: ReturnType<typeof loadDemoLabels>;
  try {
    gold = loadDemoLabels(corpus);
  } catch {
    console.log('demo corpus labels not found; skipping');
    return null;
  }
  const db = openDatabase(':memory:');
  ingestPaths(db, [gold.root]);
  const articles = listArticles(db);
  const signals = signalsFor(db, articles);
  const runs: { q: Quality; part: Map<string, string> }[] = [];
  for (let k = 0; k < orders; k++) {
    recluster(db, k === 0 ? articles : shuffle(articles, k), options, signals);
    const p = predicted(db, gold.root);
    runs.push({ q: { event: bcubed(gold.event, p.event), story: bcubed(gold.story, p.story) }, part: partition(db).event });
  }
  db.close();
  const mean = (pick: (q: Quality) => BCubed): BCubed => {
    const m = (k: keyof BCubed) => runs.reduce((s, r) => s + pick(r.q)[k], 0) / runs.length;
    return { precision: m('precision'), recall: m('recall'), f1: m('f1') };
  };
  const agreement = runs.length > 1 ? runs.slice(1).reduce((s, r) => s + bcubed(runs[0]!.part, r.part).f1, 0) / (runs.length - 1) : 1;
  const res = { first: runs[0]!.q, mean: { event: mean((q) => q.event), story: mean((q) => q.story) }, agreement };
  if (print) {
    out.demo = res;
    console.log('\n## Clustering quality: demo corpus (38 files, 37 stored after exact-duplicate skip; labels from demo/corpus/LABELS.json)\n');
    console.log('| level | order | BCubed P | BCubed R | BCubed F1 |\n|---|---|---:|---:|---:|');
    for (const [lvl, key] of [
      ['event', 'event'],
      ['storyline', 'story'],
    ] as const) {
      console.log(`| ${lvl} | file order | ${f3(res.first[key].precision)} | ${f3(res.first[key].recall)} | ${f3(res.first[key].f1)} |`);
      console.log(`| ${lvl} | mean of ${orders} orders | ${f3(res.mean[key].precision)} | ${f3(res.mean[key].recall)} | ${f3(res.mean[key].f1)} |`);
    }
    console.log(`\nOrder agreement (event partitions, BCubed F1 of each shuffled order against file order, mean): ${f3(agreement)}`);
  }
  return res;
}

function seedsBench(): void {
  const dir = resolve(shared, 'corpus/seeds');
  const db = openDatabase(':memory:');
  ingestPaths(db, [dir]);
  const articles = listArticles(db);
  const signals = signalsFor(db, articles);
  let ok = 0;
  const detail: string[] = [];
  const runs = 6;
  for (let k = 0; k < runs; k++) {
    recluster(db, k === 0 ? articles : shuffle(articles, k * 7), {}, signals);
    const p = partition(db);
    const byEvent = new Map<string, string[]>();
    for (const [a, e] of p.event) byEvent.set(e, [...(byEvent.get(e) ?? []), a]);
    const sizes = [...byEvent.values()].map((x) => x.length).sort((a, b) => b - a);
    const stories = new Set(p.story.values()).size;
    const pass = sizes.join('+') === '4+1' && stories === 1;
    if (pass) ok++;
    detail.push(`${sizes.join('+')} in ${stories} storyline(s)`);
  }
  db.close();
  out.seeds = { runs, pass: ok, detail };
  console.log(
    `\n## Seeds (5 real articles: 4 on one December meeting, 1 on the January one)\n\nExpected one 4-article event and one 1-article event in one storyline: ${ok}/${runs} arrival orders pass (${detail.join('; ')}).`,
  );
}

function semevalBench(options: Partial<ClusterOptions> = {}, orders = ORDERS, print = true): { q: BCubed; trapRate: number; agreement: number } {
  const stream = semevalStream(readSimilarity(shared));
  const db = openDatabase(':memory:');
  const stored = db.transaction(() =>
    stream.articles.map((a) => {
      const { title, body } = splitTitle(a.text);
      return storeBare(db, { id: `a${a.id}`, title, text: body, lang: a.lang, published: null });
    }),
  )();
  const runs: { q: BCubed; part: Map<string, string>; trapRate: number }[] = [];
  const gold = new Map([...stream.gold].map(([k, v]) => [`a${k}`, v]));
  // What the engine learnt online (file order): its per-language text backgrounds, to set beside the benchmark's sample.
  let learnt: { language: string; pairs: number; background: number | null; scale: number }[] = [];
  for (let k = 0; k < orders; k++) {
    recluster(db, k === 0 ? stored : shuffle(stored, k), options);
    if (k === 0) {
      const b = new StoredBackgrounds(db).backgrounds;
      learnt = Object.keys(b.toJSON())
        .sort()
        .map((l) => ({ language: l, pairs: b.count(l), background: b.background(l), scale: b.scale(l) }));
    }
    const part = partition(db).event;
    const trapped = stream.traps.filter(([x, y]) => part.get(`a${x}`) === part.get(`a${y}`)).length;
    runs.push({ q: bcubed(gold, part), part, trapRate: stream.traps.length ? trapped / stream.traps.length : 0 });
  }
  db.close();
  const q: BCubed = {
    precision: runs.reduce((s, r) => s + r.q.precision, 0) / runs.length,
    recall: runs.reduce((s, r) => s + r.q.recall, 0) / runs.length,
    f1: runs.reduce((s, r) => s + r.q.f1, 0) / runs.length,
  };
  const trapRate = runs.reduce((s, r) => s + r.trapRate, 0) / runs.length;
  const agreement = runs.length > 1 ? runs.slice(1).reduce((s, r) => s + bcubed(runs[0]!.part, r.part).f1, 0) / (runs.length - 1) : 1;
  if (print) {
    out.semevalStream = {
      articles: stream.articles.length,
      goldClusters: new Set(stream.gold.values()).size,
      traps: stream.traps.length,
      ...q,
      trapRate,
      agreement,
      backgrounds: learnt,
    };
    console.log(
      `\n## Clustering quality: SemEval stream (${stream.articles.length} articles, ${new Set(stream.gold.values()).size} gold clusters, ${stream.traps.length} same-topic traps)\n`,
    );
    console.log('| BCubed P | BCubed R | BCubed F1 | traps co-clustered | order agreement |\n|---:|---:|---:|---:|---:|');
    console.log(`| ${f3(q.precision)} | ${f3(q.recall)} | ${f3(q.f1)} | ${f3(trapRate)} | ${f3(agreement)} |`);
    console.log(
      '\nText-cosine backgrounds the engine learnt online (file order; 2 random same-language pairs per article once the store holds 300 documents):\n',
    );
    console.log('| language | random pairs | background | text scale |\n|---|---:|---:|---:|');
    for (const b of learnt) console.log(`| ${b.language} | ${b.pairs} | ${b.background === null ? 'n/a' : b.background.toFixed(4)} | ${b.scale.toFixed(2)} |`);
  }
  return { q, trapRate, agreement };
}

function sweep(): void {
  console.log('\n## Threshold sweep (event F1 demo / storyline F1 demo / SemEval stream F1)\n');
  console.log('| event thr | story thr | demo event F1 | demo story F1 | SemEval F1 | traps |\n|---:|---:|---:|---:|---:|---:|');
  const rows: unknown[] = [];
  for (const eventThreshold of [0.25, 0.3, 0.35]) {
    for (const storyThreshold of [0.15, 0.2, 0.25]) {
      const d = demoBench({ eventThreshold, storyThreshold }, 1, false);
      const s = semevalBench({ eventThreshold, storyThreshold }, 1, false);
      rows.push({ eventThreshold, storyThreshold, demo: d, semeval: s });
      console.log(
        `| ${eventThreshold} | ${storyThreshold} | ${f3(d?.first.event.f1 ?? Number.NaN)} | ${f3(d?.first.story.f1 ?? Number.NaN)} | ${f3(s.q.f1)} | ${f3(s.trapRate)} |`,
      );
    }
  }
  out.sweep = rows;
}

// ---------------------------------------------------------------- main
const started = Date.now();
if (!flag('speed-only')) {
  if (!skip.has('similarity')) similarityBench();
  if (!skip.has('demo')) demoBench();
  if (!skip.has('seeds')) seedsBench();
  if (!skip.has('semeval')) semevalBench();
  if (flag('sweep')) sweep();
}
if (!flag('quick') && !flag('sweep')) out.speed = await speedBench(root, SIZES, flag('from-source'));
mkdirSync(resolve(root, 'bench/out'), { recursive: true });
writeFileSync(
  resolve(root, 'bench/out/cluster.json'),
  JSON.stringify({ at: new Date().toISOString(), seconds: (Date.now() - started) / 1000, ...out }, null, 2),
);
console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s; JSON in bench/out/cluster.json)`);

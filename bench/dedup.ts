/**
 * Provenance benchmark (issue 4): accuracy per kind on a labelled set built from real articles,
 * and insert speed / index size / memory on synthetic stores, against a naive all-pairs baseline.
 *
 *   npx tsx bench/dedup.ts [--families N] [--sizes 10000,100000] [--naive 10000] [--skip-speed] [--skip-accuracy] [--sweep]
 *
 * Accuracy set: real articles from ../shared/bench (PolNeAR 2016 election articles from 7 outlets,
 * the extraction benchmark's article bodies). Each "family" takes one unused article as origin and
 * derives ONE text from it by a transform with a known label (below); every other unused article is
 * inserted untouched as a distractor (most are same-topic: US election coverage), and the SemEval
 * 2022 task 8 same-story pairs (human "Overall" ≤ 2, 10 languages) are inserted as same-topic
 * different articles that must not be linked. Everything is inserted in a shuffled order through
 * `createProvenance(db).add`, then the stored links are scored against the labels.
 *
 * Labels (the transform decides, the detector never sees it):
 *   exact   – same words, re-paragraphed, quotes and case changed
 *   near    – new short intro (≤ 12% of words) | tail cut (10–20% of sentences) | one-word edits in 30% of sentences
 *   partial – a local intro (70–120% of the kept length) over 60–85% of the original | truncation to 30–50%
 *   rewrite – sentences reordered locally, 15% dropped, clause order swapped in 30%, and 35% (or, "heavy",
 *             50%) of the remaining lower-case content words replaced by other words ("synonyms")
 *
 * Third block, realistic: the hand-written demo corpus (demo/corpus/articles, invented articles with
 * page leftovers, several formats and languages) ingested through the real pipeline and scored
 * against demo/corpus/LABELS.json → duplicates (see `runDemo`).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import { createProvenance, defaultProvenanceOptions, listDuplicates, type ProvenanceOptions } from '../src/dedup/index.js';
import { shingleHashes } from '../src/dedup/internal/doc.js';
import { bandScheme, estimateJaccard, signature } from '../src/dedup/internal/minhash.js';
import { words } from '../src/dedup/internal/text.js';
import { dedupSchema } from '../src/dedup/schema.js';
import { parseCsv } from '../src/internal/csv.js';
import { mulberry32 } from '../src/internal/random.js';
import { migrate } from '../src/store/migrate.js';
import type { DuplicateKind, StoredArticle } from '../src/types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = process.env.STORYLINE_SHARED ?? path.resolve(ROOT, '../shared');

// ---------------------------------------------------------------- helpers

function shuffle<T>(xs: T[], r: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

function pick<T>(xs: readonly T[], r: () => number): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** Minimal article table with the columns the provenance stage reads (no FTS: not this stage's cost). */
export function benchDb(file = ':memory:'): Database {
  const db = new BetterSqlite3(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.exec(`CREATE TABLE IF NOT EXISTS articles (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, text TEXT NOT NULL,
    paragraphs TEXT NOT NULL, published TEXT, title TEXT NOT NULL DEFAULT '')`);
  migrate(db, [dedupSchema]);
  return db;
}

const insertStatements = new WeakMap<Database, Statement<[string, string, string, string | null]>>();

export function storeArticle(db: Database, id: string, paragraphs: readonly string[], published: string | null): StoredArticle {
  const text = paragraphs.join('\n\n');
  let st = insertStatements.get(db);
  if (!st) {
    st = db.prepare<[string, string, string, string | null]>('INSERT INTO articles (id, text, paragraphs, published) VALUES (?, ?, ?, ?)');
    insertStatements.set(db, st);
  }
  const seq = Number(st.run(id, text, JSON.stringify(paragraphs), published).lastInsertRowid);
  return {
    id,
    seq,
    contentHash: id,
    canonicalUrl: null,
    path: null,
    url: null,
    title: '',
    outlet: null,
    author: null,
    published,
    modified: null,
    language: null,
    text,
    paragraphs: [...paragraphs],
    ingestedAt: '',
  };
}

// ---------------------------------------------------------------- real data

interface BaseArticle {
  readonly id: string;
  readonly paragraphs: string[];
}

/** Fewest words for an article to serve as an origin or distractor. */
const MIN_BASE_WORDS = 150;

/**
 * Real duplicates already in the source corpora (PolNeAR holds a few re-published articles) would
 * count as false positives. They are screened out with a method independent of the detector under
 * test: exact all-pairs containment of 8-word shingles; an article sharing at least 20% of its
 * 8-word shingles with an earlier one is dropped (the count is reported).
 */
const SCREEN_SHINGLE = 8;
const SCREEN_MAX_CONTAINMENT = 0.2;

function eightGrams(a: BaseArticle): Set<string> {
  const ws = words(a.paragraphs.join(' '));
  const sh = new Set<string>();
  for (let i = 0; i + SCREEN_SHINGLE <= ws.length; i++) sh.add(ws.slice(i, i + SCREEN_SHINGLE).join(' '));
  return sh;
}

/** Screens groups (an article, or a same-story pair) against every earlier kept group; returns the kept ones. */
function screenDuplicates<T extends readonly BaseArticle[]>(groups: readonly T[], owner = new Map<string, number>()): { kept: T[]; dropped: number } {
  const kept: T[] = [];
  let dropped = 0;
  groups.forEach((g, gi) => {
    const grams = g.map(eightGrams);
    const clash = grams.some((sh) => {
      const hits = new Map<number, number>();
      for (const s of sh) {
        const o = owner.get(s);
        if (o !== undefined) hits.set(o, (hits.get(o) ?? 0) + 1);
      }
      return [...hits.values()].some((n) => n / Math.max(1, sh.size) >= SCREEN_MAX_CONTAINMENT);
    });
    if (clash) {
      dropped++;
      return;
    }
    const key = owner.size + gi + 1e9;
    for (const sh of grams) for (const s of sh) if (!owner.has(s)) owner.set(s, key);
    kept.push(g);
  });
  return { kept, dropped };
}

/** 8-gram owners of the last loaded base pool, so same-story pairs are screened against it too. */
let poolOwners = new Map<string, number>();

export function loadBaseArticles(): BaseArticle[] {
  const out: BaseArticle[] = [];
  const dir = path.join(SHARED, 'bench/attribution/text');
  for (const f of readdirSync(dir).sort()) {
    const lines = readFileSync(path.join(dir, f), 'utf8')
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    out.push({ id: `polnear:${f}`, paragraphs: lines.slice(1) });
  }
  const truth = JSON.parse(readFileSync(path.join(SHARED, 'bench/extraction/ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  for (const id of Object.keys(truth).sort()) {
    out.push({
      id: `extraction:${id}`,
      paragraphs: truth[id]!.articleBody.split(/\n+/)
        .map((p) => p.trim())
        .filter(Boolean),
    });
  }
  const long = out.filter((a) => words(a.paragraphs.join(' ')).length >= MIN_BASE_WORDS);
  poolOwners = new Map();
  const { kept, dropped } = screenDuplicates(
    long.map((a) => [a] as const),
    poolOwners,
  );
  screenedOut = dropped;
  return kept.map((g) => g[0]);
}

/** Articles dropped by the duplicate screen in the last `loadBaseArticles` call. */
let screenedOut = 0;

/** Human "Overall" score at or below which a SemEval pair is the same story (1 = very similar, 4 = unrelated). */
const SAME_STORY_MAX_OVERALL = 2;

export function loadSameStoryPairs(): [BaseArticle, BaseArticle][] {
  const rows = parseCsv(readFileSync(path.join(SHARED, 'bench/similarity/semeval2022-task8-sample-train.csv'), 'utf8'));
  const toParas = (t: string) =>
    t
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean);
  const seen = new Set<string>();
  const pairs = rows
    .filter((r) => Number(r.Overall) <= SAME_STORY_MAX_OVERALL && r.text1?.trim() && r.text2?.trim())
    .filter((r) => {
      // a pair id listed twice, or a text id reused by another pair, is kept once
      const pairId = r.pair_id ?? '';
      const ids = pairId.split('_');
      if (seen.has(pairId) || ids.some((x) => seen.has(x))) return false;
      seen.add(pairId);
      for (const x of ids) seen.add(x);
      return true;
    })
    .map(
      (r) =>
        [
          { id: `semeval:${(r.pair_id ?? '').split('_')[0]}`, paragraphs: toParas(r.text1 ?? '') },
          { id: `semeval:${(r.pair_id ?? '').split('_')[1]}`, paragraphs: toParas(r.text2 ?? '') },
        ] as [BaseArticle, BaseArticle],
    );
  const { kept, dropped } = screenDuplicates(pairs, poolOwners);
  screenedOut += dropped;
  return kept;
}

// ---------------------------------------------------------------- transforms

const SENT = /(?<=[.!?]['"’”]?)\s+(?=["“‘']?[A-Z0-9])/;

function sentencesOf(paragraphs: readonly string[]): string[] {
  return paragraphs.flatMap((p) => p.split(SENT)).filter((s) => s.trim());
}

/** Regroups sentences into paragraphs of 2–3 sentences. */
function regroup(sents: readonly string[], r: () => number): string[] {
  const out: string[] = [];
  for (let i = 0; i < sents.length; ) {
    const n = 2 + Math.floor(r() * 2);
    out.push(sents.slice(i, i + n).join(' '));
    i += n;
  }
  return out;
}

function wordCount(sents: readonly string[]): number {
  return sents.reduce((n, s) => n + s.split(/\s+/).length, 0);
}

/** Sentences from `donor` until about `targetWords` words. */
function takeWords(donor: readonly string[], targetWords: number): string[] {
  const out: string[] = [];
  let n = 0;
  for (const s of donor) {
    if (n >= targetWords) break;
    out.push(s);
    n += s.split(/\s+/).length;
  }
  return out;
}

type Transform = (a: string[], donor: string[], vocab: readonly string[], r: () => number) => string[];

const CONTENT_WORD = /^[a-z][a-z'’-]{3,}$/;

function replaceWords(s: string, share: number, vocab: readonly string[], r: () => number): string {
  return s
    .split(' ')
    .map((w) => {
      const core = w.replace(/[^\p{L}'’-]/gu, '');
      if (!CONTENT_WORD.test(core) || r() >= share) return w;
      return w.replace(core, pick(vocab, r));
    })
    .join(' ');
}

function swapClauses(s: string): string {
  const k = s.indexOf(', ');
  if (k < 10 || k > s.length - 10) return s;
  const first = s.slice(0, k);
  const rest = s.slice(k + 2).replace(/[.!?]$/, '');
  return `${rest.charAt(0).toUpperCase()}${rest.slice(1)}, ${first.charAt(0).toLowerCase()}${first.slice(1)}.`;
}

export function paraphrase(share: number): Transform {
  return (a, _donor, vocab, r) => {
    const kept = a.filter(() => r() >= 0.15);
    const order = kept.map((s, i) => ({ s, k: i + r() * 3 })).sort((x, y) => x.k - y.k);
    return order.map(({ s }) => replaceWords(r() < 0.3 ? swapClauses(s) : s, share, vocab, r));
  };
}

export const TRANSFORMS: Record<string, { kind: DuplicateKind; make: Transform }> = {
  exact: { kind: 'exact', make: (a) => a.map((s) => s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'")) },
  'near-intro': {
    kind: 'near',
    make: (a, donor, _v, r) => [...takeWords(donor, Math.max(8, Math.floor(wordCount(a) * (0.04 + r() * 0.08)))).slice(0, 1), ...a],
  },
  'near-tail': { kind: 'near', make: (a, _d, _v, r) => a.slice(0, Math.max(3, Math.ceil(a.length * (0.8 + r() * 0.1)))) },
  'near-edit': {
    kind: 'near',
    make: (a, _d, vocab, r) =>
      a.map((s) => {
        if (r() >= 0.3) return s;
        const ws = s.split(' ');
        const at = Math.floor(r() * ws.length);
        const op = r();
        if (op < 0.4) ws[at] = pick(vocab, r);
        else if (op < 0.7 && ws.length > 4) ws.splice(at, 1);
        else ws.splice(at, 0, pick(vocab, r));
        return ws.join(' ');
      }),
  },
  'partial-intro': {
    kind: 'partial',
    make: (a, donor, _v, r) => {
      const n = Math.ceil(a.length * (0.6 + r() * 0.25));
      const start = Math.floor(r() * (a.length - n + 1));
      const kept = a.slice(start, start + n);
      return [...takeWords(donor, wordCount(kept) * (0.7 + r() * 0.5)), ...kept];
    },
  },
  'partial-trunc': { kind: 'partial', make: (a, _d, _v, r) => takeWords(a, wordCount(a) * (0.3 + r() * 0.2)) },
  rewrite: { kind: 'rewrite', make: paraphrase(0.35) },
  'rewrite-heavy': { kind: 'rewrite', make: paraphrase(0.5) },
};

// ---------------------------------------------------------------- accuracy

export interface AccuracyOptions {
  /** Families per transform. */
  readonly familiesPerTransform: number;
  /** Distractor articles (untouched real articles). */
  readonly distractors: number;
  /** SemEval same-story pairs inserted (both texts). */
  readonly sameStoryPairs: number;
  readonly seed: number;
  /** Provenance options under test (defaults otherwise). */
  readonly provenance: Partial<ProvenanceOptions>;
}

export const defaultAccuracyOptions: AccuracyOptions = { familiesPerTransform: 30, distractors: 300, sameStoryPairs: 1000, seed: 7, provenance: {} };

interface KindScore {
  kind: string;
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
}

export interface AccuracyResult {
  readonly articles: number;
  readonly perKind: KindScore[];
  readonly perTransform: { transform: string; gold: number; found: number; rightKind: number; recall: number }[];
  readonly copies: KindScore;
  readonly anyKind: KindScore;
  readonly originAccuracy: number;
  readonly sameStoryPairs: number;
  readonly screenedOut: number;
  readonly sameStoryCalledCopies: number;
  readonly sameStoryLinked: number;
  readonly falsePositives: { a: string; b: string; kind: string; score: number }[];
  readonly misclassified: { transform: string; copy: string; got: string; score: number; rule: string }[];
  readonly semevalLinks: { a: string; b: string; kind: string; score: number; sameStoryPair: boolean }[];
  readonly seconds: number;
}

interface Gold {
  readonly origin: string;
  readonly copy: string;
  readonly kind: DuplicateKind;
  readonly transform: string;
}

function pairKey(x: string, y: string): string {
  return x < y ? `${x}|${y}` : `${y}|${x}`;
}

function score(kind: string, gold: number, predicted: number, correct: number): KindScore {
  return { kind, gold, predicted, correct, precision: predicted ? correct / predicted : 1, recall: gold ? correct / gold : 1 };
}

export function runAccuracy(options: Partial<AccuracyOptions> = {}): AccuracyResult {
  const o = { ...defaultAccuracyOptions, ...options };
  const r = mulberry32(o.seed);
  const started = performance.now();
  const base = shuffle(loadBaseArticles(), r);
  const vocab = [...new Set(base.flatMap((a) => words(a.paragraphs.join(' ')).filter((w) => CONTENT_WORD.test(w))))].sort();
  const docs: { id: string; paragraphs: string[]; published: string | null }[] = [];
  const gold: Gold[] = [];
  const t0 = Date.UTC(2016, 0, 1);
  const hour = 3600 * 1000;
  let next = 0;
  const take = () => {
    if (next >= base.length) throw new Error(`only ${base.length} base articles: lower --families`);
    return base[next++]!;
  };
  /** 20% of articles have no publication date (as in the seeds); the rest are dated. */
  const date = (t: number) => (r() < 0.2 ? null : new Date(t).toISOString());
  for (const [name, t] of Object.entries(TRANSFORMS)) {
    for (let f = 0; f < o.familiesPerTransform; f++) {
      const orig = take();
      // two donor articles, so a long local intro never runs out of text
      const donor = [...sentencesOf(take().paragraphs), ...sentencesOf(take().paragraphs)];
      const at = t0 + f * 24 * hour + Math.floor(r() * 12) * hour;
      const sents = sentencesOf(orig.paragraphs);
      const derived = t.make(sents, donor, vocab, r);
      const oid = `${orig.id}`;
      const cid = `${name}:${orig.id}`;
      docs.push({ id: oid, paragraphs: orig.paragraphs, published: date(at) });
      docs.push({ id: cid, paragraphs: name === 'exact' ? regroup(derived, r) : regroup(derived, r), published: date(at + (1 + Math.floor(r() * 48)) * hour) });
      gold.push({ origin: oid, copy: cid, kind: t.kind, transform: name });
    }
  }
  const used = new Set(docs.map((d) => d.id));
  for (let i = 0; i < o.distractors && next < base.length; i++) {
    const a = take();
    if (!used.has(a.id)) docs.push({ id: a.id, paragraphs: a.paragraphs, published: date(t0 + Math.floor(r() * 365 * 24) * hour) });
  }
  const same = loadSameStoryPairs()
    .slice(0, o.sameStoryPairs)
    .filter(([x, y]) => !docs.some((d) => d.id === x.id || d.id === y.id));
  const sameKeys = new Set<string>();
  for (const [x, y] of same) {
    docs.push({ ...x, published: null }, { ...y, published: null });
    sameKeys.add(pairKey(x.id, y.id));
  }
  shuffle(docs, r);
  const db = benchDb();
  const stage = createProvenance(db, o.provenance);
  for (const d of docs) db.transaction(() => stage.add(storeArticle(db, d.id, d.paragraphs, d.published)))();
  const links = listDuplicates(db);
  const goldByPair = new Map(gold.map((g) => [pairKey(g.origin, g.copy), g]));
  const kinds: DuplicateKind[] = ['exact', 'near', 'partial', 'rewrite'];
  // links between two SemEval texts carry no derivation label (several same-story pairs are visibly
  // versions of one wire story); they are reported apart and left out of precision
  const scored = links.filter((l) => !(l.a.startsWith('semeval:') && l.b.startsWith('semeval:')));
  const perKind = kinds.map((k) => {
    const predicted = scored.filter((l) => l.kind === k);
    const correct = predicted.filter((l) => goldByPair.get(pairKey(l.a, l.b))?.kind === k).length;
    return score(k, gold.filter((g) => g.kind === k).length, predicted.length, correct);
  });
  const isCopy = (k: string) => k === 'exact' || k === 'near';
  const copyPred = scored.filter((l) => isCopy(l.kind));
  const copies = score(
    'exact+near',
    gold.filter((g) => isCopy(g.kind)).length,
    copyPred.length,
    copyPred.filter((l) => isCopy(goldByPair.get(pairKey(l.a, l.b))?.kind ?? '')).length,
  );
  const anyKind = score('any (related at all)', gold.length, scored.length, scored.filter((l) => goldByPair.has(pairKey(l.a, l.b))).length);
  const linkByPair = new Map(links.map((l) => [pairKey(l.a, l.b), l]));
  const perTransform = Object.keys(TRANSFORMS).map((t) => {
    const gs = gold.filter((g) => g.transform === t);
    const found = gs.filter((g) => linkByPair.has(pairKey(g.origin, g.copy)));
    const rightKind = found.filter((g) => linkByPair.get(pairKey(g.origin, g.copy))!.kind === g.kind);
    return { transform: t, gold: gs.length, found: found.length, rightKind: rightKind.length, recall: rightKind.length / gs.length };
  });
  const datedBoth = gold.filter((g) => {
    const l = linkByPair.get(pairKey(g.origin, g.copy));
    return l && docs.find((d) => d.id === g.origin)?.published && docs.find((d) => d.id === g.copy)?.published;
  });
  const originRight = datedBoth.filter((g) => linkByPair.get(pairKey(g.origin, g.copy))!.a === g.origin).length;
  const semevalOnly = (l: { a: string; b: string }) => l.a.startsWith('semeval:') && l.b.startsWith('semeval:');
  const fps = links.filter((l) => !goldByPair.has(pairKey(l.a, l.b)) && !semevalOnly(l));
  const wrong = gold.flatMap((g) => {
    const l = linkByPair.get(pairKey(g.origin, g.copy));
    return l && l.kind !== g.kind
      ? [{ transform: g.transform, copy: g.copy, got: l.kind, score: l.score, rule: l.evidence.rule }]
      : !l
        ? [{ transform: g.transform, copy: g.copy, got: 'none', score: 0, rule: '' }]
        : [];
  });
  const semevalLinks = links.filter(semevalOnly).map((l) => ({ a: l.a, b: l.b, kind: l.kind, score: l.score, sameStoryPair: sameKeys.has(pairKey(l.a, l.b)) }));
  const sameLinked = links.filter((l) => sameKeys.has(pairKey(l.a, l.b)));
  db.close();
  return {
    articles: docs.length,
    perKind,
    perTransform,
    copies,
    anyKind,
    originAccuracy: datedBoth.length ? originRight / datedBoth.length : 1,
    sameStoryPairs: same.length,
    screenedOut,
    sameStoryCalledCopies: sameLinked.filter((l) => l.kind !== 'rewrite').length,
    sameStoryLinked: sameLinked.length,
    falsePositives: fps.map((l) => ({ a: l.a, b: l.b, kind: l.kind, score: l.score })),
    misclassified: wrong,
    semevalLinks,
    seconds: (performance.now() - started) / 1000,
  };
}

// ---------------------------------------------------------------- demo corpus (realistic, hand-written)

/** The demo corpus: invented but realistically written articles with labelled duplicates (demo/corpus/LABELS.json). */
export const DEMO_CORPUS = path.join(ROOT, 'demo', 'corpus');

/** A labelled pair: `b` is a `kind` of `a` (so `a` is the origin); paths relative to the corpus root, `file#N` = record N. */
export interface LabelledPair {
  readonly a: string;
  readonly b: string;
  readonly kind: DuplicateKind;
}

export interface DemoLabels {
  readonly root?: string;
  readonly duplicates?: readonly LabelledPair[];
}

/** The article a label points at: through the ingest log, so a location stored as "already present" resolves too. */
export function resolveLabel(db: Database, root: string, label: string): string | null {
  const hash = label.lastIndexOf('#');
  const file = hash >= 0 ? label.slice(0, hash) : label;
  const record = hash >= 0 ? Number(label.slice(hash + 1)) : 0;
  const location = path.join(root, file);
  const logged = db
    .prepare('SELECT article_id FROM ingest_log WHERE location = ? AND record = ? AND article_id IS NOT NULL ORDER BY rowid DESC LIMIT 1')
    .pluck()
    .get(location, record) as string | undefined;
  if (logged) return logged;
  return (db.prepare('SELECT id FROM articles WHERE path = ? AND record = ?').pluck().get(location, record) as string | undefined) ?? null;
}

export interface DemoResult {
  readonly articles: number;
  readonly pairs: number;
  /** Labelled pairs stored as one article by ingest (byte-identical; only `exact` may). */
  readonly collapsed: number;
  readonly perKind: KindScore[];
  readonly anyKind: KindScore;
  /** Correctly linked pairs whose origin is the labelled `a`. */
  readonly rightDirection: number;
  readonly linked: number;
  readonly problems: string[];
  readonly seconds: number;
}

/**
 * Ingests the demo corpus through the real pipeline (clean → dedup → extract → cluster) into a fresh
 * database and scores the stored links against the labels: per kind, a link is correct when its
 * pair is labelled with that kind; direction counts the correct links whose origin is the labelled
 * source. Pairs collapsed by ingest into one article are reported, not scored. Null when the corpus is absent.
 * With `provenance` options, the links are rebuilt with them after ingest (used by `--sweep`).
 * The pipeline (NLP models included) is loaded only here, so the speed run's memory is the stage's alone.
 */
export async function runDemo(provenance: Partial<ProvenanceOptions> = {}, corpus = DEMO_CORPUS): Promise<DemoResult | null> {
  const labelFile = path.join(corpus, 'LABELS.json');
  let labels: DemoLabels;
  try {
    labels = JSON.parse(readFileSync(labelFile, 'utf8')) as DemoLabels;
  } catch {
    return null;
  }
  const { ingestPaths } = await import('../src/pipeline.js');
  const { openDatabase } = await import('../src/store/db.js');
  const started = performance.now();
  const root = path.join(corpus, labels.root ?? 'articles');
  const dir = mkdtempSync(path.join(tmpdir(), 'storyline-bench-demo-'));
  const db = openDatabase(path.join(dir, 'demo.db'));
  try {
    ingestPaths(db, [root]);
    if (Object.keys(provenance).length > 0) {
      // other thresholds (the sweep): drop the links and index the ingest made, and let a stage with
      // these options re-index every stored article (the backfill path of createProvenance)
      db.exec('DELETE FROM duplicates; DELETE FROM dedup_lsh; DELETE FROM dedup_lsh_recent; DELETE FROM dedup_meta; DELETE FROM dedup_repeats;');
      createProvenance(db, provenance);
    }
    const gold = new Map<string, { a: string; kind: DuplicateKind; label: string }>();
    let collapsed = 0;
    const problems: string[] = [];
    for (const p of labels.duplicates ?? []) {
      const a = resolveLabel(db, root, p.a);
      const b = resolveLabel(db, root, p.b);
      if (!a || !b) {
        problems.push(`not ingested: ${!a ? p.a : p.b}`);
        continue;
      }
      if (a === b) {
        collapsed++;
        if (p.kind !== 'exact') problems.push(`${p.kind} ${p.a} ~ ${p.b} stored as one article`);
        continue;
      }
      gold.set(pairKey(a, b), { a, kind: p.kind, label: `${p.a} → ${p.b}` });
    }
    const links = listDuplicates(db);
    const where = (id: string) => {
      const row = db.prepare('SELECT path, record FROM articles WHERE id = ?').get(id) as { path: string | null; record: number } | undefined;
      return row?.path ? `${path.relative(root, row.path)}${row.record ? `#${row.record}` : ''}` : id;
    };
    const kinds: DuplicateKind[] = ['exact', 'near', 'partial', 'rewrite'];
    const count = { gold: new Map<string, number>(), predicted: new Map<string, number>(), correct: new Map<string, number>() };
    const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
    for (const g of gold.values()) bump(count.gold, g.kind);
    let rightDirection = 0;
    let linkedRight = 0;
    const found = new Set<string>();
    for (const l of links) {
      bump(count.predicted, l.kind);
      const g = gold.get(pairKey(l.a, l.b));
      if (!g) {
        problems.push(`unlabelled ${l.kind} ${where(l.a)} ~ ${where(l.b)} (score ${l.score})`);
        continue;
      }
      found.add(pairKey(l.a, l.b));
      linkedRight++;
      if (g.kind === l.kind) bump(count.correct, l.kind);
      else problems.push(`${g.label}: labelled ${g.kind}, found ${l.kind}`);
      if (l.origin === g.a && l.a === g.a) rightDirection++;
      else problems.push(`${g.label}: origin is ${where(l.origin ?? l.a)}`);
    }
    for (const [k, g] of gold) if (!found.has(k)) problems.push(`missed ${g.kind} ${g.label}`);
    const perKind = kinds.map((k) => score(k, count.gold.get(k) ?? 0, count.predicted.get(k) ?? 0, count.correct.get(k) ?? 0));
    const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    return {
      articles,
      pairs: (labels.duplicates ?? []).length,
      collapsed,
      perKind,
      anyKind: score('any (related at all)', gold.size, links.length, linkedRight),
      rightDirection,
      linked: linkedRight,
      problems,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function demoTable(d: DemoResult): string {
  return [
    `Demo corpus (hand-written, demo/corpus) — ${d.articles} articles stored, ${d.pairs} labelled pairs (${d.collapsed} byte-identical, stored once by ingest: not scored), ${d.seconds.toFixed(1)} s`,
    '',
    '| kind | gold | predicted | correct | precision | recall |',
    '|---|---:|---:|---:|---:|---:|',
    ...[...d.perKind, d.anyKind].map((k) => `| ${k.kind} | ${k.gold} | ${k.predicted} | ${k.correct} | ${pct(k.precision)} | ${pct(k.recall)} |`),
    '',
    `Direction: ${d.rightDirection} of ${d.linked} correctly linked pairs point to the labelled origin.`,
    `Problems: ${d.problems.join('; ') || 'none'}.`,
  ].join('\n');
}

// ---------------------------------------------------------------- speed

/**
 * Synthetic vocabulary: lower-case words, capitalised names, and numbers, Zipf-like frequencies.
 * `articleSeed`: draw the articles from their own stream (the vocabulary still comes from `seed`).
 */
export function syntheticWriter(seed: number, articleSeed?: number) {
  let r = mulberry32(seed);
  const syll = ['ka', 'lo', 'mi', 'ren', 'to', 'sa', 'vel', 'di', 'nor', 'pa', 'qu', 'es', 'tan', 'bri', 'ol', 'um'];
  const word = () => Array.from({ length: 2 + Math.floor(r() * 3) }, () => pick(syll, r)).join('');
  const vocab = Array.from({ length: 40000 }, word);
  const names = Array.from({ length: 8000 }, () => {
    const w = word();
    return w.charAt(0).toUpperCase() + w.slice(1);
  });
  const zipf = (n: number) => Math.floor(n * r() ** 3);
  // a separate article stream over the same vocabulary (more articles "of the same store" without replaying it)
  if (articleSeed !== undefined) r = mulberry32(articleSeed);
  return (): string[] => {
    const paragraphs: string[] = [];
    const nPara = 4 + Math.floor(r() * 5);
    for (let p = 0; p < nPara; p++) {
      const sents: string[] = [];
      for (let s = 0, ns = 1 + Math.floor(r() * 3); s < ns; s++) {
        const len = 10 + Math.floor(r() * 16);
        const ws: string[] = [];
        for (let i = 0; i < len; i++) {
          const x = r();
          ws.push(x < 0.1 ? names[zipf(names.length)]! : x < 0.13 ? String(Math.floor(r() * 5000)) : vocab[zipf(vocab.length)]!);
        }
        sents.push(`${ws[0]!.charAt(0).toUpperCase()}${ws[0]!.slice(1)} ${ws.slice(1).join(' ')}.`);
      }
      paragraphs.push(sents.join(' '));
    }
    return paragraphs;
  };
}

export interface SpeedPoint {
  readonly stored: number;
  /** Inserts per second over the window just before this size (article row + provenance add). */
  readonly insertsPerSec: number;
  /** Provenance `add` calls per second over the same window (index query + verification + index insert). */
  readonly addsPerSec: number;
  /** Inserts per CPU-second of this process (the machine is shared; wall-clock rates vary with load). */
  readonly insertsPerCpuSec: number;
  readonly indexBytesPerArticle: number;
  readonly rssMb: number;
  readonly heapMb: number;
  readonly candidatesPerInsert: number;
  /** Share of verified candidates that came only from anchor-pair bands. */
  readonly anchorOnlyShare: number;
  readonly linksSoFar: number;
}

export interface NaiveResult {
  readonly size: number;
  readonly insertsPerSec: number;
  readonly insertsPerCpuSec: number;
}

export interface SpeedResult {
  readonly points: SpeedPoint[];
  readonly peakRssMb: number;
  readonly naive: NaiveResult | null;
}

/** Share of synthetic inserts that are edited copies of an earlier article (so verification runs too). */
const SYNTHETIC_COPY_SHARE = 0.01;
/**
 * Most inserts measured before a size: 6% of 1M. A merge comes every ~3.1% of the stored postings
 * (RECENT_SHARE 1/32), ~30,000 inserts at 1M; the former 20,000-insert window held one merge or none
 * depending on where the schedule fell (2026-11-21: 8 shingle bands put one at 994,618, 6 bands none
 * between 976,829 and ~1,007,000), so the 1M figure swung by ~25% for reasons of phase, not cost.
 * 60,000 covers about two merge periods, so merges count about at their average rate.
 */
const MAX_WINDOW = 60000;
/** Inserts per transaction in the speed run (the pipeline uses one per article; see the report). */
const BATCH = 1000;

function indexBytes(db: Database): number {
  const row = db.prepare("SELECT sum(pgsize) AS b FROM dbstat WHERE name IN ('dedup_lsh', 'dedup_lsh_recent', 'dedup_lsh_filter', 'dedup_meta')").get() as {
    b: number | null;
  };
  return row.b ?? 0;
}

export function runSpeed(sizes: readonly number[], naiveSize: number, seed = 11): SpeedResult {
  const dir = path.join(tmpdir(), `storyline-bench-dedup-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'speed.db');
  const db = benchDb(file);
  // a fixed 64 MB page cache: memory stays bounded whatever the store size
  db.pragma('cache_size = -65536');
  const stage = createProvenance(db);
  const write = syntheticWriter(seed);
  const r = mulberry32(seed + 1);
  const recent: string[][] = [];
  const points: SpeedPoint[] = [];
  let peakRss = 0;
  let stored = 0;
  const max = Math.max(...sizes);
  for (const target of [...sizes].sort((x, y) => x - y)) {
    const window = Math.min(MAX_WINDOW, Math.max(1000, Math.floor(target / 10)));
    while (stored < target) {
      const inWindow = stored >= target - window;
      const n = Math.min(BATCH, target - stored);
      const batch = Array.from({ length: n }, () => {
        if (recent.length > 0 && r() < SYNTHETIC_COPY_SHARE) {
          const src = pick(recent, r);
          return src.map((p, i) => (i === 0 ? `${p} Update.` : p));
        }
        const p = write();
        if (recent.length < 1000) recent.push(p);
        else recent[Math.floor(r() * recent.length)] = p;
        return p;
      });
      const cand0 = stage.stats.candidates;
      let addMs = 0;
      const cpu0 = process.cpuUsage();
      const t = performance.now();
      db.transaction(() => {
        for (const paras of batch) {
          stored++;
          const art = storeArticle(db, `s${stored}`, paras, null);
          const ta = performance.now();
          stage.add(art);
          addMs += performance.now() - ta;
        }
      })();
      const ms = performance.now() - t;
      const cpu = process.cpuUsage(cpu0);
      const rss = process.memoryUsage().rss / 1e6;
      peakRss = Math.max(peakRss, rss);
      if (inWindow) {
        windowAcc.ms += ms;
        windowAcc.cpuMs += (cpu.user + cpu.system) / 1000;
        windowAcc.addMs += addMs;
        windowAcc.n += n;
        windowAcc.cand += stage.stats.candidates - cand0;
      }
    }
    const mem = process.memoryUsage();
    points.push({
      stored: target,
      insertsPerSec: Math.round(windowAcc.n / (windowAcc.ms / 1000)),
      addsPerSec: Math.round(windowAcc.n / (windowAcc.addMs / 1000)),
      insertsPerCpuSec: Math.round(windowAcc.n / (windowAcc.cpuMs / 1000)),
      indexBytesPerArticle: Math.round(indexBytes(db) / stored),
      rssMb: Math.round(mem.rss / 1e6),
      heapMb: Math.round(mem.heapUsed / 1e6),
      candidatesPerInsert: Math.round((windowAcc.cand / windowAcc.n) * 100) / 100,
      anchorOnlyShare: Math.round((stage.stats.anchorOnlyCandidates / Math.max(1, stage.stats.candidates)) * 100) / 100,
      linksSoFar: stage.stats.links,
    });
    process.stderr.write(`  ${target} stored: ${points.at(-1)!.insertsPerSec}/s\n`);
    windowAcc.ms = windowAcc.addMs = windowAcc.cpuMs = windowAcc.n = windowAcc.cand = 0;
    if (target === max) break;
  }
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return { points, peakRssMb: Math.round(peakRss), naive: naiveSize > 0 ? runNaive(naiveSize, seed) : null };
}

const windowAcc = { ms: 0, addMs: 0, cpuMs: 0, n: 0, cand: 0 };

/** Naive baseline: every new article's MinHash signature compared with every stored one (in memory). */
export function runNaive(size: number, seed: number): NaiveResult {
  const write = syntheticWriter(seed);
  const scheme = bandScheme(1, 1, 16);
  const sigs: Int32Array[] = [];
  let near = 0;
  const t = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < size; i++) {
    const sig = signature(shingleHashes(words(write().join(' ')), 4), scheme.seeds);
    for (const s of sigs) if (estimateJaccard(s, sig) >= 0.6) near++;
    sigs.push(sig);
  }
  const sec = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (near < 0) console.log(near);
  return { size, insertsPerSec: Math.round(size / sec), insertsPerCpuSec: Math.round(size / ((cpu.user + cpu.system) / 1e6)) };
}

// ---------------------------------------------------------------- report

function pct(x: number): string {
  return x.toFixed(3);
}

export function accuracyTable(a: AccuracyResult): string {
  const lines = [
    `Accuracy — ${a.articles} articles inserted (${a.sameStoryPairs} SemEval same-story pairs among them), ${a.seconds.toFixed(1)} s`,
    '',
    '| kind | gold | predicted | correct | precision | recall |',
    '|---|---:|---:|---:|---:|---:|',
    ...[...a.perKind, a.copies, a.anyKind].map((k) => `| ${k.kind} | ${k.gold} | ${k.predicted} | ${k.correct} | ${pct(k.precision)} | ${pct(k.recall)} |`),
    '',
    '| transform | pairs | linked | right kind | recall |',
    '|---|---:|---:|---:|---:|',
    ...a.perTransform.map((t) => `| ${t.transform} | ${t.gold} | ${t.found} | ${t.rightKind} | ${pct(t.recall)} |`),
    '',
    `Source articles (or same-story pairs) dropped as real duplicates of another (screen: ≥ ${SCREEN_MAX_CONTAINMENT * 100}% shared ${SCREEN_SHINGLE}-word shingles): ${a.screenedOut}.`,
    `Same-story different articles (SemEval Overall ≤ ${SAME_STORY_MAX_OVERALL}): ${a.sameStoryCalledCopies} of ${a.sameStoryPairs} pairs called copies (exact/near/partial), ${a.sameStoryLinked} linked at all.`,
    `Origin (pairs where both are dated): ${pct(a.originAccuracy)} point to the true origin.`,
    `Links between two SemEval texts (unlabelled, not in precision): ${a.semevalLinks.length} (${a.semevalLinks.map((l) => `${l.kind}${l.sameStoryPair ? '' : ' cross-pair'}`).join(', ')}).`,
    `Missed or mis-kinded: ${a.misclassified.map((m) => `${m.transform}→${m.got}`).join(', ') || 'none'}.`,
    `Links outside the labels: ${a.falsePositives.length}${
      a.falsePositives.length
        ? ` (${a.falsePositives
            .slice(0, 30)
            .map((f) => `${f.kind} ${f.a} ~ ${f.b}`)
            .join('; ')})`
        : ''
    }`,
  ];
  return lines.join('\n');
}

export function speedTable(s: SpeedResult): string {
  const lines = [
    '| stored articles | inserts/s wall (article + provenance) | provenance add/s wall | inserts per CPU-second | candidates/insert | index bytes/article | RSS MB | heap MB |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...s.points.map(
      (p) =>
        `| ${p.stored} | ${p.insertsPerSec} | ${p.addsPerSec} | ${p.insertsPerCpuSec} | ${p.candidatesPerInsert} | ${p.indexBytesPerArticle} | ${p.rssMb} | ${p.heapMb} |`,
    ),
  ];
  if (s.naive)
    lines.push(
      '',
      `Naive all-pairs baseline (in-memory 16-value signatures, every pair compared) at ${s.naive.size}: ${s.naive.insertsPerSec} inserts/s wall, ${s.naive.insertsPerCpuSec} per CPU-second (average over the run; it falls as 1/n).`,
    );
  lines.push(`Peak RSS: ${s.peakRssMb} MB.`);
  return lines.join('\n');
}

/** One-parameter-at-a-time sweep around the defaults (`--sweep`): how each threshold was set. */
const SWEEP: Partial<Record<keyof ProvenanceOptions, number[]>> = {
  shingleSize: [3, 4, 5],
  nearMinJaccard: [0.5, 0.6, 0.7, 0.8],
  partialMinCoverage: [0.3, 0.5, 0.7],
  sentenceMinSimilarity: [0.3, 0.35, 0.4, 0.45, 0.5],
  rewriteMinCoverage: [0.3, 0.4, 0.5, 0.6, 0.7],
  rewriteMinAnchorJaccard: [0.1, 0.2, 0.3, 0.4],
  anchorBands: [2, 4, 6, 8],
  nameBands: [0, 2, 4, 6],
  nameRows: [2, 3, 4],
  partialMinRunSentences: [2, 3, 4, 5],
  partialMinRunCoverage: [0.15, 0.25, 0.35],
  sampleRate: [24, 48, 96],
};

async function runSweep(families: number): Promise<string> {
  const lines = [
    '| parameter | value | exact P/R | near P/R | partial P/R | rewrite P/R | same-story linked | demo P/R (any) | demo origins right |',
    '|---|---:|---|---|---|---|---:|---|---:|',
  ];
  for (const [name, values] of Object.entries(SWEEP)) {
    for (const v of values!) {
      const acc = runAccuracy({ familiesPerTransform: families, provenance: { [name]: v } });
      const pr = (k: string) => {
        const x = acc.perKind.find((p) => p.kind === k)!;
        return `${x.precision.toFixed(2)}/${x.recall.toFixed(2)}`;
      };
      const mark = defaultProvenanceOptions[name as keyof ProvenanceOptions] === v ? ' (default)' : '';
      const demo = await runDemo({ [name]: v });
      const demoCols = demo
        ? `${demo.anyKind.precision.toFixed(2)}/${demo.anyKind.recall.toFixed(2)}${demo.perKind.every((k) => k.precision === 1 && k.recall === 1) ? '' : ' (a kind below 1)'} | ${demo.rightDirection}/${demo.linked}`
        : 'n/a | n/a';
      lines.push(`| ${name} | ${v}${mark} | ${pr('exact')} | ${pr('near')} | ${pr('partial')} | ${pr('rewrite')} | ${acc.sameStoryLinked} | ${demoCols} |`);
      process.stderr.write(`${lines.at(-1)}\n`);
    }
  }
  return lines.join('\n');
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const out: Record<string, unknown> = { date: new Date().toISOString() };
  if (process.argv.includes('--sweep')) {
    console.log(await runSweep(Number(arg('--families') ?? defaultAccuracyOptions.familiesPerTransform)));
    return;
  }
  if (!process.argv.includes('--skip-accuracy')) {
    const families = Number(arg('--families') ?? defaultAccuracyOptions.familiesPerTransform);
    const acc = runAccuracy({ familiesPerTransform: families });
    console.log(accuracyTable(acc));
    out.accuracy = acc;
    const demo = await runDemo();
    console.log(demo ? `\n${demoTable(demo)}` : `\nDemo corpus not found under ${DEMO_CORPUS}: skipped.`);
    out.demo = demo;
  }
  if (!process.argv.includes('--skip-speed')) {
    const sizes = (arg('--sizes') ?? '10000,100000').split(',').map(Number);
    const sp = runSpeed(sizes, Number(arg('--naive') ?? 10000));
    console.log(`\nSpeed — synthetic articles (~250 words), ${BATCH} inserts per transaction\n`);
    console.log(speedTable(sp));
    out.speed = sp;
  }
  mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench/out/dedup.json'), JSON.stringify(out, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

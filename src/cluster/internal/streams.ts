/**
 * Labelled streams for the benchmark and the gate: the demo corpus ingested through the real pipeline,
 * and a stream built from the SemEval-2022 pairs (same story = connected components of pairs rated
 * Overall ≤ SAME_STORY_MAX; everything else apart).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { stmt } from '../../internal/stmts.js';
import { insertArticle } from '../../store/articles.js';
import type { StoredArticle } from '../../types.js';
import { parseCsv } from './eval.js';

/** Pairs rated at most this (1 = same story … 4 = unrelated) count as the same story; 1.5 = raters leaned "very similar". */
export const SAME_STORY_MAX = 1.5;
/** Pairs rated at least this are different stories; with shared places and names (≤ 2) they are same-topic traps. */
export const DIFFERENT_STORY_MIN = 3;
const TRAP_SHARED_MAX = 2;

export interface SimilarityRow {
  readonly a: string;
  readonly b: string;
  readonly langA: string;
  readonly langB: string;
  readonly textA: string;
  readonly textB: string;
  readonly overall: number;
  readonly geography: number;
  readonly entities: number;
}

export function sharedDir(repoRoot: string): string {
  return process.env.STORYLINE_SHARED ?? resolve(repoRoot, '../shared');
}

export function readSimilarity(shared: string): SimilarityRow[] {
  const rows = parseCsv(readFileSync(resolve(shared, 'bench/similarity/semeval2022-task8-sample-train.csv'), 'utf8'));
  return rows.map((r) => {
    const [a, b] = (r.pair_id ?? '').split('_');
    return {
      a: a!,
      b: b!,
      langA: r.lang1!,
      langB: r.lang2!,
      textA: r.text1!,
      textB: r.text2!,
      overall: Number(r.Overall),
      geography: Number(r.Geography),
      entities: Number(r.Entities),
    };
  });
}

export interface SemevalStream {
  readonly articles: { id: string; lang: string; text: string }[];
  readonly gold: Map<string, string>;
  /** Same-topic, different-story pairs. */
  readonly traps: [string, string][];
}

/**
 * The distinct texts of the similarity pairs, in order of first appearance. Some ids come with another text or
 * language in a later row (96 in the sample); the last one is kept, as the SemEval stream has always taken it.
 */
export function similarityTexts(rows: readonly SimilarityRow[]): { id: string; lang: string; text: string }[] {
  const texts = new Map<string, { id: string; lang: string; text: string }>();
  for (const r of rows) {
    texts.set(r.a, { id: r.a, lang: r.langA, text: r.textA });
    texts.set(r.b, { id: r.b, lang: r.langB, text: r.textB });
  }
  return [...texts.values()];
}

export function semevalStream(rows: readonly SimilarityRow[]): SemevalStream {
  const articles = similarityTexts(rows);
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const r of rows) if (r.overall <= SAME_STORY_MAX) parent.set(find(r.a), find(r.b));
  const gold = new Map<string, string>();
  for (const a of articles) gold.set(a.id, find(a.id));
  const traps = rows
    .filter((r) => r.overall >= DIFFERENT_STORY_MIN && r.geography <= TRAP_SHARED_MAX && r.entities <= TRAP_SHARED_MAX)
    .map((r) => [r.a, r.b] as [string, string]);
  return { articles: articles.sort((x, y) => (x.id < y.id ? -1 : 1)), gold, traps };
}

/**
 * Stores a bare article row (for streams that do not go through the pipeline), its full-text index written out.
 * FTS5 holds a new row's index in memory until the next savepoint or commit; in the pipeline the stages between
 * storing and clustering open one (their foreign-key inserts), so the flush is paid before the clusterer runs. Here
 * nothing comes between, and without the explicit flush it landed in the clusterer's first foreign-key insert
 * (article_events): ~8% of the measured assignment time was indexing the article's text (20k probe, 2026-11-21).
 */
export function storeBare(db: Database, a: { id: string; title: string; text: string; lang: string | null; published: string | null }): StoredArticle {
  const stored = insertBareRow(db, a);
  stmt(db, "INSERT INTO articles_fts(articles_fts) VALUES ('flush')").run();
  return stored;
}

function insertBareRow(db: Database, a: { id: string; title: string; text: string; lang: string | null; published: string | null }): StoredArticle {
  return insertArticle(db, {
    id: a.id,
    contentHash: `bench-${a.id}`,
    canonicalUrl: null,
    path: null,
    url: null,
    record: 0,
    title: a.title,
    outlet: null,
    author: null,
    published: a.published,
    modified: null,
    language: a.lang,
    text: a.text,
    paragraphs: [a.text],
    format: 'text',
    raw: '',
    meta: {},
    isArticle: true,
    removed: [],
  });
}

/** First line of a text as its title (SemEval texts start with the headline). */
export function splitTitle(text: string): { title: string; body: string } {
  const m = /^(.{10,200}?)(?:\s{2,}|\n)([\s\S]*)$/.exec(text);
  return m ? { title: m[1]!.trim(), body: m[2]! } : { title: text.slice(0, 80), body: text };
}

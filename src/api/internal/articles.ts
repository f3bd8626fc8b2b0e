/** Paginated article listing (the store exposes whole-table reads only). */
import type { Database } from 'better-sqlite3';
import type { PageParams } from './pagination.js';

export interface ArticleSummary {
  readonly id: string;
  readonly title: string;
  readonly outlet: string | null;
  readonly author: string | null;
  readonly published: string | null;
  readonly ingestedAt: string;
  readonly language: string | null;
  readonly url: string | null;
}

export interface ArticleFilter {
  readonly outlet?: string;
}

const SUMMARY_COLUMNS = 'id, title, outlet, author, published, ingested_at AS ingestedAt, language, url';

export function countArticles(db: Database, f: ArticleFilter = {}): number {
  const sql = f.outlet ? 'SELECT COUNT(*) AS n FROM articles WHERE outlet = ?' : 'SELECT COUNT(*) AS n FROM articles';
  return (db.prepare(sql).get(...(f.outlet ? [f.outlet] : [])) as { n: number }).n;
}

/** Newest first (by ingest order). */
export function listArticleSummaries(db: Database, p: PageParams, f: ArticleFilter = {}): ArticleSummary[] {
  const where = f.outlet ? 'WHERE outlet = ?' : '';
  const args: unknown[] = f.outlet ? [f.outlet, p.limit, p.offset] : [p.limit, p.offset];
  return db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles ${where} ORDER BY seq DESC LIMIT ? OFFSET ?`).all(...args) as ArticleSummary[];
}

export function summariesByIds(db: Database, ids: readonly string[]): ArticleSummary[] {
  if (ids.length === 0) return [];
  const stmt = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id = ?`);
  return ids.map((id) => stmt.get(id) as ArticleSummary | undefined).filter((a): a is ArticleSummary => a !== undefined);
}

/** New articles since `afterSeq`, with their storyline when already clustered (for live updates). */
export function articlesAfter(db: Database, afterSeq: number, limit: number): (ArticleSummary & { seq: number; storyId: string | null })[] {
  return db
    .prepare(
      `SELECT a.seq, a.id, a.title, a.outlet, a.author, a.published, a.ingested_at AS ingestedAt, a.language, a.url, e.story_id AS storyId
       FROM articles a LEFT JOIN article_events ae ON ae.article_id = a.id LEFT JOIN events e ON e.id = ae.event_id
       WHERE a.seq > ? ORDER BY a.seq LIMIT ?`,
    )
    .all(afterSeq, limit) as (ArticleSummary & { seq: number; storyId: string | null })[];
}

export function maxSeq(db: Database): number {
  return (db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM articles').get() as { n: number }).n;
}

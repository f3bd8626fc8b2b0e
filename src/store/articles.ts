import type { Database } from 'better-sqlite3';
import { stmt } from '../internal/stmts.js';
import type { RemovedBlock, StoredArticle } from '../types.js';

/** An article row ready to insert. */
export interface NewArticle extends Omit<StoredArticle, 'seq' | 'ingestedAt'> {
  readonly record: number;
  readonly format: string;
  readonly raw: string;
  readonly meta: Record<string, unknown>;
  readonly isArticle: boolean;
  readonly removed: readonly RemovedBlock[];
}

interface ArticleRow {
  seq: number;
  id: string;
  content_hash: string;
  canonical_url: string | null;
  path: string | null;
  url: string | null;
  title: string;
  outlet: string | null;
  author: string | null;
  published: string | null;
  modified: string | null;
  language: string | null;
  text: string;
  paragraphs: string;
  ingested_at: string;
}

const COLUMNS = 'seq, id, content_hash, canonical_url, path, url, title, outlet, author, published, modified, language, text, paragraphs, ingested_at';

function toArticle(r: ArticleRow): StoredArticle {
  return {
    id: r.id,
    seq: r.seq,
    contentHash: r.content_hash,
    canonicalUrl: r.canonical_url,
    path: r.path,
    url: r.url,
    title: r.title,
    outlet: r.outlet,
    author: r.author,
    published: r.published,
    modified: r.modified,
    language: r.language,
    text: r.text,
    paragraphs: JSON.parse(r.paragraphs) as string[],
    ingestedAt: r.ingested_at,
  };
}

/** Article already stored under this canonical URL, if any. */
export function findByCanonicalUrl(db: Database, canonicalUrl: string): string | null {
  const row = stmt(db, 'SELECT id FROM articles WHERE canonical_url = ?').get(canonicalUrl) as { id: string } | undefined;
  return row?.id ?? null;
}

/** Article already stored under the same content hash or canonical URL, if any. */
export function findExisting(db: Database, hash: string, canonicalUrl: string | null): string | null {
  const row = stmt(db, 'SELECT id FROM articles WHERE content_hash = ? OR (canonical_url IS NOT NULL AND canonical_url = ?)').get(hash, canonicalUrl) as
    | { id: string }
    | undefined;
  return row?.id ?? null;
}

/** Inserts an article and its removed blocks (call inside the article's transaction). */
export function insertArticle(db: Database, a: NewArticle): StoredArticle {
  const ingestedAt = new Date().toISOString();
  const info = stmt(
    db,
    `INSERT INTO articles (id, content_hash, canonical_url, path, url, record, title, outlet, author, published, modified, language, format, raw, text, paragraphs, meta, is_article, ingested_at)
       VALUES (@id, @contentHash, @canonicalUrl, @path, @url, @record, @title, @outlet, @author, @published, @modified, @language, @format, @raw, @text, @paragraphs, @meta, @isArticle, @ingestedAt)`,
  ).run({ ...a, paragraphs: JSON.stringify(a.paragraphs), meta: JSON.stringify(a.meta), isArticle: a.isArticle ? 1 : 0, ingestedAt });
  const insertRemoved = stmt(db, 'INSERT INTO removed_blocks (article_id, ord, rule, reason, text) VALUES (?, ?, ?, ?, ?)');
  a.removed.forEach((b, i) => {
    insertRemoved.run(a.id, i, b.rule, b.reason, b.text);
  });
  const { removed: _r, raw: _raw, meta: _m, record: _rec, format: _f, isArticle: _i, ...rest } = a;
  return { ...rest, seq: Number(info.lastInsertRowid), ingestedAt };
}

/** Sets a publication date inferred from the text, recording where it came from in the article's metadata. */
export function setInferredPublished(db: Database, id: string, published: string, evidence: readonly string[]): void {
  stmt(db, `UPDATE articles SET published = ?, meta = json_set(meta, '$.fieldSources.published', 'inferred', '$.publishedEvidence', json(?)) WHERE id = ?`).run(
    published,
    JSON.stringify(evidence),
    id,
  );
}

export function getArticle(db: Database, id: string): StoredArticle | null {
  const row = stmt(db, `SELECT ${COLUMNS} FROM articles WHERE id = ?`).get(id) as ArticleRow | undefined;
  return row ? toArticle(row) : null;
}

export function listArticles(db: Database, ids?: readonly string[]): StoredArticle[] {
  if (ids) return ids.map((id) => getArticle(db, id)).filter((a): a is StoredArticle => a !== null);
  return (db.prepare(`SELECT ${COLUMNS} FROM articles ORDER BY seq`).all() as ArticleRow[]).map(toArticle);
}

export function removedBlocks(db: Database, articleId: string): RemovedBlock[] {
  return stmt(db, 'SELECT rule, reason, text FROM removed_blocks WHERE article_id = ? ORDER BY ord').all(articleId) as RemovedBlock[];
}

export interface SearchHit {
  readonly id: string;
  readonly title: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly snippet: string;
  readonly rank: number;
}

/** Turns free text into an FTS5 query: each word quoted (so punctuation and operators are literal), all required. */
export function ftsQuery(text: string): string {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => `"${w}"`).join(' ');
}

/** Full-text search over titles and texts, best first. */
export function searchArticles(db: Database, text: string, limit = 20): SearchHit[] {
  const q = ftsQuery(text);
  if (!q) return [];
  return db
    .prepare(
      `SELECT a.id, a.title, a.outlet, a.published, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet, bm25(articles_fts, 5.0, 1.0) AS rank
       FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
       WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`,
    )
    .all(q, limit) as SearchHit[];
}

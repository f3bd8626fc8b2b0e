/** Paginated full-text search with snippets as structured segments (never markup). */
import type { Database } from 'better-sqlite3';
import { ftsQuery } from '../../store/articles.js';
import type { PageParams } from './pagination.js';

/** Private-use markers around matched words in FTS snippets; stripped from text before use. */
const HIT_OPEN = '\u{E000}';
const HIT_CLOSE = '\u{E001}';
/** Words of context in a snippet (FTS5 caps this at 64). */
const SNIPPET_TOKENS = 16;
/** bm25 column weights: a match in the title counts five times one in the body (same as the CLI search). */
const TITLE_WEIGHT = 5.0;
const TEXT_WEIGHT = 1.0;

export interface SnippetPart {
  readonly text: string;
  readonly hit: boolean;
}

export interface SearchResult {
  readonly id: string;
  readonly title: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly snippet: SnippetPart[];
  readonly rank: number;
}

/** Splits a marked snippet into plain and matched parts. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let hit = false;
  let buf = '';
  for (const ch of marked) {
    if (ch === HIT_OPEN || ch === HIT_CLOSE) {
      if (buf) parts.push({ text: buf, hit });
      buf = '';
      hit = ch === HIT_OPEN;
    } else buf += ch;
  }
  if (buf) parts.push({ text: buf, hit });
  return parts;
}

export function searchCount(db: Database, text: string): number {
  const q = ftsQuery(text);
  if (!q) return 0;
  return (db.prepare('SELECT COUNT(*) AS n FROM articles_fts WHERE articles_fts MATCH ?').get(q) as { n: number }).n;
}

export function searchPage(db: Database, text: string, p: PageParams): SearchResult[] {
  const q = ftsQuery(text);
  if (!q) return [];
  const rows = db
    .prepare(
      `SELECT a.id, a.title, a.outlet, a.published,
         snippet(articles_fts, 1, '${HIT_OPEN}', '${HIT_CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet,
         bm25(articles_fts, ${TITLE_WEIGHT}, ${TEXT_WEIGHT}) AS rank
       FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
       WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?`,
    )
    .all(q, p.limit, p.offset) as (Omit<SearchResult, 'snippet'> & { snippet: string })[];
  return rows.map((r) => ({ ...r, snippet: snippetParts(r.snippet) }));
}

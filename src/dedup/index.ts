import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { DuplicateKind, StoredArticle } from '../types.js';

/** A derivation link between two stored articles: `b` is a `kind` of `a`. */
export interface DuplicateLink {
  readonly a: string;
  readonly b: string;
  readonly kind: DuplicateKind;
  readonly score: number;
  /** Likely origin of the group the pair belongs to. */
  readonly origin: string | null;
  readonly evidence: Record<string, unknown>;
}

/** The provenance stage: checks a newly stored article against everything stored, records and returns its links. */
export interface ProvenanceStage {
  add(article: StoredArticle): DuplicateLink[];
}

function textKey(text: string): string {
  const norm = text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return createHash('sha256').update(norm).digest('hex');
}

/** Exact-copy detection by normalised text hash (near-copies and rewrites arrive with the provenance issue). */
export function createProvenance(db: Database): ProvenanceStage {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS text_keys (key TEXT NOT NULL, article_id TEXT NOT NULL)');
  const existing = db.prepare('SELECT id, text FROM articles WHERE id NOT IN (SELECT article_id FROM temp.text_keys)').all() as { id: string; text: string }[];
  const insertKey = db.prepare('INSERT INTO temp.text_keys (key, article_id) VALUES (?, ?)');
  for (const row of existing) insertKey.run(textKey(row.text), row.id);
  const findKey = db.prepare('SELECT article_id FROM temp.text_keys WHERE key = ? AND article_id != ?');
  const insertLink = db.prepare('INSERT OR REPLACE INTO duplicates (a, b, kind, score, origin, evidence) VALUES (?, ?, ?, ?, ?, ?)');
  return {
    add(article) {
      const key = textKey(article.text);
      insertKey.run(key, article.id);
      const links: DuplicateLink[] = [];
      for (const row of findKey.all(key, article.id) as { article_id: string }[]) {
        const link: DuplicateLink = { a: row.article_id, b: article.id, kind: 'exact', score: 1, origin: row.article_id, evidence: { rule: 'normalised text hash' } };
        insertLink.run(link.a, link.b, link.kind, link.score, link.origin, JSON.stringify(link.evidence));
        links.push(link);
      }
      return links;
    },
  };
}

/** Every stored duplicate link, optionally only those touching the given articles. */
export function listDuplicates(db: Database, articleIds?: readonly string[]): DuplicateLink[] {
  const rows = db.prepare('SELECT a, b, kind, score, origin, evidence FROM duplicates ORDER BY a, b').all() as {
    a: string; b: string; kind: DuplicateKind; score: number; origin: string | null; evidence: string;
  }[];
  const only = articleIds ? new Set(articleIds) : null;
  return rows
    .filter((r) => !only || only.has(r.a) || only.has(r.b))
    .map((r) => ({ ...r, evidence: JSON.parse(r.evidence) as Record<string, unknown> }));
}

/**
 * Copy links touching a set of articles, read through the `duplicates` indexes (the dedup stage's
 * `listDuplicates` scans the whole table, which costs ~8 ms per storyline page at 10,000 articles).
 */
import type { Database } from 'better-sqlite3';
import type { DuplicateKind } from '../../types.js';

/** A stored copy link without its evidence: `b` is a `kind` of `a`; `origin` is the family's likely origin when stored. */
export interface CopyLink {
  readonly a: string;
  readonly b: string;
  readonly kind: DuplicateKind;
  readonly score: number;
  readonly origin: string | null;
}

export function copyLinksTouching(db: Database, ids: readonly string[]): CopyLink[] {
  if (ids.length === 0) return [];
  const list = JSON.stringify(ids);
  const rows = db
    .prepare(
      `SELECT a, b, kind, score, origin FROM duplicates WHERE b IN (SELECT value FROM json_each(?))
       UNION SELECT a, b, kind, score, origin FROM duplicates WHERE a IN (SELECT value FROM json_each(?))
       ORDER BY a, b`,
    )
    .all(list, list) as CopyLink[];
  return rows;
}

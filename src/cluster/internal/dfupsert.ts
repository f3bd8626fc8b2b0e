/**
 * Adds counts to `cluster_df` rows (inserting the missing ones) with multi-row statements: one
 * `INSERT … VALUES (?, ?), (?, ?), … ON CONFLICT DO UPDATE` per chunk instead of one statement call per key. The
 * chunks are powers of two up to DF_UPSERT_ROWS_MAX, so a handful of prepared statements serve every batch size
 * (a 55-key fold slice is 32 + 16 + 4 + 2 + 1 rows). A statement that writes its rows in key order also keeps its
 * cursor near the last row, where a run of separate statements seeks from the root every time.
 */
import type { Database, Statement } from 'better-sqlite3';

/**
 * Most rows one statement upserts (a power of two). Swept on a copy of the 20k probe store, 55-key slices of a
 * fold snapshot's sorted keys, min wall µs per slice over 7 rounds (2026-11-21): one statement per key 53.7;
 * chunks ≤ 8: 37.3, ≤ 16: 35.1, ≤ 32: 34.3, ≤ 64: 34.7 (one statement of the exact slice size: 32.0, but it
 * prepares a statement for every size it meets). 32: past it the gain is flat.
 */
export const DF_UPSERT_ROWS_MAX = 32;

export class DfUpsert {
  /** Statements by log2 of their row count, prepared on first use. */
  private readonly bySize: (Statement | undefined)[] = [];

  constructor(private readonly db: Database) {}

  private statement(log2: number): Statement {
    const hit = this.bySize[log2];
    if (hit) return hit;
    const rows = new Array<string>(1 << log2).fill('(?, ?)').join(', ');
    const s = this.db.prepare(`INSERT INTO cluster_df (key, df) VALUES ${rows} ON CONFLICT(key) DO UPDATE SET df = df + excluded.df`);
    this.bySize[log2] = s;
    return s;
  }

  /**
   * Adds `counts[i]` to the row of `keys[i]` for i in [from, to). The keys must be distinct (two rows of one statement
   * may not name the same key); pass them sorted to write each page once.
   */
  add(keys: readonly string[], counts: readonly number[], from = 0, to = keys.length): void {
    let i = from;
    let log2 = Math.log2(DF_UPSERT_ROWS_MAX);
    while (i < to) {
      while (1 << log2 > to - i) log2--;
      const rows = 1 << log2;
      const args = new Array<string | number>(2 * rows);
      for (let j = 0; j < rows; j++) {
        args[2 * j] = keys[i + j] as string;
        args[2 * j + 1] = counts[i + j] as number;
      }
      this.statement(log2).run(args);
      i += rows;
    }
  }
}

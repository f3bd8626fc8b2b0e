/**
 * How document-frequency counts reach `cluster_df` without one row update per key per article, and without a
 * long pause: each article appends its keys to `cluster_df_log` (one row), and the journal is folded into
 * `cluster_df` a slice at a time. Every DF_FOLD_EVERY articles the counts journalled so far become a snapshot;
 * over the next DF_FOLD_SPREAD articles each article folds the next slice of the snapshot's keys in sorted order
 * (a contiguous key range, so a slice rewrites few cluster_df pages), and when the last slice is in, the
 * snapshot's journal rows are deleted. A slice is written by dfupsert.ts (an UPDATE per key, an INSERT for
 * a key not in cluster_df yet).
 *
 * The progress is one `cluster_meta` row (FOLD_META): the last journal row of the snapshot and the last key folded.
 * A key's stored count is its `cluster_df` row plus the journal rows that still count for it: rows after the
 * snapshot, and the snapshot's rows for keys sorted after the last folded key. A new process reads that back
 * exactly (`read`). All writes happen inside the caller's (the article's) transaction.
 */
import type { Database, Statement } from 'better-sqlite3';
import { DfUpsert } from './dfupsert.js';

/**
 * Articles journalled before their counts are folded. Folding all at once every 64 articles (the previous scheme)
 * paused one article in 64 for ~8–19 ms on the 20k speed store (~5.8k distinct keys, 90 row updates per article)
 * and wrote 5.4 cluster_df WAL pages per article. Spread over the next interval, a fold costs no pause, and a
 * longer interval folds a common word once per interval instead of once per 64 articles. Measured on the 20k
 * probe store (2026-11-21; row updates per article / WAL pages of cluster_df per article / p99 of the count
 * update): 128: 68 / – / 2.5 ms; 256: 55 / 2.65 / 1.3 ms; 512: 44 / – / 0.6 ms. The cost of a longer interval is
 * the journal a process reads back at start and after a rollback or another process's write (up to two intervals).
 * Session 5 (2026-11-21), once the fold's row writes had become the largest part of the upkeep: 1024 against 256 on
 * the paired probe (both builds in one process, same stream) gave +4.9% and +3.7% assignments per CPU-second (the
 * two orders), with the same assignments; reading back 2,048 journal rows of the synthetic stream takes 29–46 ms
 * (512 rows: 8–19 ms), which is why the interval stops at 1024. That read happens whenever a ClusterState is made or
 * reset: at process start, for each `storyline why` explanation and human edit (readers.ts, decisions.ts), after a
 * rollback, and, with two processes writing the same store, each time the other one has written (then the whole
 * clusterer cache is dropped anyway). Catching up on the rows appended since (the fold moves counts from the journal
 * to cluster_df without changing any total) would make those cheap at any interval; not done yet.
 */
export const DF_FOLD_EVERY = 1024;
/** Articles over which one snapshot is folded (a slice each); equal to the interval so the journal holds ≤ 2 intervals. */
export const DF_FOLD_SPREAD = 1024;
/** The cluster_meta row holding the fold's progress (JSON of FoldMark). */
const FOLD_META = 'df_fold';

/** Fold progress as stored. `steps` counts fold steps by any process (another's step invalidates our view). */
interface FoldMark {
  readonly steps: number;
  /** Journal rows with seq ≤ upTo belong to the snapshot being folded (absent: none). */
  readonly upTo?: number;
  /** The snapshot's keys ≤ after (UTF-16 order, as Array.prototype.sort) are already in cluster_df. */
  readonly after?: string;
  /**
   * The last journal seq given out. Journal rows are numbered from here, not from the table's largest seq, so a
   * journal emptied behind the mark (rebuild.ts clears the table but not cluster_meta) never reuses seqs ≤ upTo.
   */
  readonly lastSeq?: number;
}

interface Snapshot {
  readonly upTo: number;
  /** Keys still to fold, sorted; `counts[i]` is the snapshot count of `keys[i]`. */
  readonly keys: string[];
  readonly counts: number[];
  next: number;
  /** Keys folded per article. */
  readonly slice: number;
}

export class DfJournal {
  /**
   * Journal counts not yet in cluster_df, by key. Tried and reverted (2026-11-21): the counts as mutable boxes held by
   * the cells, so counting an article updates a property per key instead of a get and a set in this map; paired
   * probe (both builds in one process, alternating blocks) 649 → 633 and 632 → 631 assignments per CPU-second.
   */
  readonly pending = new Map<string, number>();
  /** Journal rows after the snapshot (or all of them when none is being folded). */
  private since = 0;
  private snap: Snapshot | null = null;
  private steps = 0;
  /** The last journal seq given out (see FoldMark.lastSeq). */
  private lastSeq = 0;
  /** FOLD_META as last read or written here. */
  private seen: string | undefined;
  private readonly s: Record<'journal' | 'rows' | 'dropUpTo' | 'dropAll' | 'mark' | 'setMark', Statement>;
  private readonly upsert: DfUpsert;

  constructor(db: Database) {
    this.upsert = new DfUpsert(db);
    this.s = {
      // After the last seq given out, and after any row already there (another process may have written since).
      journal: db.prepare('INSERT INTO cluster_df_log (seq, keys) VALUES (max(?, (SELECT IFNULL(MAX(seq), 0) + 1 FROM cluster_df_log)), ?)'),
      rows: db.prepare('SELECT seq, keys FROM cluster_df_log ORDER BY seq'),
      dropUpTo: db.prepare('DELETE FROM cluster_df_log WHERE seq <= ?'),
      dropAll: db.prepare('DELETE FROM cluster_df_log'),
      mark: db.prepare('SELECT value FROM cluster_meta WHERE key = ?').pluck(),
      setMark: db.prepare('INSERT INTO cluster_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    };
    this.read();
  }

  private storedMark(): string | undefined {
    return this.s.mark.get(FOLD_META) as string | undefined;
  }

  /** Whether another process folded since we last read the journal. */
  changedElsewhere(): boolean {
    return this.storedMark() !== this.seen;
  }

  /** Reads the journal and the fold's progress back from the store (forgetting what memory held). */
  read(): void {
    this.seen = this.storedMark();
    const mark = this.seen === undefined ? { steps: 0 } : (JSON.parse(this.seen) as FoldMark);
    this.steps = mark.steps;
    this.pending.clear();
    this.since = 0;
    this.snap = null;
    const upTo = mark.upTo ?? 0;
    const after = mark.after ?? '';
    const counts = new Map<string, number>();
    this.lastSeq = mark.lastSeq ?? 0;
    for (const r of this.s.rows.all() as { seq: number; keys: string }[]) {
      this.lastSeq = Math.max(this.lastSeq, r.seq);
      const inSnapshot = mark.upTo !== undefined && r.seq <= upTo;
      if (!inSnapshot) this.since++;
      for (const k of JSON.parse(r.keys) as string[]) {
        if (inSnapshot) {
          if (k <= after) continue;
          counts.set(k, (counts.get(k) ?? 0) + 1);
        }
        this.pending.set(k, (this.pending.get(k) ?? 0) + 1);
      }
    }
    if (mark.upTo !== undefined) {
      // Finish on the original schedule: the articles left of the spread share the keys left.
      this.snap = snapshot(upTo, counts, Math.max(1, DF_FOLD_SPREAD - this.since));
    }
  }

  /** Journals one article's distinct keys and folds the next slice (or starts a snapshot when one is due). */
  record(keys: readonly string[]): void {
    for (const k of keys) this.pending.set(k, (this.pending.get(k) ?? 0) + 1);
    const seq = Number(this.s.journal.run(this.lastSeq + 1, JSON.stringify(keys)).lastInsertRowid);
    this.lastSeq = seq;
    this.since++;
    if (!this.snap && this.since >= DF_FOLD_EVERY) {
      // Everything pending is in rows ≤ seq: the previous snapshot's rows are folded and gone.
      this.snap = snapshot(seq, this.pending, DF_FOLD_SPREAD);
      this.since = 0;
    }
    if (this.snap) this.step(this.snap);
  }

  private step(snap: Snapshot): void {
    const end = Math.min(snap.keys.length, snap.next + snap.slice);
    this.upsert.add(snap.keys, snap.counts, snap.next, end);
    for (let i = snap.next; i < end; i++) {
      const k = snap.keys[i] as string;
      const left = (this.pending.get(k) as number) - (snap.counts[i] as number);
      if (left > 0) this.pending.set(k, left);
      else this.pending.delete(k);
    }
    snap.next = end;
    this.steps++;
    if (end >= snap.keys.length) {
      this.s.dropUpTo.run(snap.upTo);
      this.snap = null;
      this.writeMark({ steps: this.steps });
    } else this.writeMark({ steps: this.steps, upTo: snap.upTo, after: snap.keys[end - 1] as string });
  }

  /** Folds everything journalled into cluster_df now (one row update per distinct key) and empties the journal. */
  foldAll(): void {
    const keys = [...this.pending.keys()].sort();
    this.upsert.add(
      keys,
      keys.map((k) => this.pending.get(k) as number),
    );
    this.s.dropAll.run();
    this.pending.clear();
    this.snap = null;
    this.since = 0;
    this.steps++;
    this.writeMark({ steps: this.steps });
  }

  private writeMark(mark: FoldMark): void {
    // Another process's steps count too, so two processes never write the same mark for different states.
    const stored = this.storedMark();
    const theirs = stored === undefined ? 0 : (JSON.parse(stored) as FoldMark).steps;
    const value = JSON.stringify({ ...mark, steps: Math.max(mark.steps, theirs + 1), lastSeq: this.lastSeq });
    this.steps = Math.max(mark.steps, theirs + 1);
    this.s.setMark.run(FOLD_META, value);
    this.seen = value;
  }
}

/** A snapshot of `counts` (copied), its keys sorted, folded over `articles` articles. */
function snapshot(upTo: number, counts: ReadonlyMap<string, number>, articles: number): Snapshot {
  const keys = [...counts.keys()].sort();
  return { upTo, keys, counts: keys.map((k) => counts.get(k) as number), next: 0, slice: Math.max(1, Math.ceil(keys.length / articles)) };
}

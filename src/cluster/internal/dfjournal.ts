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
import { decodeKeys, encodeKeys } from './dfrow.js';
import { DfUpsert } from './dfupsert.js';

/**
 * Articles journalled before their counts are folded. Folding all at once every 64 articles (the previous scheme)
 * paused one article in 64 for ~8–19 ms on the 20k speed store (~5.8k distinct keys, 90 row updates per article)
 * and wrote 5.4 cluster_df WAL pages per article. Spread over the next interval, a fold costs no pause, and a
 * longer interval folds a common word once per interval instead of once per 64 articles. Measured on the 20k
 * probe store (2026-11-21; row updates per article / WAL pages of cluster_df per article / p99 of the count
 * update): 128: 68 / – / 2.5 ms; 256: 55 / 2.65 / 1.3 ms; 512: 44 / – / 0.6 ms. The cost of a longer interval is
 * the journal a process reads back at start and after a rollback or another process's write (up to DF_FOLD_EVERY + DF_FOLD_SPREAD rows).
 * Session 5 (2026-11-21), once the fold's row writes had become the largest part of the upkeep: 1024 against 256 on
 * the paired probe (both builds in one process, same stream) gave +4.9% and +3.7% assignments per CPU-second (the
 * two orders), with the same assignments; reading back 2,048 journal rows of the synthetic stream takes 29–46 ms
 * (512 rows: 8–19 ms), which is why the interval stopped at 1024 (session 6: 3072, see DF_FOLD_SPREAD). That read happens whenever a ClusterState is made or
 * reset: at process start, for each `storyline why` explanation and human edit (readers.ts, decisions.ts), after a
 * rollback, and, with two processes writing the same store, each time the other one has written (then the whole
 * clusterer cache is dropped anyway). Since session 5 the last case catches up instead (`catchUp`: only the rows
 * appended since our last seq, and the other process's slices of the snapshot we hold; the fold moves counts from the
 * journal to cluster_df without changing any total). Measured 2026-11-21 (/tmp/h6-s5/micro.mjs, 55 keys per article,
 * ~1,940-row journal, snapshot part-way): full read 12.3 ms CPU, catch-up after one article of the other 0.58 ms,
 * with nothing new 0.06 ms; two Clusterers alternating on the 20k probe store (1,832-row journal): 40.6 / 41.3 →
 * 8.4 / 8.3 ms CPU per article, and 6.4 / 6.1 once the df cells were kept too (dfcells.ts catchUp), same assignments.
 * Process start, `why`, human edits (a changed generation) and the engine's clearCaches after a failed article still
 * read it all; ClusterState.sync still drops the profile, postings and background caches when another process wrote.
 */
export const DF_FOLD_EVERY = 3072;
/**
 * Articles over which one snapshot is folded (a slice each): the journal holds at most DF_FOLD_EVERY + DF_FOLD_SPREAD
 * rows. Session 6 (2026-11-21), intervals longer than the spread: the other articles fold nothing. Distinct keys per
 * article of the synthetic stream (149.7 keys each; /tmp/h1-s6/win.mjs) in windows of 1024 / 2048 / 4096 articles:
 * 33.1 / 25.1 / 17.0, so each doubling of the interval saves about a quarter of the row updates, and fewer articles
 * write a fold mark. DfCells.increment alone on a copy of the 100k store's df tables (/tmp/h1-s6/mdf.mjs, two builds
 * alternating, whole fold periods measured), CPU: 2048/1024 against 1024/1024 −10%/−10%/−13%/−15%; 3072/1024 against
 * 2048/1024 −13%/−12%; 4096/1024 against 1024/1024 −17% to −25%. Paired 100k probe: see the commits. The price is the
 * journal read back whole (process start, `why`, human edits, rollbacks), CPU half-way through a fold with the joined
 * rows (dfrow.ts; /tmp/h1-s6/readback2.mjs): 1024/1024 (1,536 rows, JSON as before) 22.9 / 22.1 ms, 2048/1024 (2,560
 * rows) 34.3 / 33.4, 3072/1024 (3,584 rows) 41.1, 4096/1024 (4,608 rows) 61.7; 3072 stops there.
 */
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
  /** Journal rows the snapshot covers (deleted when its last slice is in). */
  readonly rows: number;
}

/**
 * A key's journal count not yet in cluster_df. While a key has a df cell (dfcells.ts) the cell is its entry: a key's
 * cell is either its `pending` entry or, with `pend` 0, in no entry, so counting an article raises `pend` on the cell
 * and touches the map only for a key that had nothing pending.
 */
export interface PendingCount {
  pend: number;
}

export class DfJournal {
  /**
   * Journal counts not yet in cluster_df, by key; every entry's `pend` is above 0 (an entry is deleted when it falls to
   * 0, and its `pend` zeroed when the map is cleared). Session 5 (2026-11-21) tried the counts as mutable boxes held by
   * the cells beside a map of numbers (no gain on the paired probe: 649 → 633 and 632 → 631 assignments per CPU-second);
   * session 7 makes the cell the entry itself, so the map is not read or written per key at all in steady state (the
   * line profile of the 100k probe billed 1.65% of all CPU to the get and set per key; paired figures in the commit).
   */
  readonly pending = new Map<string, PendingCount>();
  /** How many times the whole journal was read back (at construction, `read`, or a catch-up that could not be cheap). */
  fullReads = 0;
  /** Journal rows after the snapshot (or all of them when none is being folded). */
  private since = 0;
  private snap: Snapshot | null = null;
  /**
   * A snapshot read back from the store but not sorted yet (`sorted` builds it): a process that only reads (a `why`
   * explanation, a human edit) never folds, and sorting the snapshot's keys was the largest part of `read` early in a
   * snapshot. /tmp/h6-s5/micro.mjs (2026-11-21; 55 keys per article, 1,120-row journal, snapshot just begun): read
   * 19.3 / 17.0 → 9.6 / 10.6 ms CPU; a writer pays the sort at its first slice instead (same total).
   */
  private unsorted: UnsortedSnapshot | null = null;
  private steps = 0;
  /** The last journal seq given out (see FoldMark.lastSeq). */
  private lastSeq = 0;
  /** Journal rows in the store as far as we know (the snapshot's and those after it). */
  private rowCount = 0;
  /** The keys (as stored) of the row numbered `lastSeq`, or null when that row is not in the journal. */
  private lastKeys: string | null = null;
  /** FOLD_META as last read or written here. */
  private seen: string | undefined;
  private readonly s: Record<'journal' | 'rows' | 'rowsFrom' | 'countUpTo' | 'dropUpTo' | 'dropAll' | 'mark' | 'setMark', Statement>;
  private readonly upsert: DfUpsert;

  constructor(db: Database) {
    this.upsert = new DfUpsert(db);
    this.s = {
      // After the last seq given out, and after any row already there (another process may have written since). The
      // subquery is kept: without it an insert cost 1.42–1.44 µs against 1.55–1.58 (1.2 kB rows in a WAL file store,
      // /tmp/h1-s7/ins.mjs, 2026-11-21), ~0.01% of an assignment, too little to give up the guard for.
      journal: db.prepare('INSERT INTO cluster_df_log (seq, keys) VALUES (max(?, (SELECT IFNULL(MAX(seq), 0) + 1 FROM cluster_df_log)), ?)'),
      rows: db.prepare('SELECT seq, keys FROM cluster_df_log ORDER BY seq'),
      rowsFrom: db.prepare('SELECT seq, keys FROM cluster_df_log WHERE seq >= ? ORDER BY seq'),
      countUpTo: db.prepare('SELECT COUNT(*) FROM cluster_df_log WHERE seq <= ?').pluck(),
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
    this.fullReads++;
    this.seen = this.storedMark();
    const mark = this.seen === undefined ? { steps: 0 } : (JSON.parse(this.seen) as FoldMark);
    this.steps = mark.steps;
    this.clearPending();
    this.since = 0;
    this.snap = null;
    this.unsorted = null;
    const upTo = mark.upTo ?? 0;
    const after = mark.after ?? '';
    const counts = new Map<string, number>();
    this.lastSeq = mark.lastSeq ?? 0;
    const rows = this.s.rows.all() as JournalRow[];
    let snapRows = 0;
    for (const r of rows) {
      this.lastSeq = Math.max(this.lastSeq, r.seq);
      if (mark.upTo !== undefined && r.seq <= upTo) {
        snapRows++;
        for (const k of decodeKeys(r.keys)) if (k > after) counts.set(k, (counts.get(k) ?? 0) + 1);
      } else {
        this.since++;
        for (const k of decodeKeys(r.keys)) this.pend(k, 1);
      }
    }
    // The snapshot's keys still to fold join the pending counts once per key, not once per row: with the joined rows
    // (dfrow.ts), a full read of 1,536 rows of the synthetic stream half-way through a fold took 22.9 / 22.1 → 21.0 /
    // 17.3 ms CPU (/tmp/h1-s6/readback2.mjs, 2026-11-21).
    for (const [k, n] of counts) this.pend(k, n);
    this.rowCount = rows.length;
    const last = rows[rows.length - 1];
    this.lastKeys = last !== undefined && last.seq === this.lastSeq ? last.keys : null;
    if (mark.upTo !== undefined) {
      // Finish on the original schedule: the articles left of the spread share the keys left.
      this.unsorted = { upTo, counts, articles: Math.max(1, DF_FOLD_SPREAD - this.since), rows: snapRows };
    }
  }

  /**
   * Brings the journal's view up to date after another process wrote, reading only the rows appended since our last
   * seq, when the store is provably our view plus those rows (and, if the mark moved, the other process's slices of
   * the snapshot we hold); otherwise (a snapshot started or finished elsewhere, a full fold, a rolled-back row of
   * ours, a cleared journal) reads everything back as `read` does. Either way the counts come out exactly as `read`'s.
   * On the cheap path `counted` is called once per key of each appended row (a document more for that key) and
   * returns the key's cell if it has one (it becomes the key's entry), and catchUp returns true; after a full read it
   * returns false.
   */
  catchUp(counted?: (key: string) => PendingCount | undefined): boolean {
    if (this.tryCatchUp(counted)) return true;
    this.read();
    return false;
  }

  /**
   * The cheap path of `catchUp`; false when the store is not our view plus appended rows, having changed nothing but
   * perhaps sorted a read-back snapshot (the same state).
   */
  private tryCatchUp(counted?: (key: string) => PendingCount | undefined): boolean {
    const stored = this.storedMark();
    let mark: FoldMark | null = null;
    let end = this.snap?.next ?? 0;
    if (stored !== this.seen) {
      // Only slices of the snapshot we hold, folded further along by the other process.
      const upTo = this.snap?.upTo ?? this.unsorted?.upTo;
      if (stored === undefined || upTo === undefined) return false;
      mark = JSON.parse(stored) as FoldMark;
      if (mark.upTo !== upTo || mark.after === undefined || mark.steps < this.steps) return false;
      const snap = this.sorted() as Snapshot;
      end = afterKey(snap.keys, snap.next, mark.after);
      if (end < 0) return false;
    }
    // The rows we know of must all be there (nothing deleted or rolled back): as many rows up to our last seq,
    // and our last row with the keys we gave it (a rolled-back seq may have been reused by another process).
    if (this.rowCount > 0 && this.lastKeys === null) return false;
    if ((this.s.countUpTo.get(this.lastSeq) as number) !== this.rowCount) return false;
    const rows = this.s.rowsFrom.all(this.lastSeq) as JournalRow[];
    let first = 0;
    if (this.lastKeys !== null) {
      const own = rows[0];
      if (own === undefined || own.seq !== this.lastSeq || own.keys !== this.lastKeys) return false;
      first = 1;
    }
    const lastRow = rows[rows.length - 1];
    const lastSeq = rows.length > first && lastRow !== undefined ? lastRow.seq : this.lastSeq;
    if (mark !== null && (mark.lastSeq ?? 0) > lastSeq) return false;
    // Provably our view plus appended rows: move the snapshot on, then count the new rows.
    const snap = this.snap;
    if (snap !== null) {
      for (let i = snap.next; i < end; i++) this.unpend(snap.keys[i] as string, snap.counts[i] as number);
      snap.next = end;
    }
    for (let r = first; r < rows.length; r++) {
      const row = rows[r] as JournalRow;
      for (const k of decodeKeys(row.keys)) this.pend(k, 1, counted?.(k));
      this.since++;
      this.rowCount++;
      this.lastKeys = row.keys;
    }
    this.lastSeq = lastSeq;
    if (mark !== null) this.steps = mark.steps;
    this.seen = stored;
    return true;
  }

  /**
   * Counts `n` journalled documents more for a key; `cell` is the key's df cell if it has one (it is then the key's
   * entry or, with nothing pending, becomes it).
   */
  private pend(k: string, n: number, cell?: PendingCount): void {
    const e = this.pending.get(k);
    if (e !== undefined) e.pend += n;
    else {
      const c = cell ?? { pend: 0 };
      c.pend = n;
      this.pending.set(k, c);
    }
  }

  /** Takes `n` folded documents off a key's pending count. */
  private unpend(k: string, n: number): void {
    const e = this.pending.get(k) as PendingCount;
    e.pend -= n;
    if (e.pend <= 0) {
      e.pend = 0;
      this.pending.delete(k);
    }
  }

  /** Empties `pending`, zeroing each entry (a cell may outlive the map's view of it). */
  private clearPending(): void {
    for (const e of this.pending.values()) e.pend = 0;
    this.pending.clear();
  }

  /**
   * Journals one article's distinct keys and folds the next slice (or starts a snapshot when one is due). The caller
   * has counted the keys in `pending` already (DfCells.increment, on the cells).
   */
  append(keys: readonly string[]): void {
    const row = encodeKeys(keys);
    const seq = Number(this.s.journal.run(this.lastSeq + 1, row).lastInsertRowid);
    this.lastSeq = seq;
    this.lastKeys = row;
    this.rowCount++;
    this.since++;
    if (!this.snap && !this.unsorted && this.since >= DF_FOLD_EVERY) {
      // Everything pending is in rows ≤ seq: the previous snapshot's rows are folded and gone.
      this.snap = snapshot(seq, this.pending, DF_FOLD_SPREAD, this.rowCount);
      this.since = 0;
    }
    const snap = this.snap ?? this.sorted();
    if (snap) this.step(snap);
  }

  /** The snapshot being folded, sorted now if it was read back unsorted; null when none is. */
  private sorted(): Snapshot | null {
    const u = this.unsorted;
    if (u !== null) {
      this.snap = snapshot(u.upTo, u.counts, u.articles, u.rows);
      this.unsorted = null;
    }
    return this.snap;
  }

  private step(snap: Snapshot): void {
    const end = Math.min(snap.keys.length, snap.next + snap.slice);
    this.upsert.add(snap.keys, snap.counts, snap.next, end);
    for (let i = snap.next; i < end; i++) this.unpend(snap.keys[i] as string, snap.counts[i] as number);
    snap.next = end;
    this.steps++;
    if (end >= snap.keys.length) {
      this.s.dropUpTo.run(snap.upTo);
      this.rowCount -= snap.rows;
      if (this.rowCount === 0) this.lastKeys = null;
      this.snap = null;
      this.writeMark({ steps: this.steps });
    } else this.writeMark({ steps: this.steps, upTo: snap.upTo, after: snap.keys[end - 1] as string });
  }

  /** Folds everything journalled into cluster_df now (one row update per distinct key) and empties the journal. */
  foldAll(): void {
    const keys = [...this.pending.keys()].sort();
    this.upsert.add(
      keys,
      keys.map((k) => (this.pending.get(k) as PendingCount).pend),
    );
    this.s.dropAll.run();
    this.unsorted = null;
    this.rowCount = 0;
    this.lastKeys = null;
    this.clearPending();
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

/** A snapshot as read back: its counts by key (keys folded already left out), sorted when first needed. */
interface UnsortedSnapshot {
  readonly upTo: number;
  readonly counts: ReadonlyMap<string, number>;
  /** Articles left to fold it over. */
  readonly articles: number;
  readonly rows: number;
}

interface JournalRow {
  readonly seq: number;
  readonly keys: string;
}

/** A snapshot of `counts` (copied), its keys sorted, folded over `articles` articles; it covers `rows` journal rows. */
function snapshot(upTo: number, counts: ReadonlyMap<string, number | PendingCount>, articles: number, rows: number): Snapshot {
  const keys = [...counts.keys()].sort();
  return {
    upTo,
    keys,
    counts: keys.map((k) => {
      const n = counts.get(k) as number | PendingCount;
      return typeof n === 'number' ? n : n.pend;
    }),
    next: 0,
    slice: Math.max(1, Math.ceil(keys.length / articles)),
    rows,
  };
}

/**
 * The end of the folded range once every key ≤ `after` is folded: the index after `after` in `keys` (sorted), searched
 * from `from` (keys before it are folded already); -1 when `after` is not one of keys[from - 1 …].
 */
function afterKey(keys: readonly string[], from: number, after: string): number {
  let lo = Math.max(0, from - 1);
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as string) <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && lo >= from && keys[lo - 1] === after ? lo : -1;
}

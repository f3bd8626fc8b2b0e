/**
 * Document frequencies in memory as mutable cells. A cell carries a small integer id (unique until the cells
 * are next dropped) so a scorer can index flat arrays by key instead of hashing strings, and it keeps
 * ln(df + smoothing), which changes only when its count does: with ln(N + prior) computed once per document
 * count, an IDF is one subtraction (idf.ts), however many candidate profiles share the key.
 *
 * Writes are batched without leaving the article's transaction: each article appends its keys to
 * `cluster_df_journal` (one row), and every DF_FOLD_EVERY articles the journal is folded into `cluster_df`,
 * one row per distinct key. A key's document frequency is its `cluster_df` count plus its journal count, so a
 * new process (which reads the journal back) sees exactly what the last one saw.
 */
import type { Database, Statement } from 'better-sqlite3';
import { idfFromLogs, logDf, logDocs } from './idf.js';

export interface DfCell {
  /** Position of the key in flat per-key arrays; valid while `DfCells.epoch` is unchanged. */
  readonly id: number;
  df: number;
  /** logDf(df): kept in step with `df` (set only through DfCells). */
  lnDf: number;
}

/**
 * Cells kept before they are dropped (between articles, never during one). Each costs ~120 bytes with its
 * key; 300,000 (~36 MB) holds the active vocabulary of the speed stream between drops, the same bound as the
 * df cache it replaces.
 */
export const DF_CELLS_MAX = 300_000;

/**
 * Articles journalled before the fold. Updating cluster_df per article cost ~200 row updates and ~200 dirty
 * pages per commit (measured 0.26 ms of updates + ~0.65 ms of commit per article on a 100k-key table); folding
 * every 64 articles halves the row updates (common words repeat) and writes each page once per fold. 64 keeps a
 * fold (~6k keys on the speed stream) near 8 ms, well under the 20 ms p99 goal; 256 made folds of ~25 ms.
 */
export const DF_FOLD_EVERY = 64;

export class DfCells {
  private readonly cells = new Map<string, DfCell>();
  /** Journal counts not yet folded into cluster_df (mirrors the journal's rows). */
  private readonly pending = new Map<string, number>();
  private journalled = 0;
  /** Folds done by any process as last seen here (`df_folds` in cluster_meta): another's fold invalidates our journal view. */
  private folds = 0;
  private nextId = 0;
  /** Bumped when the cells are dropped; anything holding cells or their ids must rebind. */
  epoch = 0;
  /** logDocs(lnDocsAt), recomputed when asked for another document count. */
  private lnDocs = logDocs(0);
  private lnDocsAt = 0;
  private readonly s: Record<'one' | 'many' | 'add' | 'journal' | 'readJournal' | 'clearJournal' | 'folds' | 'setFolds', Statement>;

  constructor(db: Database) {
    this.s = {
      one: db.prepare('SELECT df FROM cluster_df WHERE key = ?'),
      many: db.prepare('SELECT key, df FROM cluster_df WHERE key IN (SELECT value FROM json_each(?))'),
      add: db.prepare('INSERT INTO cluster_df (key, df) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET df = df + excluded.df'),
      journal: db.prepare('INSERT INTO cluster_df_journal (keys) VALUES (?)'),
      readJournal: db.prepare('SELECT keys FROM cluster_df_journal ORDER BY seq'),
      clearJournal: db.prepare('DELETE FROM cluster_df_journal'),
      folds: db.prepare("SELECT value FROM cluster_meta WHERE key = 'df_folds'").pluck(),
      setFolds: db.prepare("INSERT INTO cluster_meta (key, value) VALUES ('df_folds', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
    };
    this.readJournal();
  }

  /** How many cells exist (ids are below this). */
  get size(): number {
    return this.nextId;
  }

  private storedFolds(): number {
    return Number((this.s.folds.get() as string | undefined) ?? 0);
  }

  /** Whether another process folded the journal since we last read it. */
  foldedElsewhere(): boolean {
    return this.storedFolds() !== this.folds;
  }

  private readJournal(): void {
    this.folds = this.storedFolds();
    this.pending.clear();
    this.journalled = 0;
    for (const r of this.s.readJournal.all() as { keys: string }[]) {
      for (const k of JSON.parse(r.keys) as string[]) this.pending.set(k, (this.pending.get(k) ?? 0) + 1);
      this.journalled++;
    }
  }

  private make(key: string, stored: number): DfCell {
    const df = stored + (this.pending.get(key) ?? 0);
    const c: DfCell = { id: this.nextId++, df, lnDf: logDf(df) };
    this.cells.set(key, c);
    return c;
  }

  /** The cell of a key, read from the store on first use. */
  cell(key: string): DfCell {
    return this.cells.get(key) ?? this.make(key, (this.s.one.get(key) as { df: number } | undefined)?.df ?? 0);
  }

  /**
   * Loads the cells of many keys with one query (keys already cached are skipped). Measured on a 100k-key table:
   * the JSON-list query costs ~5 µs + ~1.1 µs a key, point lookups ~3.6 µs a key, so one query wins at any count.
   */
  preload(keys: Iterable<string>): void {
    const missing: string[] = [];
    for (const k of keys) if (!this.cells.has(k)) missing.push(k);
    if (missing.length === 0) return;
    const found = new Map<string, number>();
    for (const r of this.s.many.all(JSON.stringify(missing)) as { key: string; df: number }[]) found.set(r.key, r.df);
    for (const k of missing) if (!this.cells.has(k)) this.make(k, found.get(k) ?? 0);
  }

  /** The cells of these keys, in order; the missing ones loaded with one query (as `preload`). */
  cellsOf(keys: readonly string[]): DfCell[] {
    const out = new Array<DfCell>(keys.length);
    const missing: string[] = [];
    for (let i = 0; i < keys.length; i++) {
      const c = this.cells.get(keys[i] as string);
      if (c) out[i] = c;
      else missing.push(keys[i] as string);
    }
    if (missing.length > 0) {
      this.preload(missing);
      for (let i = 0; i < keys.length; i++) out[i] ??= this.cells.get(keys[i] as string) as DfCell;
    }
    return out;
  }

  /** Counts one more document containing each of these distinct keys (journalled; folded every DF_FOLD_EVERY). */
  increment(keys: readonly string[]): void {
    this.preload(keys);
    for (const k of keys) {
      const c = this.cells.get(k) as DfCell;
      c.df++;
      c.lnDf = logDf(c.df);
      this.pending.set(k, (this.pending.get(k) ?? 0) + 1);
    }
    this.s.journal.run(JSON.stringify(keys));
    if (++this.journalled >= DF_FOLD_EVERY) this.fold();
  }

  /** Moves the journal's counts into cluster_df (one row update per distinct key). */
  fold(): void {
    for (const [k, n] of this.pending) this.s.add.run(k, n);
    this.s.clearJournal.run();
    this.folds = this.storedFolds() + 1;
    this.s.setFolds.run(String(this.folds));
    this.pending.clear();
    this.journalled = 0;
  }

  /** logDocs(docs), computed once per document count. */
  logDocs(docs: number): number {
    if (docs !== this.lnDocsAt) {
      this.lnDocs = logDocs(docs);
      this.lnDocsAt = docs;
    }
    return this.lnDocs;
  }

  /** The cell's IDF among `docs` documents: exactly idfValue(c.df, docs). */
  idfOf(c: DfCell, docs: number): number {
    return idfFromLogs(this.logDocs(docs), c.lnDf);
  }

  /** Drops every cell when over the bound (call between articles); returns whether it did. */
  evict(): boolean {
    if (this.cells.size <= DF_CELLS_MAX) return false;
    this.dropCells();
    return true;
  }

  /** Forgets everything held in memory and re-reads the journal (the store changed behind us). */
  reset(): void {
    this.dropCells();
    this.readJournal();
  }

  private dropCells(): void {
    this.cells.clear();
    this.nextId = 0;
    this.epoch++;
  }
}

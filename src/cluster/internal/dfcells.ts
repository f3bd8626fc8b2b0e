/**
 * Document frequencies in memory as mutable cells. A cell carries a small integer id (unique until the cells
 * are next dropped) so a scorer can index flat arrays by key instead of hashing strings, and it keeps
 * ln(df + smoothing), which changes only when its count does: with ln(N + prior) computed once per document
 * count, an IDF is one subtraction (idf.ts), however many candidate profiles share the key.
 *
 * Writes go through the journal (dfjournal.ts): one row per article, folded into `cluster_df` a slice per
 * article. A key's document frequency is its `cluster_df` count plus what the journal still holds for it, so a
 * new process (which reads the journal back) sees exactly what the last one saw.
 */
import type { Database, Statement } from 'better-sqlite3';
import { DfJournal, type PendingCount } from './dfjournal.js';
import { idfFromLogs, logDf, logDocs } from './idf.js';

export interface DfCell extends PendingCount {
  /** Position of the key in flat per-key arrays; valid while `DfCells.epoch` is unchanged. */
  readonly id: number;
  df: number;
  /** logDf(df): kept in step with `df` (set only through DfCells). */
  lnDf: number;
  /** The key's journal count not yet in cluster_df (the cell is then its `DfJournal.pending` entry; set only there and here). */
  pend: number;
}

/**
 * Cells kept before they are dropped (between articles, never during one). Each costs ~120 bytes with its
 * key; 300,000 (~36 MB) holds the active vocabulary of the speed stream between drops, the same bound as the
 * df cache it replaces.
 * Tried and reverted (2026-11-21): loading the whole of cluster_df once a process had fetched 20,000 keys (when it
 * held ≤ 150,000), so a key without a cell is known new. It cut the df lookups of a cold process on the 20k probe
 * store from 0.121 to 0.044 ms per article, but the paired A/B (both versions in one process, alternating
 * articles) gave −2%/−2%/−0%/+1% assignments per CPU-second and +35 MB RSS: the larger heap and maps cost as much.
 * Tried again in session 5 (2026-11-21) as a plain map of the stored counts (109,478 keys, 89 ms to load at start),
 * cells still made on demand: 20k probe 662/679/679 against 679/688/674 assignments per CPU-second, so no gain either.
 * A filter of the stored keys would not pay: of the ~15 keys per article the probe counts without a cell in memory,
 * 13.6 are in cluster_df (existing keys this process has not met yet), not new ones.
 * Tried a third time in session 6 (2026-11-21), on the 100k probe store where the goal is missed: a copy of cluster_df
 * (171,729 keys, 125 ms CPU to read) loaded at the first lookup and kept exact by the fold and the catch-up. The
 * profile's cluster_df lookups fell from 115 to 45 ms over 3,000 articles, but the paired probe (both orders) gave
 * 785/761, 763/785, 882/832, 802/800 (copy second, first, second, first): −1.5% on average.
 */
export const DF_CELLS_MAX = 300_000;

/** The prefixes of name and number keys (idf.ts dfKeys), which DfCells also indexes by the bare name. */
export type KeyPrefix = 'e:' | 'n:';

export class DfCells {
  private readonly cells = new Map<string, DfCell>();
  /**
   * The cells of `e:` and `n:` keys by their bare name (filled as they are asked for), so packing a profile, whose
   * names and numbers are stored bare, builds and hashes no prefixed strings. Never more entries than cells.
   */
  private readonly bare: Record<KeyPrefix, Map<string, DfCell>> = { 'e:': new Map(), 'n:': new Map() };
  /** The journal and its fold; `journal.pending` holds the counts not yet in cluster_df. */
  private readonly journal: DfJournal;
  private nextId = 0;
  /** Bumped when the cells are dropped; anything holding cells or their ids must rebind. */
  epoch = 0;
  /** logDocs(lnDocsAt), recomputed when asked for another document count. */
  private lnDocs = logDocs(0);
  private lnDocsAt = 0;
  private readonly s: Record<'one', Statement>;

  constructor(db: Database) {
    this.s = {
      one: db.prepare('SELECT df FROM cluster_df WHERE key = ?').pluck(),
    };
    this.journal = new DfJournal(db);
  }

  /** How many cells exist (ids are below this). */
  get size(): number {
    return this.nextId;
  }

  /** How many times the journal was read back whole (dfjournal.ts fullReads). */
  get journalReads(): number {
    return this.journal.fullReads;
  }

  /** Whether another process folded the journal since we last read it. */
  foldedElsewhere(): boolean {
    return this.journal.changedElsewhere();
  }

  private make(key: string, stored: number): DfCell {
    const pending = this.journal.pending;
    const e = pending.get(key);
    const pend = e === undefined ? 0 : e.pend;
    const df = stored + pend;
    const c: DfCell = { id: this.nextId++, df, lnDf: logDf(df), pend };
    // The new cell takes over the key's pending entry (a count read back, or a dropped cell).
    if (e !== undefined) pending.set(key, c);
    this.cells.set(key, c);
    return c;
  }

  /** The cell of a key, read from the store on first use. */
  cell(key: string): DfCell {
    return this.cells.get(key) ?? this.make(key, this.stored(key));
  }

  /** The key's `cluster_df` count (0 without a row). */
  private stored(key: string): number {
    return (this.s.one.get(key) as number | undefined) ?? 0;
  }

  /** The cell of a key if it is in memory (no store read). */
  peek(key: string): DfCell | undefined {
    return this.cells.get(key);
  }

  /** The cell of `prefix + name` if it is in memory (no store read). */
  peekPrefixed(prefix: KeyPrefix, name: string): DfCell | undefined {
    const m = this.bare[prefix];
    const hit = m.get(name);
    if (hit) return hit;
    const c = this.cells.get(prefix + name);
    if (c) m.set(name, c);
    return c;
  }

  /** The cell of `prefix + name`, read from the store on first use (as `cell`). */
  prefixedCell(prefix: KeyPrefix, name: string): DfCell {
    return this.peekPrefixed(prefix, name) ?? this.cell(prefix + name);
  }

  /**
   * Loads the cells of these keys (keys already cached are skipped), one point lookup per key. On an idle 100k-key
   * table one `key IN (SELECT value FROM json_each(?))` query was cheaper (~5 µs + ~1.1 µs a key, point lookups ~3.6 µs
   * a key), but inside the 20k probe, the methods alternating article by article over 2,000 articles (~13k keys each,
   * 2026-11-21), point lookups cost 1.43 / 1.75 µs a key against 2.81 / 3.49 for json_each and 3.15 / 4.65 for an
   * `IN (?, …)` list: the list queries build a temporary index of their keys every time.
   */
  preload(keys: Iterable<string>): void {
    for (const k of keys) if (!this.cells.has(k)) this.make(k, this.stored(k));
  }

  /** The cells of these keys, in order; the missing ones loaded as `preload` does. */
  cellsOf(keys: readonly string[]): DfCell[] {
    const out = new Array<DfCell>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      out[i] = this.cells.get(k) ?? this.make(k, this.stored(k));
    }
    return out;
  }

  /**
   * Counts one more document containing each of these distinct keys (journalled, and folded a slice at a time).
   * Tried and reverted (session 6, 2026-11-21): reading the keys without a cell in key order (sorted first), −2.4% and
   * −0.2% of this method's CPU on the 100k df tables, too little to keep; letting keys repeat and stamping the cells met
   * by id, so observe builds no Set, paired 100k probe 773/715 and 823/808 (stamped second, then first).
   * Session 7 (2026-11-21): each key now costs one lookup here (the cell is its pending entry, dfjournal.ts
   * PendingCount). Tried and reverted then: (1) no Set in observe for lists dfKeys proved distinct (its terms are
   * object keys, names and numbers distinct by construction), marked in a WeakSet: paired 100k probe −5.0% and −0.6%
   * (new second, then first); marked as the last list only: +3.1% and −4.3%: the Set was where the keys were first
   * hashed, so dropping it moved that cost into this loop. (2) The cells in a null-prototype record instead of a Map
   * (terms are internalized strings, so a hit compares pointers): +6.4/−3.9/+2.2/+0.7% over four paired runs, within
   * the noise.
   */
  increment(keys: readonly string[]): void {
    const pending = this.journal.pending;
    for (const k of keys) {
      const c = this.cells.get(k) ?? this.make(k, this.stored(k));
      c.df++;
      c.lnDf = logDf(c.df);
      // The cell is the key's pending entry, or (nothing pending) becomes it.
      if (c.pend++ === 0) pending.set(k, c);
    }
    this.journal.append(keys);
  }

  /** Folds the whole journal into cluster_df now (the journal otherwise folds itself a slice per article). */
  fold(): void {
    this.journal.foldAll();
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
    this.journal.read();
  }

  /**
   * Brings the journal up to date with the rows another process appended (and the slices it folded) since we last
   * looked, re-reading it all only when that is not provably exact (dfjournal.ts catchUp). On the cheap path the
   * cells stay: a cell holds cluster_df + journal, a fold moves counts between the two without changing the sum, so
   * each appended row adds one to the cells of its keys, as `increment` does for our own. After a full read they are
   * dropped, as `reset` does. Measured 2026-11-21 (two Clusterers alternating on the 20k probe store, 1,832-row
   * journal, /tmp/h6-s5/two.mjs): dropping the cells 8.26 / 7.62 ms CPU per article, keeping them 6.41 / 6.13 (the
   * dropped cells' cluster_df point lookups were 9% of the run), same assignments.
   */
  catchUp(): void {
    const cells = this.cells;
    const exact = this.journal.catchUp((k) => {
      const c = cells.get(k);
      if (c !== undefined) {
        c.df++;
        c.lnDf = logDf(c.df);
      }
      return c;
    });
    if (!exact) this.dropCells();
  }

  private dropCells(): void {
    this.cells.clear();
    this.bare['e:'].clear();
    this.bare['n:'].clear();
    this.nextId = 0;
    this.epoch++;
  }
}

/**
 * The clusterer's persistent state in SQLite: document frequencies, per-article features, event and
 * storyline profiles, and the time-windowed inverted index. Small bounded caches sit in front; a
 * generation counter (bumped by human edits in any process) invalidates them.
 */
import type { Database, Statement } from 'better-sqlite3';
import { StoredBackgrounds } from './bgstore.js';
import { DfCells } from './dfcells.js';
import type { Features } from './features.js';
import { decodeFeatures, encodeFeatures } from './features-codec.js';
import { DEFAULT_OPTIONS } from './options.js';
import { type Packed, pack } from './packed.js';
import { PostingsIndex } from './postings.js';
import type { Profile } from './profile.js';
import { decodeProfile, encodeShared } from './profile-codec.js';

export interface ProfileRow {
  readonly id: string;
  readonly kind: 'event' | 'story';
  profile: Profile;
  /** Event: the article whose headline is the title. Story: the event whose title is the title. */
  repArticle: string | null;
  /** Event: that article's score. Story: that event's size. */
  repScore: number;
  locked: boolean;
  /** Keys this event is listed under in the inverted index. */
  indexed: string[];
  /** The profile packed for the fast scorer; dropped whenever the row is saved. */
  packed?: Packed | undefined;
  /** The packing dropped when the row was saved, until it is packed again: the cells of the keys it kept are taken from it. */
  repack?: Packed | undefined;
}

/** Stored time for an event with no dated member: excluded from windowed lookups, found by an extra one. */
export const UNKNOWN_TIME = -1;
/**
 * Profile cache size: bounded so memory does not grow with the store. A cached profile costs ~90 KB of RSS
 * (parsed JSON plus its packing). Measured on the speed stream (`bench:cluster --speed-only`, 2026-11-21): at
 * 50k stored 2,000 gave 360 assignments per CPU-second and 585 MB peak RSS, 5,000 gave 250 and 855 MB (20k
 * stored: 293 vs 268, 505 vs 562 MB), so the 120-day window's hot events fit in 2,000.
 * Document frequencies are cached in `DfCells` (dfcells.ts) with their own bound.
 */
export const PROFILE_CACHE_MAX = 2_000;
/**
 * A cached row is moved to the recent end of the cache (a Map delete and set) only when more than this many rows were
 * put there since it last was: a row that recent is among the newest quarter, far from eviction, and the ~15 reads of
 * the same few rows per article each skip the move. Any value below PROFILE_CACHE_MAX keeps every row that is read at
 * least once per PROFILE_CACHE_MAX − RECENT_ROWS insertions; a quarter of the cache leaves three quarters of headroom.
 */
export const RECENT_ROWS = PROFILE_CACHE_MAX / 4;
/** Postings per key a lookup asks for when the caller does not say (the options' default). */
const DEFAULT_POSTINGS_PER_KEY = DEFAULT_OPTIONS.postingsPerKey;

/** A LIMIT to write into SQL text: a non-negative integer, or a LoadLimitError. */
function sqlCount(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new LoadLimitError(`a postings limit must be a non-negative integer, got ${n}`);
  return n;
}

let fallbacks = 0;
/**
 * Posting deletes so far in this process (every ClusterState) that could not go by the full primary key: the window on
 * record matched no row, or no row told the window or keys. Zero on a normal stream (every event is reindexed before
 * it is saved, so its stored window is the one its postings carry); a test asserts it.
 */
export function postingsFallbacks(): number {
  return fallbacks;
}

export class LoadLimitError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LoadLimitError';
  }
}

/**
 * One prepared statement per LIMIT value, the limit written into the SQL text. SQLite 3.53 runs these lookups ~3× slower
 * with `LIMIT ?` (measured CPU per call, 3,000–5,000 random keys of the 20k store, best of 9): the key load 10.9 vs
 * 3.6 µs, the windowed lookup 12.0 vs 3.6 µs, the unwindowed one 5.5 vs 2.9 µs. Callers use one or two limits.
 */
function byLimit(make: (limit: number) => Statement): (limit: number) => Statement {
  const made = new Map<number, Statement>();
  return (limit) => {
    let st = made.get(limit);
    if (!st) {
      st = make(sqlCount(limit));
      made.set(limit, st);
    }
    return st;
  };
}

/** The prepared statements of the state (typed by name). */
function statements(db: Database) {
  const p = (sql: string): Statement => db.prepare(sql);
  return {
    meta: p('SELECT value FROM cluster_meta WHERE key = ?'),
    // The generation, the document count and SQLite's data_version (which changes when another connection commits), in
    // one statement: sync runs it before every article.
    syncMeta: p(
      `SELECT (SELECT value FROM cluster_meta WHERE key = 'generation'), (SELECT value FROM cluster_meta WHERE key = 'docs'), (SELECT data_version FROM pragma_data_version())`,
    ).raw(),
    setMeta: p('INSERT INTO cluster_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    getProfile: p('SELECT id, kind, profile, rep_article, rep_score, locked, indexed, t_lo, t_hi FROM cluster_profiles WHERE id = ?'),
    // A row known to the store is updated in place (positional parameters, no conflict path): the upsert below
    // only for a new row. Same columns as the upsert's update (kind stays as stored).
    updateProfile: p(`UPDATE cluster_profiles SET profile = ?, t_lo = ?, t_hi = ?, size = ?, rep_article = ?, rep_score = ?, locked = ?, indexed = ?
        WHERE id = ?`),
    putProfile: p(`INSERT INTO cluster_profiles (id, kind, profile, t_lo, t_hi, size, rep_article, rep_score, locked, indexed)
        VALUES (@id, @kind, @profile, @tLo, @tHi, @size, @repArticle, @repScore, @locked, @indexed)
        ON CONFLICT(id) DO UPDATE SET profile = excluded.profile, t_lo = excluded.t_lo, t_hi = excluded.t_hi, size = excluded.size,
          rep_article = excluded.rep_article, rep_score = excluded.rep_score, locked = excluded.locked, indexed = excluded.indexed`),
    delProfile: p('DELETE FROM cluster_profiles WHERE id = ?'),
    // Events in the window (most recently active first) and events with no known time, in one statement per key.
    // The order is spelled out to the last column (the window index holds key, t_hi, t_lo, event_id, so it costs no
    // sort): the in-memory window (postings.ts) must return the same events at the per-key limit.
    postWindow: byLimit((n) =>
      p(`SELECT event_id FROM (SELECT event_id FROM cluster_postings WHERE key = @key AND t_hi >= @lo AND t_lo <= @hi
        ORDER BY t_hi DESC, t_lo DESC, event_id DESC LIMIT ${n})
      UNION ALL SELECT event_id FROM (SELECT event_id FROM cluster_postings WHERE key = @key AND t_hi = @unknown ORDER BY t_lo, event_id LIMIT ${n})`).pluck(),
    ),
    postAll: byLimit((n) => p(`SELECT event_id FROM cluster_postings WHERE key = ? ORDER BY t_hi DESC, t_lo DESC, event_id DESC LIMIT ${n}`).pluck()),
    // Schema v6: the table's primary key is (key, t_hi, t_lo, event_id), one B-tree. A posting is deleted by its full
    // key (the window it was written with, kept in the profile cache); the by-(key, event) form scans the key's range
    // and is the fallback when that window is not the stored one; the by-event forms scan the whole table (last resort).
    addPosting: p('INSERT OR REPLACE INTO cluster_postings (key, event_id, t_lo, t_hi) VALUES (?, ?, ?, ?)'),
    delPostingAt: p('DELETE FROM cluster_postings WHERE key = ? AND t_hi = ? AND t_lo = ? AND event_id = ?'),
    delPosting: p('DELETE FROM cluster_postings WHERE key = ? AND event_id = ?'),
    delPostings: p('DELETE FROM cluster_postings WHERE event_id = ?'),
    eventKeys: p('SELECT key FROM cluster_postings WHERE event_id = ?').pluck(),
    storedIndex: p('SELECT t_lo, t_hi, indexed FROM cluster_profiles WHERE id = ?').raw(),
    // What the in-memory window (postings.ts) loads for a key: dated postings ending at or after a floor, and the
    // first `limit` undated ones in the order the windowed lookup's LIMIT takes them.
    // Parameters by position (key, floor, unknown, key, unknown) and rows as arrays: on the 100k store's recent keys
    // (2026-11-21, ~2 rows a key, best of 5) 4.23 µs a key against 4.87 with named parameters and row objects.
    keyLoad: byLimit((limit) =>
      p(`SELECT event_id, t_lo, t_hi FROM cluster_postings WHERE key = ? AND t_hi >= ? AND t_hi <> ?
      UNION ALL SELECT * FROM (SELECT event_id, t_lo, t_hi FROM cluster_postings WHERE key = ? AND t_hi = ? ORDER BY t_lo, event_id LIMIT ${limit})`).raw(),
    ),
    putFeatures: p('INSERT OR REPLACE INTO cluster_features (article_id, title, features) VALUES (?, ?, ?)'),
    getFeatures: p('SELECT title, features FROM cluster_features WHERE article_id = ?'),
    getTitle: p('SELECT title FROM cluster_features WHERE article_id = ?'),
  };
}

/**
 * A cached profile row, when it was last put at the recent end of the cache (see RECENT_ROWS), and the time window its
 * event's postings were last written with (`keys`, `lo`, `hi`; the stored row's when read, updated by each reindex):
 * the postings' primary key holds it, so a posting is deleted by its full key. `known` is false when no stored row
 * told it (the deletes then take the by-key scan).
 */
interface CachedRow {
  row: ProfileRow;
  stamp: number;
  /** The keys the event's postings were last written under (the row's `indexed` then). */
  keys: readonly string[];
  lo: number;
  hi: number;
  known: boolean;
}

export class ClusterState {
  readonly cells: DfCells;
  /** Per-language text-cosine backgrounds (bgstore.ts): the text scale of each language. */
  readonly backgrounds: StoredBackgrounds;
  private readonly profileCache = new Map<string, CachedRow>();
  /** Rows put at the recent end of the profile cache so far (the stamp of the latest). */
  private cacheStamp = 0;
  /** The index's active window in memory (postings.ts); SQLite stays the record. */
  private readonly postings: PostingsIndex;
  private docsCount: number;
  private generation: string;
  /** SQLite's data_version when last synced (changes when another connection commits). */
  private dataVersion: number;
  private readonly s: ReturnType<typeof statements>;

  /** `postingsPerKey`: the most postings per key a candidate lookup asks for (the options' postingsPerKey). */
  constructor(db: Database, postingsPerKey = DEFAULT_POSTINGS_PER_KEY) {
    this.cells = new DfCells(db);
    this.s = statements(db);
    const s = this.s;
    this.postings = new PostingsIndex(
      {
        load: (key, floor, limit) => {
          const rows = s.keyLoad(limit).all(key, floor, UNKNOWN_TIME, key, UNKNOWN_TIME) as [string, number, number][];
          const out: { event_id: string; t_lo: number; t_hi: number }[] = new Array(rows.length);
          for (let i = 0; i < rows.length; i++) {
            const r = rows[i] as [string, number, number];
            out[i] = { event_id: r[0], t_lo: r[1], t_hi: r[2] };
          }
          return out;
        },
      },
      postingsPerKey,
    );
    this.backgrounds = new StoredBackgrounds(db);
    this.docsCount = Number(this.meta('docs') ?? 0);
    this.generation = this.meta('generation') ?? '0';
    this.dataVersion = (this.s.syncMeta.get() as [unknown, unknown, number])[2];
  }

  private meta(key: string): string | undefined {
    return (this.s.meta.get(key) as { value: string } | undefined)?.value;
  }

  /**
   * Call before each article. Drops the caches if the clusters changed behind them: a human edit (the
   * generation counter), another process's assignments or a rolled-back transaction (the stored document
   * count differs from ours); also trims the document-frequency cells to their bound.
   */
  sync(): void {
    const [stored, storedDocs, version] = this.s.syncMeta.get() as [string | null, string | null, number];
    const g = stored ?? '0';
    const docs = Number(storedDocs ?? 0);
    // A changed generation may mean cleared tables (rebuild.ts): read the journal back; otherwise catch up on it.
    // Another connection's commit counts even when the document count came back to ours: after our own transaction was
    // rolled back without invalidate(), one article of another process's restores the count we expect while our caches
    // (profiles, indexed keys, the windows postings were written with) still hold the undone article.
    if (g !== this.generation) this.clearCaches();
    else if (docs !== this.docsCount || version !== this.dataVersion || this.cells.foldedElsewhere()) this.clearCaches(true);
    else {
      this.cells.evict();
      this.postings.evict();
    }
    this.generation = g;
    this.docsCount = docs;
    this.dataVersion = version;
  }

  /**
   * Drops the caches. `catchUp`: the document-frequency journal only catches up on what another process appended
   * (DfCells.catchUp, which re-reads it all when that is not provably exact) instead of being read back whole.
   */
  clearCaches(catchUp = false): void {
    if (catchUp) this.cells.catchUp();
    else this.cells.reset();
    this.profileCache.clear();
    this.postings.clear();
    this.backgrounds.reload();
  }

  /**
   * Marks the clusters as edited so every process reloads them. This process's profile cache is dropped too,
   * unless the caller changed profiles only through it (`profile()` rows saved with `saveProfile`), which keeps it exact.
   */
  bumpGeneration(ownCacheExact = false): void {
    const g = String(Number(this.meta('generation') ?? 0) + 1);
    this.s.setMeta.run('generation', g);
    this.generation = g;
    if (!ownCacheExact) this.profileCache.clear();
  }

  get docs(): number {
    return this.docsCount;
  }

  /** Counts one more document containing these keys (one statement for all of them). */
  observe(keys: readonly string[]): void {
    this.cells.increment([...new Set(keys)]);
    this.docsCount++;
    this.s.setMeta.run('docs', String(this.docsCount));
  }

  df(key: string): number {
    return this.cells.cell(key).df;
  }

  readonly idf = (key: string): number => this.cells.idfOf(this.cells.cell(key), this.docsCount);

  /** The row's profile packed for the fast scorer (cached on the row until it is saved or the cells are evicted). */
  packed(row: ProfileRow): Packed {
    if (row.packed && row.packed.epoch === this.cells.epoch) return row.packed;
    row.packed = pack(row.profile, this.cells, row.packed ?? row.repack, true);
    row.repack = undefined;
    return row.packed;
  }

  profile(id: string): ProfileRow | null {
    const hit = this.profileCache.get(id);
    if (hit) {
      if (this.cacheStamp - hit.stamp > RECENT_ROWS) this.toRecentEnd(id, hit);
      return hit.row;
    }
    const r = this.s.getProfile.get(id) as
      | {
          id: string;
          kind: 'event' | 'story';
          profile: Buffer | string;
          rep_article: string | null;
          rep_score: number;
          locked: number;
          indexed: string;
          t_lo: number;
          t_hi: number;
        }
      | undefined;
    if (!r) return null;
    const row: ProfileRow = {
      id: r.id,
      kind: r.kind,
      profile: decodeProfile(r.profile),
      repArticle: r.rep_article,
      repScore: r.rep_score,
      locked: r.locked === 1,
      indexed: JSON.parse(r.indexed) as string[],
    };
    // The stored window, not the profile's: the columns are what the postings were written with (a replicated bench
    // store shifts the columns and postings, not the profile inside).
    this.remember(row, r.t_lo, r.t_hi);
    return row;
  }

  /** Moves a cached row to the recent end of the cache. */
  private toRecentEnd(id: string, cached: CachedRow): void {
    this.profileCache.delete(id);
    this.profileCache.set(id, cached);
    cached.stamp = ++this.cacheStamp;
  }

  /** Caches the row as the most recent (replacing another row of its id), dropping the least recent over the bound. */
  private remember(row: ProfileRow, lo = row.profile.tLo ?? UNKNOWN_TIME, hi = row.profile.tHi ?? UNKNOWN_TIME): void {
    const hit = this.profileCache.get(row.id);
    if (hit) {
      const stale = hit.row !== row || this.cacheStamp - hit.stamp > RECENT_ROWS;
      hit.row = row;
      if (stale) this.toRecentEnd(row.id, hit);
      return;
    }
    this.profileCache.set(row.id, { row, stamp: ++this.cacheStamp, keys: row.indexed, lo, hi, known: true });
    if (this.profileCache.size > PROFILE_CACHE_MAX) {
      const oldest = this.profileCache.keys().next().value;
      if (oldest !== undefined) this.profileCache.delete(oldest);
    }
  }

  /**
   * Stores the row's profile and columns (an UPDATE of a stored row, else an insert). Measured in situ on the 100k probe
   * (session 7, 2026-11-22): ~27 µs a save, ~6 µs of it the UPDATE, the rest encodeShared on profiles read cold; a
   * storyline's profile is no larger than an event's (stored averages 4.7 and 4.6 KB: the same trims bound both) and
   * changes with every article, so both are written whole. Tried and dropped: an UPDATE by rowid (−0.2 µs of ~6);
   * profiles padded to a size class so SQLite overwrites a row of unchanged size in place (−2.5 µs an UPDATE at best,
   * for a format old code cannot read); a per-row memo of the last encoding whose strings still matched were copied as
   * bytes (about half of an encoding on warm profiles) — slower in situ (a save took 5.0–5.7 times the UPDATE's time,
   * against 4.4–4.6): keeping and comparing ~450 strings per save cost what joining and writing them did, and the memo
   * as a property added to the rows made the hot row reads polymorphic (−9% paired).
   */
  saveProfile(row: ProfileRow): void {
    const p = row.profile;
    if (row.packed) row.repack = row.packed;
    row.packed = undefined;
    // The shared buffer is copied by the statement that binds it.
    const profile = encodeShared(p);
    const tLo = p.tLo ?? UNKNOWN_TIME;
    const tHi = p.tHi ?? UNKNOWN_TIME;
    const locked = row.locked ? 1 : 0;
    const indexed = JSON.stringify(row.indexed);
    const s = this.s;
    if (s.updateProfile.run(profile, tLo, tHi, p.n, row.repArticle, row.repScore, locked, indexed, row.id).changes === 0)
      s.putProfile.run({ id: row.id, kind: row.kind, profile, tLo, tHi, size: p.n, repArticle: row.repArticle, repScore: row.repScore, locked, indexed });
    this.remember(row);
  }

  /** Deletes the row and its event's postings (read from the row before it goes). */
  deleteProfile(id: string): void {
    this.unindex(id);
    this.s.delProfile.run(id);
    this.profileCache.delete(id);
  }

  /**
   * Events listed under any of the keys, at most `perKey` per key, active within [lo, hi] (plus events
   * with no known time); with no window, the most recently active. Returns event → summed key weight (in no
   * particular order: callers rank them, see select.ts strongestHits).
   */
  candidates(
    keys: readonly { key: string; weight: number }[],
    window: { lo: number; hi: number; keepFrom?: number } | null,
    perKey: number,
  ): Map<string, number> {
    // From memory in one pass when it can answer (then for every key alike: see PostingsIndex.window).
    const tallied = window ? this.postings.tally(keys, window.lo, window.hi, perKey, window.keepFrom) : null;
    if (tallied) return tallied;
    const out = new Map<string, number>();
    for (const { key, weight } of keys) {
      const ids = (
        window
          ? (this.postings.lookup(key, window.lo, window.hi, perKey, window.keepFrom) ??
            this.s.postWindow(perKey).all({ key, lo: window.lo, hi: window.hi, unknown: UNKNOWN_TIME }))
          : this.s.postAll(perKey).all(key)
      ) as string[];
      for (const id of ids) out.set(id, (out.get(id) ?? 0) + weight);
    }
    return out;
  }

  /**
   * Lists the event under `keys` (diffing against what it was listed under) with its current time window.
   * Its SQL is most of its time. Counted on the 100k probe (session 7, 2026-11-22; 2,000 articles):
   * 15,571 inserts and 5,571 deletes, of which 10,000 inserts are the 250 new events' 40 keys each; joined articles
   * insert and delete 3.2 keys each, and 40% of those inserts put back a key the same event dropped earlier (churn at
   * the edge of its top keys: exact results need it). Measured per insert in a transaction (20k store, 40 random keys
   * of a new event): one statement a row 5.1 µs; `INSERT` instead of `INSERT OR REPLACE` the same; the rows in key
   * order the same; one `INSERT … SELECT … FROM json_each(?)` 14 µs; one 40-row `VALUES` statement 15 µs.
   * Since schema v6 the postings are one B-tree keyed (key, t_hi, t_lo, event_id) instead of a table by event plus a
   * window index (20k store: a new event's 40 inserts 215 → 105 µs, a joined article's 3 deletes + 3 inserts 36 → 24
   * µs; 100k store, 3,000 random events, 3 deletes + 3 inserts + 40 new-event inserts each: 190 → 127 µs; in situ on the
   * 100k probe, 2026-11-22, 2,000 articles: reindex 182 → 128 ms, 6.3% → 4.3% of assign CPU). A delete needs the window the posting was written with: the profile cache keeps it (CachedRow), and a new
   * window rewrites each of the event's postings (delete and insert; it changes almost only for a new event, whose
   * first reindex has nothing to delete). `timeChanged` is the caller's word that the window moved: it rewrites the
   * rows (as the single UPDATE by event did before v6) unless they are at the new window already, and re-places them
   * in memory as before.
   */
  reindex(row: ProfileRow, keys: readonly string[], timeChanged: boolean): void {
    const tLo = row.profile.tLo ?? UNKNOWN_TIME;
    const tHi = row.profile.tHi ?? UNKNOWN_TIME;
    const at = this.writtenWindow(row, row.indexed.length > 0);
    // The kept postings are rewritten when the caller says the window moved (as the single UPDATE by event did) and
    // the rows are not already at the new window.
    const rewrite = timeChanged && (!at.known || at.lo !== tLo || at.hi !== tHi);
    const next = new Set(keys);
    const prev = new Set(row.indexed);
    const s = this.s;
    let added = false;
    for (const k of prev) {
      const kept = next.has(k);
      if (!kept || rewrite) this.dropPosting(k, row.id, at.lo, at.hi, at.known);
      if (!kept) this.postings.remove(k, row.id);
      else if (rewrite) s.addPosting.run(k, row.id, tLo, tHi);
    }
    for (const k of next) {
      const add = !prev.has(k);
      if (add) {
        s.addPosting.run(k, row.id, tLo, tHi);
        added = true;
      }
      if (timeChanged || add) this.postings.place(k, row.id, tLo, tHi);
    }
    row.indexed = [...next];
    at.keys = row.indexed;
    if (rewrite || prev.size === 0) {
      at.lo = tLo;
      at.hi = tHi;
      at.known = true;
    } else if (added && (at.lo !== tLo || at.hi !== tHi)) {
      // New keys at a window the kept ones do not have (a caller that moved the window without saying so, or a store
      // whose rows disagree with its profiles): the event's rows no longer share one window; deletes go by key scan
      // until a rewrite puts them back on one.
      at.known = false;
    }
  }

  /** Removes the event's postings (its keys and window from its cached or stored row; a table scan if it has none). */
  unindex(eventId: string): void {
    let at: Pick<CachedRow, 'keys' | 'lo' | 'hi' | 'known'> | undefined = this.profileCache.get(eventId);
    if (!at) {
      const stored = this.s.storedIndex.get(eventId) as [number, number, string] | undefined;
      if (stored) at = { keys: JSON.parse(stored[2]) as string[], lo: stored[0], hi: stored[1], known: true };
    }
    if (at) {
      for (const k of at.keys) {
        this.dropPosting(k, eventId, at.lo, at.hi, at.known);
        this.postings.remove(k, eventId);
      }
      return;
    }
    // No row tells the keys: read them from the postings (a scan of the table) and delete them the same way.
    fallbacks++;
    for (const k of this.s.eventKeys.all(eventId) as string[]) this.postings.remove(k, eventId);
    this.s.delPostings.run(eventId);
  }

  /**
   * The cache entry that records the window the event's postings were written with, made if the row is not cached:
   * the stored row's window when `needed` (the event has postings to delete), else the row's own (nothing to delete).
   */
  private writtenWindow(row: ProfileRow, needed: boolean): CachedRow {
    const id = row.id;
    let hit = this.profileCache.get(id);
    if (hit) return hit;
    const stored = needed ? (this.s.storedIndex.get(id) as [number, number, string] | undefined) : undefined;
    this.remember(row);
    hit = this.profileCache.get(id) as CachedRow;
    if (stored) {
      hit.lo = stored[0];
      hit.hi = stored[1];
    } else if (needed) hit.known = false;
    return hit;
  }

  /** Deletes one posting by its full key; by (key, event) when that window is not on record or matched no row. */
  private dropPosting(key: string, eventId: string, lo: number, hi: number, known: boolean): void {
    if (known && this.s.delPostingAt.run(key, hi, lo, eventId).changes > 0) return;
    fallbacks++;
    this.s.delPosting.run(key, eventId);
  }

  saveFeatures(articleId: string, title: string, f: Features): void {
    this.s.putFeatures.run(articleId, title, encodeFeatures(f));
  }

  title(articleId: string): string | null {
    return (this.s.getTitle.get(articleId) as { title: string } | undefined)?.title ?? null;
  }

  features(articleId: string): { title: string; features: Features } | null {
    const r = this.s.getFeatures.get(articleId) as { title: string; features: Buffer | string } | undefined;
    return r ? { title: r.title, features: decodeFeatures(r.features) } : null;
  }
}

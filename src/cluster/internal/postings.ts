/**
 * The inverted index's active time window in memory. `cluster_postings` in SQLite stays the record (every change
 * is still written there, in the article's transaction); this class answers the windowed candidate lookups from
 * memory with exactly the rows the SQL lookup returns (test/cluster/postings.test.ts compares the two).
 *
 * Per key it holds every dated posting whose activity ends at or after the key's `floor` (loaded from SQLite on
 * first use, then kept current by the writes that pass through `place`/`remove`), and the first undated postings
 * by event id (the ones the SQL lookup's `LIMIT` returns). Lookups for a window that starts before a key's floor,
 * or with no window at all, go to SQLite. Memory is bounded by the window, not the store: a key's postings that
 * fell out of every recent window are pruned as the stream moves on, and the whole index is dropped when it holds
 * more than MAX_KEYS keys (then reloaded on demand).
 */

import { keepFirst } from './select.js';

/** Stored time of an event with no dated member (state.ts's UNKNOWN_TIME). */
const UNKNOWN = -1;

/**
 * A key is loaded this many days further back than the window that asked for it, so an article a little older than
 * the last (streams arrive slightly out of order) is still answered from memory. Two weeks covers the reorder seen in
 * the demo corpus and the seeds (days); a late archive article simply reloads the key.
 */
export const LOAD_SLACK_DAYS = 14;
/**
 * A key's postings that ended before its window (less the slack) are pruned once the window has moved this many days
 * past the key's floor: pruning on every lookup would rescan each list per article for a handful of removals.
 */
export const PRUNE_STEP_DAYS = 14;
/**
 * Keys (or event windows) held before the index is dropped and reloaded on demand. A loaded key costs ~400 bytes
 * (its list object and Map) plus ~60 bytes per posting. The lookups of a stream concentrate on the keys of its
 * active events (on the speed stream ~50 concurrent events × ~40 keys), but every new event adds keys that are later
 * never asked again: with 200,000 the index grew with the store (peak RSS 743 MB at 50k real assignments, 978 MB at
 * 100k, against 583 MB without the index). 20,000 holds the active keys many times over and is dropped every few
 * thousand articles, after which the active keys reload with one query each (~2k queries, a few ms).
 */
export const MAX_KEYS = 20_000;

/** One event's activity window, shared by every key list the event appears in. */
interface Span {
  readonly id: string;
  tLo: number;
  tHi: number;
  /** The event's summed key weight in the tally numbered `stamp` (see `PostingsIndex.tally`). */
  sum: number;
  stamp: number;
}

interface KeyList {
  /** Every dated posting of the key with tHi ≥ floor is in `dated` (others may linger until pruned). */
  floor: number;
  readonly dated: Map<string, Span>;
  /** The first undated events of the key, by ascending id; complete unless `capped`. */
  undated: Span[];
  /** More undated postings exist in SQLite than `undated` holds. */
  capped: boolean;
}

/** What the index reads from SQLite when a key is first used. */
export interface PostingsSource {
  /**
   * Postings of `key`: the dated ones whose activity ends at or after `floor`, then the first `undatedLimit` undated
   * ones (tHi = −1) in index order (tLo, then event id; an undated event has tLo = −1 too, so by event id).
   */
  load(key: string, floor: number, undatedLimit: number): { event_id: string; t_lo: number; t_hi: number }[];
}

/** SQL ordering of the windowed lookup (index on key, t_hi, t_lo, then event_id, read backwards): latest first. */
function latestFirst(a: Span, b: Span): number {
  return b.tHi - a.tHi || b.tLo - a.tLo || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export class PostingsIndex {
  private readonly keys = new Map<string, KeyList>();
  private readonly spans = new Map<string, Span>();
  private scratch: Span[] = [];
  /** The events of the current tally, in the order first hit; `stamp` numbers the tallies. */
  private readonly tallied: Span[] = [];
  private stamp = 0;

  /** `undatedKept`: undated postings kept per key (lookups asking for more go to SQLite). */
  constructor(
    private readonly source: PostingsSource,
    private readonly undatedKept: number,
  ) {}

  /** How many keys are loaded (for tests and the memory bound). */
  get size(): number {
    return this.keys.size;
  }

  clear(): void {
    this.keys.clear();
    this.spans.clear();
  }

  /** Drops everything when over the bound (call between articles). */
  evict(): void {
    if (this.keys.size > MAX_KEYS || this.spans.size > MAX_KEYS) this.clear();
  }

  private span(id: string, tLo: number, tHi: number): Span {
    let s = this.spans.get(id);
    if (!s) {
      s = { id, tLo, tHi, sum: 0, stamp: 0 };
      this.spans.set(id, s);
    } else {
      s.tLo = tLo;
      s.tHi = tHi;
    }
    return s;
  }

  private load(key: string, floor: number): KeyList {
    const dated = new Map<string, Span>();
    const undated: Span[] = [];
    for (const r of this.source.load(key, floor, this.undatedKept + 1)) {
      const s = this.span(r.event_id, r.t_lo, r.t_hi);
      if (r.t_hi === UNKNOWN) undated.push(s);
      else dated.set(r.event_id, s);
    }
    const capped = undated.length > this.undatedKept;
    if (capped) undated.length = this.undatedKept;
    const list: KeyList = { floor, dated, undated, capped };
    this.keys.set(key, list);
    return list;
  }

  /**
   * Events listed under `key`, as the SQL lookup returns them: at most `n` active within [lo, hi] (latest first),
   * then at most `n` undated. Null when memory cannot answer (then ask SQLite). `keepFrom` (at most `lo`): the
   * earliest day the caller's other lookups of this key reach, so a narrower window asked in between (the event
   * window inside the storyline window) neither prunes what the wider one needs nor reloads the key.
   */
  lookup(key: string, lo: number, hi: number, n: number, keepFrom = lo): string[] | null {
    const list = this.window(key, lo, hi, n, keepFrom, true);
    if (!list) return null;
    const hits = this.scratch;
    const out: string[] = new Array(hits.length);
    for (let i = 0; i < hits.length; i++) out[i] = (hits[i] as Span).id;
    const u = list.undated;
    for (let i = 0; i < u.length && i < n; i++) out.push((u[i] as Span).id);
    return out;
  }

  /**
   * The events `lookup` lists under any of the keys, each with the summed weight of the keys listing it: what adding
   * up the lookups in a Map gives (in no particular order), without building their lists or hashing event ids (the
   * sums live on the events' spans, numbered by tally). Null when memory cannot answer (then ask SQLite).
   */
  tally(keys: readonly { key: string; weight: number }[], lo: number, hi: number, n: number, keepFrom = lo): Map<string, number> | null {
    const stamp = ++this.stamp;
    const tallied = this.tallied;
    tallied.length = 0;
    const add = (s: Span, weight: number) => {
      if (s.stamp !== stamp) {
        s.stamp = stamp;
        s.sum = 0;
        tallied.push(s);
      }
      s.sum += weight;
    };
    for (const { key, weight } of keys) {
      const list = this.window(key, lo, hi, n, keepFrom, false);
      if (!list) return null;
      const hits = this.scratch;
      for (let i = 0; i < hits.length; i++) add(hits[i] as Span, weight);
      const u = list.undated;
      for (let i = 0; i < u.length && i < n; i++) add(u[i] as Span, weight);
    }
    const out = new Map<string, number>();
    for (const s of tallied) out.set(s.id, s.sum);
    tallied.length = 0;
    return out;
  }

  /**
   * Leaves in `scratch` the key's dated events active within [lo, hi] that `lookup` lists (at most `n`, the latest;
   * latest first if `ordered`, else in no particular order: a tally adds them up, so only which ones counts) and
   * returns the key's list (for its undated events); null when memory cannot answer.
   */
  private window(key: string, lo: number, hi: number, n: number, keepFrom: number, ordered: boolean): KeyList | null {
    const from = Math.min(lo, keepFrom);
    if (n > this.undatedKept || from - LOAD_SLACK_DAYS <= UNKNOWN) return null;
    let list = this.keys.get(key);
    if (!list || list.floor > from) list = this.load(key, from - LOAD_SLACK_DAYS);
    else if (from - LOAD_SLACK_DAYS >= list.floor + PRUNE_STEP_DAYS) {
      const floor = from - LOAD_SLACK_DAYS;
      for (const [id, s] of list.dated) if (s.tHi < floor) list.dated.delete(id);
      list.floor = floor;
    }
    const hits = this.scratch;
    hits.length = 0;
    for (const s of list.dated.values()) if (s.tHi >= lo && s.tLo <= hi) hits.push(s);
    if (hits.length > n) {
      if (ordered) hits.sort(latestFirst).length = n;
      else keepFirst(hits, n, latestFirst);
    }
    return list;
  }

  /** The event is (now) listed under `key` with this window: updates the key's list if it is loaded. */
  place(key: string, id: string, tLo: number, tHi: number): void {
    const list = this.keys.get(key);
    if (!list) {
      // Not loaded: a span held for other keys must still see the new window.
      const s = this.spans.get(id);
      if (s) {
        s.tLo = tLo;
        s.tHi = tHi;
      }
      return;
    }
    const s = this.span(id, tLo, tHi);
    if (tHi === UNKNOWN) {
      list.dated.delete(id);
      this.addUndated(list, s);
    } else {
      this.removeUndated(key, list, id);
      if (tHi >= list.floor) list.dated.set(id, s);
    }
  }

  /** The event is no longer listed under `key`. */
  remove(key: string, id: string): void {
    const list = this.keys.get(key);
    if (!list) return;
    list.dated.delete(id);
    this.removeUndated(key, list, id);
  }

  private addUndated(list: KeyList, s: Span): void {
    const u = list.undated;
    const id = s.id;
    let at = 0;
    while (at < u.length && (u[at] as Span).id < id) at++;
    if ((u[at] as Span | undefined)?.id === id) return;
    if (at >= this.undatedKept) {
      // Beyond the kept prefix: the list no longer holds every undated posting.
      list.capped = true;
      return;
    }
    u.splice(at, 0, s);
    if (u.length > this.undatedKept) {
      u.length = this.undatedKept;
      list.capped = true;
    }
  }

  private removeUndated(key: string, list: KeyList, id: string): void {
    const at = list.undated.findIndex((s) => s.id === id);
    if (at < 0) return;
    list.undated.splice(at, 1);
    // The next undated posting (beyond the kept prefix) is only in SQLite: reload the key when next asked.
    if (list.capped) this.keys.delete(key);
  }
}

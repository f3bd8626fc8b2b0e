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
/**
 * Window changes remembered for the key lists' ordering (see `PostingsIndex.tidy`). A list not asked since more
 * changes than this were made is sorted again whole (a few hundred spans at most, nearly in order). The speed stream
 * makes one to three changes per article and asks its hot keys every article, so 4,096 (halved when full) leaves a
 * whole sort to keys idle for over a thousand articles.
 */
export const MOVE_LOG_MAX = 4_096;

/**
 * Window changes a list may still have to account for when a span joins it and is put in its place at once (else it is
 * appended and the list sorted at its next lookup). Each costs one Map lookup (tens of ns); a sort of a hot key's list
 * (~28 spans on the 100k probe, 2026-11-22) a few µs, and a list not looked up again never pays it: 32 keeps the scan far
 * below a sort.
 */
export const INSERT_SCAN_MAX = 32;

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
  /** The spans of `dated`, latest first (`latestFirst`) once `PostingsIndex.tidy` has run. */
  readonly order: Span[];
  /** A span joined `order` (at its end) since it was last sorted. */
  unsorted: boolean;
  /** How many window changes of the index's log `order` accounts for (see `PostingsIndex.tidy`). */
  seen: number;
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
  /** The spans whose window changed, the latest MOVE_LOG_MAX or fewer; `movesBase` counts the ones dropped before them. */
  private moves: Span[] = [];
  private movesBase = 0;
  /** The events of the current tally, in the order first hit; `stamp` numbers the tallies. */
  private readonly tallied: Span[] = [];
  private stamp = 0;

  /**
   * `undatedKept`: undated postings kept per key (lookups asking for more go to SQLite); `moveLogMax`: window changes
   * remembered for the lists' ordering (MOVE_LOG_MAX; tests pass a small one to reach the whole-list sorts).
   */
  constructor(
    private readonly source: PostingsSource,
    private readonly undatedKept: number,
    private readonly moveLogMax = MOVE_LOG_MAX,
  ) {}

  /** How many keys are loaded (for tests and the memory bound). */
  get size(): number {
    return this.keys.size;
  }

  clear(): void {
    this.keys.clear();
    this.spans.clear();
    this.moves = [];
    this.movesBase = 0;
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
    } else this.retime(s, tLo, tHi);
    return s;
  }

  /** Sets a span's window, logging the change for the ordering of every list that holds the span. */
  private retime(s: Span, tLo: number, tHi: number): void {
    if (s.tLo === tLo && s.tHi === tHi) return;
    s.tLo = tLo;
    s.tHi = tHi;
    this.moves.push(s);
    if (this.moves.length > this.moveLogMax) {
      const dropped = this.moves.length >> 1;
      this.moves = this.moves.slice(dropped);
      this.movesBase += dropped;
    }
  }

  /**
   * Puts the list's `order` back in `latestFirst` order: needed when a span joined it, or when a span it holds changed
   * its window since the list was last tidied (found in the log of changes; a list older than the log is sorted whole).
   * The sort is the engine's (stable, near linear on a list that is almost in order).
   */
  private tidy(list: KeyList): void {
    this.settle(list);
    if (list.unsorted) {
      list.order.sort(latestFirst);
      list.unsorted = false;
    }
  }

  /**
   * Accounts for the window changes logged since the list last did: marks it `unsorted` when one of them is a span it
   * holds (a list older than the log is marked unsorted whole). Afterwards a list not marked is in `latestFirst` order.
   */
  private settle(list: KeyList): void {
    const end = this.movesBase + this.moves.length;
    if (!list.unsorted && list.seen < end) {
      if (list.seen < this.movesBase) list.unsorted = true;
      else {
        const moves = this.moves;
        const dated = list.dated;
        for (let i = list.seen - this.movesBase; i < moves.length; i++) {
          const s = moves[i] as Span;
          if (dated.get(s.id) === s) {
            list.unsorted = true;
            break;
          }
        }
      }
    }
    list.seen = end;
  }

  /**
   * Lists a dated span under the key: at its place in `order` when the rest is in order (found by bisection: latestFirst
   * orders distinct ids strictly, so this is where a sort puts it), else at the end for the next `tidy` to sort. The
   * speed stream lists an event under ~4 new keys per article: sorting each such list again at its next lookup (~28
   * spans) cost more than its walk.
   */
  private addDated(list: KeyList, s: Span): void {
    if (list.dated.get(s.id) === s) return;
    const old = list.dated.get(s.id);
    if (old) this.dropDated(list, old.id);
    const order = list.order;
    // Settled before the span joins (its own window change, if logged, does not disorder the others).
    if (!list.unsorted && this.movesBase + this.moves.length - list.seen <= INSERT_SCAN_MAX) this.settle(list);
    list.dated.set(s.id, s);
    if (list.unsorted || list.seen !== this.movesBase + this.moves.length) {
      order.push(s);
      list.unsorted = true;
      return;
    }
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (latestFirst(order[mid] as Span, s) < 0) lo = mid + 1;
      else hi = mid;
    }
    order.splice(lo, 0, s);
  }

  /** Unlists a dated span from the key (the rest of `order` keeps its order). */
  private dropDated(list: KeyList, id: string): void {
    const s = list.dated.get(id);
    if (!s) return;
    list.dated.delete(id);
    const at = list.order.indexOf(s);
    if (at >= 0) list.order.splice(at, 1);
  }

  private load(key: string, floor: number): KeyList {
    const dated = new Map<string, Span>();
    const order: Span[] = [];
    const undated: Span[] = [];
    for (const r of this.source.load(key, floor, this.undatedKept + 1)) {
      const s = this.span(r.event_id, r.t_lo, r.t_hi);
      if (r.t_hi === UNKNOWN) undated.push(s);
      else if (!dated.has(r.event_id)) {
        dated.set(r.event_id, s);
        order.push(s);
      }
    }
    const capped = undated.length > this.undatedKept;
    if (capped) undated.length = this.undatedKept;
    const list: KeyList = { floor, dated, order, unsorted: true, seen: this.movesBase + this.moves.length, undated, capped };
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
    const list = this.window(key, lo, hi, n, keepFrom);
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
      const list = this.window(key, lo, hi, n, keepFrom);
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
   * Leaves in `scratch` the key's dated events active within [lo, hi] that `lookup` lists (at most `n`, the latest),
   * latest first, and returns the key's list (for its undated events); null when memory cannot answer. The list's
   * spans are kept latest first, so the walk stops at the first span that ended before `lo` or at the `n`th hit
   * (it visited every span of the key's loaded window, and sorted or selected the hits past `n`).
   */
  private window(key: string, lo: number, hi: number, n: number, keepFrom: number): KeyList | null {
    const from = Math.min(lo, keepFrom);
    if (n > this.undatedKept || from - LOAD_SLACK_DAYS <= UNKNOWN) return null;
    let list = this.keys.get(key);
    if (!list || list.floor > from) list = this.load(key, from - LOAD_SLACK_DAYS);
    this.tidy(list);
    if (from - LOAD_SLACK_DAYS >= list.floor + PRUNE_STEP_DAYS) {
      // Latest first: the spans that ended before the new floor are the order's tail.
      const floor = from - LOAD_SLACK_DAYS;
      const order = list.order;
      let keep = order.length;
      while (keep > 0 && (order[keep - 1] as Span).tHi < floor) keep--;
      for (let i = keep; i < order.length; i++) list.dated.delete((order[i] as Span).id);
      order.length = keep;
      list.floor = floor;
    }
    const hits = this.scratch;
    hits.length = 0;
    if (n <= 0) return list;
    const order = list.order;
    for (let i = 0; i < order.length; i++) {
      const s = order[i] as Span;
      if (s.tHi < lo) break;
      if (s.tLo <= hi) {
        hits.push(s);
        if (hits.length >= n) break;
      }
    }
    return list;
  }

  /** The event is (now) listed under `key` with this window: updates the key's list if it is loaded. */
  place(key: string, id: string, tLo: number, tHi: number): void {
    const list = this.keys.get(key);
    if (!list) {
      // Not loaded: a span held for other keys must still see the new window.
      const s = this.spans.get(id);
      if (s) this.retime(s, tLo, tHi);
      return;
    }
    const s = this.span(id, tLo, tHi);
    if (tHi === UNKNOWN) {
      this.dropDated(list, id);
      this.addUndated(list, s);
    } else {
      this.removeUndated(key, list, id);
      if (tHi >= list.floor) this.addDated(list, s);
    }
  }

  /** The event is no longer listed under `key`. */
  remove(key: string, id: string): void {
    const list = this.keys.get(key);
    if (!list) return;
    this.dropDated(list, id);
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

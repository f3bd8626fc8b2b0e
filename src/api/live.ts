/**
 * Live updates: a per-database feed that notices newly stored articles and tells subscribers.
 * It learns of new articles three ways: the API's own ingest route calls `check()`, the pipeline
 * may call `notifyIngested(db)` after a run in the same process, and while anyone listens the feed
 * polls the database so articles stored by another process (`storyline ingest`) also arrive.
 */
import type { Database } from 'better-sqlite3';
import { articlesAfter, maxSeq } from './internal/articles.js';

/** How often a feed with listeners looks for articles stored by other processes (ms); a human-scale delay. */
export const POLL_INTERVAL_MS = 2000;
/** Most articles announced per check; a bulk import beyond this is announced as a batch count. */
const MAX_ANNOUNCED = 50;

export interface ArticleEvent {
  readonly type: 'article';
  readonly id: string;
  readonly title: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly storyId: string | null;
}

export interface BatchEvent {
  readonly type: 'batch';
  readonly count: number;
}

export type LiveEvent = ArticleEvent | BatchEvent;
export type Listener = (event: LiveEvent) => void;

export class LiveFeed {
  private lastSeq: number;
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Database,
    private readonly pollMs: number = POLL_INTERVAL_MS,
  ) {
    this.lastSeq = maxSeq(db);
  }

  get size(): number {
    return this.listeners.size;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (!this.timer && this.pollMs > 0) {
      this.timer = setInterval(() => this.check(), this.pollMs);
      this.timer.unref();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopPolling();
    };
  }

  /** Announces articles stored since the last check; returns how many were new. */
  check(): number {
    if (!this.db.open) return 0;
    const rows = articlesAfter(this.db, this.lastSeq, MAX_ANNOUNCED + 1);
    if (rows.length === 0) return 0;
    const last = rows.length > MAX_ANNOUNCED ? maxSeq(this.db) : (rows[rows.length - 1]?.seq ?? this.lastSeq);
    const count = rows.length > MAX_ANNOUNCED ? last - this.lastSeq : rows.length;
    this.lastSeq = last;
    if (rows.length > MAX_ANNOUNCED) this.emit({ type: 'batch', count });
    else for (const r of rows) this.emit({ type: 'article', id: r.id, title: r.title, outlet: r.outlet, published: r.published, storyId: r.storyId });
    return count;
  }

  close(): void {
    this.stopPolling();
    this.listeners.clear();
  }

  private stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private emit(event: LiveEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch {
        // A failing listener (a closed socket) must not stop the others.
      }
    }
  }
}

const feeds = new WeakMap<Database, Set<LiveFeed>>();

/** Registers a feed so `notifyIngested` reaches it. */
export function registerFeed(db: Database, feed: LiveFeed): () => void {
  const set = feeds.get(db) ?? new Set<LiveFeed>();
  set.add(feed);
  feeds.set(db, set);
  return () => set.delete(feed);
}

/** The hook for the pipeline: call after storing articles so open browsers update at once. */
export function notifyIngested(db: Database): void {
  for (const feed of feeds.get(db) ?? []) feed.check();
}

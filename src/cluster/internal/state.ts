/**
 * The clusterer's persistent state in SQLite: document frequencies, per-article features, event and
 * storyline profiles, and the time-windowed inverted index. Small bounded caches sit in front; a
 * generation counter (bumped by human edits in any process) invalidates them.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { Features } from './features.js';
import { idfValue } from './idf.js';
import type { Profile } from './profile.js';

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
}

/** Stored time for an event with no dated member: excluded from windowed lookups, found by an extra one. */
export const UNKNOWN_TIME = -1;
/**
 * Cache sizes: bounded so memory does not grow with the store. Profiles: 5,000 is well above the working set
 * of the 120-day window in the speed stream (~1–2k events) yet ~150 MB at most (20,000 measured 1.16 GB RSS).
 */
const DF_CACHE_MAX = 300_000;
const PROFILE_CACHE_MAX = 5_000;

export class ClusterState {
  private readonly dfCache = new Map<string, number>();
  private readonly profileCache = new Map<string, ProfileRow>();
  private docsCount: number;
  private generation: string;
  private readonly s: Record<string, Statement>;

  constructor(db: Database) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      meta: p('SELECT value FROM cluster_meta WHERE key = ?'),
      setMeta: p('INSERT INTO cluster_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      df: p('SELECT df FROM cluster_df WHERE key = ?'),
      incDf: p('INSERT INTO cluster_df (key, df) VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET df = df + 1'),
      getProfile: p('SELECT id, kind, profile, rep_article, rep_score, locked, indexed FROM cluster_profiles WHERE id = ?'),
      putProfile: p(`INSERT INTO cluster_profiles (id, kind, profile, t_lo, t_hi, size, rep_article, rep_score, locked, indexed)
        VALUES (@id, @kind, @profile, @tLo, @tHi, @size, @repArticle, @repScore, @locked, @indexed)
        ON CONFLICT(id) DO UPDATE SET profile = excluded.profile, t_lo = excluded.t_lo, t_hi = excluded.t_hi, size = excluded.size,
          rep_article = excluded.rep_article, rep_score = excluded.rep_score, locked = excluded.locked, indexed = excluded.indexed`),
      delProfile: p('DELETE FROM cluster_profiles WHERE id = ?'),
      postWindow: p('SELECT event_id FROM cluster_postings WHERE key = ? AND t_hi >= ? AND t_lo <= ? ORDER BY t_hi DESC LIMIT ?'),
      postUnknown: p('SELECT event_id FROM cluster_postings WHERE key = ? AND t_hi = ? LIMIT ?'),
      postAll: p('SELECT event_id FROM cluster_postings WHERE key = ? ORDER BY t_hi DESC LIMIT ?'),
      addPosting: p('INSERT OR REPLACE INTO cluster_postings (key, event_id, t_lo, t_hi) VALUES (?, ?, ?, ?)'),
      delPosting: p('DELETE FROM cluster_postings WHERE key = ? AND event_id = ?'),
      delPostings: p('DELETE FROM cluster_postings WHERE event_id = ?'),
      timePostings: p('UPDATE cluster_postings SET t_lo = ?, t_hi = ? WHERE event_id = ?'),
      putFeatures: p('INSERT OR REPLACE INTO cluster_features (article_id, title, features) VALUES (?, ?, ?)'),
      getFeatures: p('SELECT title, features FROM cluster_features WHERE article_id = ?'),
    };
    this.docsCount = Number(this.meta('docs') ?? 0);
    this.generation = this.meta('generation') ?? '0';
  }

  private meta(key: string): string | undefined {
    return (this.s.meta!.get(key) as { value: string } | undefined)?.value;
  }

  /** Drops caches if another process (or a human edit) changed the clusters since we last looked. */
  sync(): void {
    const g = this.meta('generation') ?? '0';
    if (g !== this.generation) this.clearCaches();
    this.generation = g;
    this.docsCount = Number(this.meta('docs') ?? 0);
  }

  clearCaches(): void {
    this.dfCache.clear();
    this.profileCache.clear();
  }

  /** Marks the clusters as edited so every process reloads them. */
  bumpGeneration(): void {
    const g = String(Number(this.meta('generation') ?? 0) + 1);
    this.s.setMeta!.run('generation', g);
    this.generation = g;
    this.profileCache.clear();
  }

  get docs(): number {
    return this.docsCount;
  }

  /** Counts one more document containing these keys. */
  observe(keys: readonly string[]): void {
    for (const k of new Set(keys)) {
      this.s.incDf!.run(k);
      const cached = this.dfCache.get(k);
      if (cached !== undefined) this.dfCache.set(k, cached + 1);
    }
    this.docsCount++;
    this.s.setMeta!.run('docs', String(this.docsCount));
  }

  df(key: string): number {
    let v = this.dfCache.get(key);
    if (v === undefined) {
      v = (this.s.df!.get(key) as { df: number } | undefined)?.df ?? 0;
      if (this.dfCache.size >= DF_CACHE_MAX) this.dfCache.clear();
      this.dfCache.set(key, v);
    }
    return v;
  }

  readonly idf = (key: string): number => idfValue(this.df(key), this.docsCount);

  profile(id: string): ProfileRow | null {
    const hit = this.profileCache.get(id);
    if (hit) {
      this.profileCache.delete(id);
      this.profileCache.set(id, hit);
      return hit;
    }
    const r = this.s.getProfile!.get(id) as
      | { id: string; kind: 'event' | 'story'; profile: string; rep_article: string | null; rep_score: number; locked: number; indexed: string }
      | undefined;
    if (!r) return null;
    const row: ProfileRow = {
      id: r.id,
      kind: r.kind,
      profile: JSON.parse(r.profile) as Profile,
      repArticle: r.rep_article,
      repScore: r.rep_score,
      locked: r.locked === 1,
      indexed: JSON.parse(r.indexed) as string[],
    };
    this.remember(row);
    return row;
  }

  private remember(row: ProfileRow): void {
    this.profileCache.delete(row.id);
    this.profileCache.set(row.id, row);
    if (this.profileCache.size > PROFILE_CACHE_MAX) {
      const oldest = this.profileCache.keys().next().value;
      if (oldest !== undefined) this.profileCache.delete(oldest);
    }
  }

  saveProfile(row: ProfileRow): void {
    const p = row.profile;
    this.s.putProfile!.run({
      id: row.id,
      kind: row.kind,
      profile: JSON.stringify(p),
      tLo: p.tLo ?? UNKNOWN_TIME,
      tHi: p.tHi ?? UNKNOWN_TIME,
      size: p.n,
      repArticle: row.repArticle,
      repScore: row.repScore,
      locked: row.locked ? 1 : 0,
      indexed: JSON.stringify(row.indexed),
    });
    this.remember(row);
  }

  deleteProfile(id: string): void {
    this.s.delProfile!.run(id);
    this.s.delPostings!.run(id);
    this.profileCache.delete(id);
  }

  /**
   * Events listed under any of the keys, at most `perKey` per key, active within [lo, hi] (plus events
   * with no known time); with no window, the most recently active. Returns event → summed key weight.
   */
  candidates(keys: readonly { key: string; weight: number }[], window: { lo: number; hi: number } | null, perKey: number): Map<string, number> {
    const out = new Map<string, number>();
    const add = (rows: { event_id: string }[], w: number) => {
      for (const r of rows) out.set(r.event_id, (out.get(r.event_id) ?? 0) + w);
    };
    for (const { key, weight } of keys) {
      if (window) {
        add(this.s.postWindow!.all(key, window.lo, window.hi, perKey) as { event_id: string }[], weight);
        add(this.s.postUnknown!.all(key, UNKNOWN_TIME, perKey) as { event_id: string }[], weight);
      } else add(this.s.postAll!.all(key, perKey) as { event_id: string }[], weight);
    }
    return out;
  }

  /** Lists the event under `keys` (diffing against what it was listed under) with its current time window. */
  reindex(row: ProfileRow, keys: readonly string[], timeChanged: boolean): void {
    const tLo = row.profile.tLo ?? UNKNOWN_TIME;
    const tHi = row.profile.tHi ?? UNKNOWN_TIME;
    const next = new Set(keys);
    const prev = new Set(row.indexed);
    for (const k of prev) if (!next.has(k)) this.s.delPosting!.run(k, row.id);
    if (timeChanged) this.s.timePostings!.run(tLo, tHi, row.id);
    for (const k of next) if (!prev.has(k)) this.s.addPosting!.run(k, row.id, tLo, tHi);
    row.indexed = [...next];
  }

  unindex(eventId: string): void {
    this.s.delPostings!.run(eventId);
  }

  saveFeatures(articleId: string, title: string, f: Features): void {
    this.s.putFeatures!.run(articleId, title, JSON.stringify(f));
  }

  features(articleId: string): { title: string; features: Features } | null {
    const r = this.s.getFeatures!.get(articleId) as { title: string; features: string } | undefined;
    return r ? { title: r.title, features: JSON.parse(r.features) as Features } : null;
  }
}

/**
 * The online clusterer's per-language text-cosine backgrounds (background.ts): each assigned article with a
 * language is compared (text cosine, exactly score()'s text part) with BACKGROUND_PAIRS_PER_ARTICLE random earlier
 * articles of its language, and the histogram counts are kept in `cluster_meta` (JSON, no migration), written in the
 * article's transaction. An old store has no such row: it starts empty, so every scale stays 1 until a language has
 * BACKGROUND_MIN_PAIRS pairs — exactly the behaviour before.
 *
 * "Random earlier articles" come from a bounded in-memory reservoir per language (uniform over the articles this
 * process has assigned, Algorithm R), not from the previous articles: streams are bursty, and consecutive reports
 * are often of one event. A new process starts with empty reservoirs (the stored counts carry over).
 *
 * A member is kept as its unit text vector weighted as score() weighs it (termIdf: IDF lowered by the language
 * shift) at its arrival; the new article's vector uses today's IDFs. Re-weighting members with today's IDFs, as the
 * benchmark does for its fixed corpus, cost 0.43 ms wall per assignment on the speed stream (6,000 stored; 0.16 ms
 * of it reading cells evicted from the IDF cache), against a budget of ~0.3 ms; the IDFs of a key change little
 * between a member's arrival and its draw, and the background is a 95th percentile over hundreds of pairs.
 */
import type { Database, Statement } from 'better-sqlite3';
import { BACKGROUND_PAIRS_PER_ARTICLE, Backgrounds } from './background.js';
import { featureKeys } from './key-order.js';
import { type Idf, termIdf } from './similarity.js';

/**
 * Earlier articles kept per language to draw pairs from. 64 term vectors (~a few hundred keys each) per language is a
 * few MB at most for a dozen languages; drawing 2 of 64 makes the same pair recur rarely (1 in ~2,000 draws), and the
 * 95th percentile rests on at least BACKGROUND_MIN_PAIRS = 200 pairs, far more than 64 members could bias.
 */
export const RESERVOIR_PER_LANGUAGE = 64;

/**
 * Documents the store must hold before pairs are observed: below it the IDFs rest on too few documents to damp
 * common words, and random pairs run high. SemEval stream (2,419 articles, file order), backgrounds learnt online
 * against the benchmark's own sample (final IDFs: ar 0.050, en 0.048, pl 0.070, zh 0.025): observing from the first
 * document gave ar 0.088, en 0.073, pl 0.098 (scales 0.83 and 0.78, out of the dead zone) and zh 0.030; from 300
 * documents ar 0.060, en 0.063, pl 0.065 (scale 1) and zh 0.030 (1.41); from 1,000, zh stayed under the minimum
 * pairs. BCubed F1 0.914 in all three. 300 taken.
 */
export const BACKGROUND_MIN_DOCS = 300;

/** The `cluster_meta` key holding the histogram counts (JSON of Backgrounds.toJSON()). */
export const BACKGROUNDS_META_KEY = 'backgrounds';

/** Seed of the reservoir's generator: fixed, so a run over the same stream observes the same pairs. */
const RESERVOIR_SEED = 1;

/**
 * What the reservoir keeps of an article: its unit text vector (IDF-weighted at arrival), as parallel key and weight
 * lists (walked by dot) and a map of the same weights (looked up by dot), made the first time dot needs it: most
 * articles are offered once, compared as the shorter vector about half the time, and never kept (a member is replaced
 * with probability RESERVOIR_PER_LANGUAGE / articles seen).
 */
export interface Member {
  readonly keys: readonly string[];
  readonly weights: Float64Array;
  byKey: Map<string, number> | null;
}

/** The member's weights by key (made once). */
function byKey(m: Member): ReadonlyMap<string, number> {
  if (m.byKey) return m.byKey;
  const map = new Map<string, number>();
  for (let i = 0; i < m.keys.length; i++) map.set(m.keys[i] as string, m.weights[i] as number);
  m.byKey = map;
  return map;
}

/** The article's text vector as score() weighs it, scaled to unit length (empty when it has no weighted term). */
export function unitVector(terms: Record<string, number>, w: Idf): Member & { readonly inv: number } {
  const all = featureKeys(terms);
  const keys: string[] = [];
  const weights = new Float64Array(all.length);
  let norm = 0;
  for (let i = 0; i < all.length; i++) {
    const k = all[i] as string;
    const x = (terms[k] as number) * w(k);
    if (x === 0) continue;
    weights[keys.length] = x;
    keys.push(k);
    norm += x * x;
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < keys.length; i++) weights[i] = (weights[i] as number) * inv;
  return { keys, weights: keys.length === all.length ? weights : weights.slice(0, keys.length), byKey: null, inv };
}

/** Cosine of two unit vectors (a pass over the smaller, in its key order). */
export function dot(a: Member, b: Member): number {
  const small = a.keys.length <= b.keys.length ? a : b;
  const large = byKey(small === a ? b : a);
  let s = 0;
  for (let i = 0; i < small.keys.length; i++) {
    const y = large.get(small.keys[i] as string);
    if (y !== undefined) s += (small.weights[i] as number) * y;
  }
  return s;
}

/**
 * dot(v, m) for the new article's vector `v` (made by unitVector from `terms` and `w`): where `m` is the smaller, its
 * keys are looked up in `terms` and v's weight of a shared key is computed again as unitVector computed it
 * ((tf × IDF) × inv: the same operations on the same values, so the same number), instead of first building the map
 * of v's keys that dot() would look them up in (most articles are never drawn again, so that map is made and dropped).
 */
export function dotWithNew(v: Member & { readonly inv: number }, m: Member, terms: Record<string, number>, w: Idf): number {
  if (v.keys.length <= m.keys.length) return dot(v, m);
  let s = 0;
  for (let i = 0; i < m.keys.length; i++) {
    const k = m.keys[i] as string;
    const tf = terms[k];
    // Not `=== undefined`: on a record with a prototype, a key like "constructor" would read a function.
    if (typeof tf !== 'number') continue;
    const x = tf * w(k);
    if (x === 0) continue;
    s += (m.weights[i] as number) * (x * v.inv);
  }
  return s;
}

interface Pool {
  readonly members: Member[];
  /** Articles of this language offered so far (this process). */
  seen: number;
}

export class StoredBackgrounds {
  private counts = new Backgrounds();
  private readonly pools = new Map<string, Pool>();
  private rng = RESERVOIR_SEED;
  private readonly get: Statement;
  private readonly put: Statement;

  constructor(db: Database) {
    this.get = db.prepare('SELECT value FROM cluster_meta WHERE key = ?').pluck();
    this.put = db.prepare('INSERT INTO cluster_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    this.reload();
  }

  /** Re-reads the stored counts (another process, a rolled-back transaction or a reset may have changed them). */
  reload(): void {
    const raw = this.get.get(BACKGROUNDS_META_KEY) as string | undefined;
    let parsed: Record<string, number[]> = {};
    if (raw) {
      try {
        parsed = JSON.parse(raw) as Record<string, number[]>;
      } catch {
        // Unreadable counts are dropped (scale 1 until relearnt) rather than failing every assignment.
        parsed = {};
      }
    }
    this.counts = Backgrounds.from(parsed);
  }

  /** Forgets the reservoirs too (after a reset of the clusters). */
  clear(): void {
    this.pools.clear();
    this.reload();
  }

  get backgrounds(): Backgrounds {
    return this.counts;
  }

  /** The text scale for an article of this language (1 when unknown or too few pairs). */
  scale(language: string | null): number {
    return this.counts.scale(language);
  }

  private next(n: number): number {
    this.rng = (this.rng * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((this.rng / 2_147_483_648) * n);
  }

  /**
   * Observes the article against up to BACKGROUND_PAIRS_PER_ARTICLE distinct random earlier articles of its language,
   * stores the counts, then offers the article to the reservoir. Returns the pairs observed. Nothing happens while the
   * store holds fewer than BACKGROUND_MIN_DOCS documents (`docs`).
   */
  offer(language: string | null, terms: Record<string, number>, idf: Idf, docs: number): number {
    if (!language || docs < BACKGROUND_MIN_DOCS) return 0;
    let pool = this.pools.get(language);
    if (!pool) {
      pool = { members: [], seen: 0 };
      this.pools.set(language, pool);
    }
    const m = pool.members;
    const w = termIdf(idf, language);
    const v = unitVector(terms, w);
    const pairs = Math.min(BACKGROUND_PAIRS_PER_ARTICLE, m.length);
    if (pairs > 0) {
      // Distinct random members, each drawn independently (while the reservoir fills, neighbouring slots are
      // consecutive articles, so no member is taken for being next to another).
      const picks = new Set<number>();
      while (picks.size < pairs) picks.add(this.next(m.length));
      for (const p of picks) this.counts.observe(language, dotWithNew(v, m[p] as Member, terms, w));
      this.put.run(BACKGROUNDS_META_KEY, this.counts.serialized());
    }
    pool.seen++;
    if (m.length < RESERVOIR_PER_LANGUAGE) m.push(v);
    else {
      const j = this.next(pool.seen);
      if (j < RESERVOIR_PER_LANGUAGE) m[j] = v;
    }
    return pairs;
  }
}

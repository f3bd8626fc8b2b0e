/**
 * The compare stage's output (ledger, framing, timeline, brief) for a storyline, computed once per
 * database version and shared by the brief, ledger, timeline, entities and quotes sections. Building
 * it annotates every article of the storyline (hundreds of ms; seconds for the first call while the
 * language models load), so concurrent requests share one computation.
 */
import type { Database } from 'better-sqlite3';
import type { StoryComparison } from '../../compare/index.js';
import { lazyStage } from './lazy-stage.js';

/**
 * The compare stage, loaded on first use: if it fails to load, only its sections answer
 * 503 `unavailable` and the rest of the API keeps working.
 */
const loadCompare = lazyStage('compare', () => import('../../compare/index.js'));

/** Storylines whose comparison is kept; a reader moving between a few storylines never waits twice. */
const MAX_COMPARISONS = 16;

const memo = new WeakMap<Database, Map<string, Promise<StoryComparison>>>();

function version(db: Database): string {
  return `${db.pragma('data_version', { simple: true }) as number}:${db.prepare('SELECT total_changes()').pluck().get() as number}`;
}

export function comparisonFor(db: Database, storyId: string): Promise<StoryComparison> {
  let cache = memo.get(db);
  if (!cache) {
    cache = new Map();
    memo.set(db, cache);
  }
  const key = `${storyId}\u0000${version(db)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const pending = loadCompare().then((m) => m.compareForStory(db, storyId));
  cache.set(key, pending);
  // A failure is not remembered: the next request tries again.
  pending.catch(() => cache.delete(key));
  while (cache.size > MAX_COMPARISONS) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return pending;
}

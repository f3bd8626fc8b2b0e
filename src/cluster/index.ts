/**
 * The clustering stage: online assignment of articles to events and events to storylines, human
 * merge/split/move with an audit log, explanations, and the storyline readers used by the export.
 */
import type { Database } from 'better-sqlite3';
import { createOnlineClusterer } from './internal/engine.js';
import type { ClusterOptions } from './internal/options.js';
import type { Clusterer } from './types.js';

export { type DecisionResult, mergeClusters, moveItem, splitEvent } from './decisions.js';
export { ClusterError, ClusterNotFoundError } from './errors.js';
export { resolveId } from './internal/ops.js';
export type { ClusterOptions } from './internal/options.js';
export { DEFAULT_OPTIONS } from './internal/options.js';
export {
  type ArticlePlace,
  type AuditEntry,
  auditLog,
  type EventSummary,
  explainArticle,
  getStory,
  listStories,
  type StorySummary,
  storyOfArticle,
  type Why,
} from './readers.js';
export { clusterSchema } from './schema.js';
export type { Assignment, Clusterer, ClusterSignals, Explanation, Reconsideration, ScoreParts } from './types.js';

/** Creates the clusterer for a database (state persists in the database; a new process continues where the last stopped). */
export function createClusterer(db: Database, options: Partial<ClusterOptions> = {}): Clusterer {
  return createOnlineClusterer(db, options);
}

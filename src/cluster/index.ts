/**
 * The clustering stage: online assignment of articles to events and events to storylines, human
 * merge/split/move with an audit log, explanations, and the storyline readers used by the export.
 */
import type { Database } from 'better-sqlite3';
import { createOnlineClusterer } from './internal/engine.js';
import type { ClusterOptions } from './internal/options.js';
import type { Clusterer } from './types.js';

export type { Assignment, ClusterSignals, Clusterer, Explanation, ScoreParts } from './types.js';
export type { ClusterOptions } from './internal/options.js';
export { DEFAULT_OPTIONS } from './internal/options.js';
export { ClusterError, ClusterNotFoundError } from './errors.js';
export { clusterSchema } from './schema.js';
export { type DecisionResult, mergeClusters, moveItem, splitEvent } from './decisions.js';
export { type ArticlePlace, type AuditEntry, type EventSummary, type StorySummary, type Why, auditLog, explainArticle, getStory, listStories, storyOfArticle } from './readers.js';
export { resolveId } from './internal/ops.js';

/** Creates the clusterer for a database (state persists in the database; a new process continues where the last stopped). */
export function createClusterer(db: Database, options: Partial<ClusterOptions> = {}): Clusterer {
  return createOnlineClusterer(db, options);
}

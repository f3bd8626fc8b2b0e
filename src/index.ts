/**
 * Storyline's public API. Everything a program embedding Storyline may use is exported here;
 * anything else (notably `internal/` folders) may change without notice. The list of exported
 * names is pinned by test/public-api.test.ts.
 */

export * as api from './api/index.js';
// Each stage, as a namespace: `import { clean, dedup } from 'storyline'`.
export * as clean from './clean/index.js';
export * as cluster from './cluster/index.js';
export * as compare from './compare/index.js';
export * as dedup from './dedup/index.js';
// The export document.
export * from './export.js';
export * as extract from './extract/index.js';
// Pipeline: files or records in, stories out.
export {
  clusterSignals,
  defaultIngestOptions,
  type IngestOptions,
  type IngestSummary,
  ingestInputs,
  ingestPaths,
  type LogEntry,
  type Outcome,
  type ReannotateOptions,
  type ReannotateSummary,
  reannotateStored,
} from './pipeline.js';
export { getArticle, listArticles, removedBlocks, type SearchHit, searchArticles } from './store/articles.js';
// Storage.
export { DB_ENV, DEFAULT_DB_FILE, type OpenOptions, openDatabase, resolveDbPath, StoreError } from './store/db.js';
export { type Migration, MigrationError, type SchemaModule } from './store/migrate.js';
// Domain types shared by every stage.
export type * from './types.js';

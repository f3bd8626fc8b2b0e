/** Clears every clustering result and the online state (used by benchmarks and full re-runs). */
import type { Database } from 'better-sqlite3';

export function resetClusters(db: Database): void {
  db.transaction(() => {
    for (const t of [
      'article_events',
      'events',
      'stories',
      'cluster_features',
      'cluster_profiles',
      'cluster_postings',
      'cluster_df',
      'cluster_df_log',
      'id_redirects',
      'cluster_constraints',
      'cluster_decisions',
    ]) {
      db.prepare(`DELETE FROM ${t}`).run();
    }
    db.prepare("UPDATE cluster_meta SET value = '0' WHERE key = 'docs'").run();
    // The text-cosine backgrounds (bgstore.ts) are relearnt from the re-run's own pairs.
    db.prepare("DELETE FROM cluster_meta WHERE key = 'backgrounds'").run();
    db.prepare("UPDATE cluster_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation'").run();
  })();
}

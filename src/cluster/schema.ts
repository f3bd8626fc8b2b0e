import type { SchemaModule } from '../store/migrate.js';

/**
 * Tables owned by the clustering stage. `stories`, `events` and `article_events` are the public
 * result; the `cluster_*` tables hold the online state (features, profiles, inverted index, document
 * frequencies) so a new process continues incrementally, plus decisions, redirects and constraints.
 */
export const clusterSchema: SchemaModule = {
  stage: 'cluster',
  migrations: [
    {
      version: 1,
      name: 'stories, events, article links, online index, decisions',
      up: `
CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  story_id TEXT NOT NULL REFERENCES stories(id),
  title TEXT NOT NULL,
  date TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX events_story ON events(story_id);
CREATE TABLE article_events (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  event_id TEXT NOT NULL REFERENCES events(id),
  score REAL NOT NULL,
  explanation TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX article_events_event ON article_events(event_id);

-- Online state. Features of each clustered article (JSON), kept so clusters can be rebuilt after edits.
CREATE TABLE cluster_features (
  article_id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  features TEXT NOT NULL
);
-- Profile (bounded centroid) of each event and storyline; kind is 'event' or 'story'.
CREATE TABLE cluster_profiles (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('event', 'story')),
  profile TEXT NOT NULL,
  t_lo REAL NOT NULL,
  t_hi REAL NOT NULL,
  size INTEGER NOT NULL,
  rep_article TEXT,
  rep_score REAL NOT NULL DEFAULT 0,
  locked INTEGER NOT NULL DEFAULT 0,
  indexed TEXT NOT NULL DEFAULT '[]'
);
-- Inverted index: key (term stem, e:name, n:number) → events, with the event's activity window.
CREATE TABLE cluster_postings (
  key TEXT NOT NULL,
  event_id TEXT NOT NULL,
  t_lo REAL NOT NULL,
  t_hi REAL NOT NULL,
  PRIMARY KEY (key, event_id)
) WITHOUT ROWID;
CREATE INDEX cluster_postings_time ON cluster_postings(key, t_hi);
CREATE INDEX cluster_postings_event ON cluster_postings(event_id);
CREATE TABLE cluster_df (
  key TEXT PRIMARY KEY,
  df INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE cluster_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO cluster_meta (key, value) VALUES ('docs', '0'), ('generation', '0');

-- Human and automatic decisions (audit log), id redirects, and must-not-link pairs.
CREATE TABLE cluster_decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('human', 'auto')),
  action TEXT NOT NULL,
  payload TEXT NOT NULL,
  note TEXT
);
CREATE TABLE id_redirects (
  old_id TEXT PRIMARY KEY,
  new_id TEXT NOT NULL,
  decision_id INTEGER REFERENCES cluster_decisions(id)
);
CREATE TABLE cluster_constraints (
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('cannot-link', 'pinned')),
  decision_id INTEGER REFERENCES cluster_decisions(id),
  PRIMARY KEY (a, b, kind)
);
`,
    },
    {
      version: 2,
      name: 'document-frequency journal (df counts written in batches); covering index for windowed postings reads',
      // Each article appends its keys here (one row) instead of updating one cluster_df row per key; every
      // few dozen articles the journal is folded into cluster_df. Old stores start with an empty journal, so
      // their cluster_df stays exact as it is.
      up: `
CREATE TABLE cluster_df_journal (
  seq INTEGER PRIMARY KEY,
  keys TEXT NOT NULL
);
-- The windowed lookup filters on t_lo too: with it in the index (event_id comes with the primary key) the
-- lookup reads the index alone instead of one table row per posting.
DROP INDEX cluster_postings_time;
CREATE INDEX cluster_postings_window ON cluster_postings(key, t_hi, t_lo);
`,
    },
    {
      version: 3,
      name: 'postings stored by event (primary key event_id, key): the index changes of one event land on one or two pages',
      // An assignment changes one event's postings (~9 inserts, ~3 deletes, sometimes a new time window for all ~40).
      // Ordered by (key, event_id) each change dirtied a random table page; ordered by event they share one or two, and
      // the separate event index is redundant. The window index (key, t_hi, t_lo, then event_id from the primary key)
      // still covers every read by key. Rebuilt in place, in key order of the new primary key.
      up: `
CREATE TABLE cluster_postings_by_event (
  event_id TEXT NOT NULL,
  key TEXT NOT NULL,
  t_lo REAL NOT NULL,
  t_hi REAL NOT NULL,
  PRIMARY KEY (event_id, key)
) WITHOUT ROWID;
INSERT INTO cluster_postings_by_event (event_id, key, t_lo, t_hi) SELECT event_id, key, t_lo, t_hi FROM cluster_postings ORDER BY event_id, key;
DROP TABLE cluster_postings;
ALTER TABLE cluster_postings_by_event RENAME TO cluster_postings;
CREATE INDEX cluster_postings_window ON cluster_postings(key, t_hi, t_lo);
`,
    },
    {
      version: 4,
      name: 'document-frequency journal renamed cluster_df_log: its rows are now folded a key range at a time',
      // Since the fold runs a slice per article (dfjournal.ts), a row of the snapshot being folded may hold keys already
      // counted in cluster_df. Code from before this version (which knows no newer-schema guard) would count them
      // again; under the new name it stops with "no such table" instead of corrupting the counts.
      up: `
ALTER TABLE cluster_df_journal RENAME TO cluster_df_log;
`,
    },
    {
      version: 5,
      name: 'new encodings in existing columns: df log rows as keys joined by U+001F, article features as a binary blob',
      // No table changes: rows written before still read (a log row starting with `[` is JSON; features stored as text
      // are JSON). The version is there so code from before it, which cannot read the new rows, stops at open with the
      // "written by a newer Storyline" error instead of failing on a log row or a features row later.
      up: '',
    },
    {
      version: 6,
      name: 'postings in one B-tree: primary key (key, t_hi, t_lo, event_id), no other index',
      // Every read is by key and was served by the window index (key, t_hi, t_lo, then event_id); as the primary key it
      // serves them alone, and each posting insert or delete writes one B-tree instead of two (20k store: a new event's
      // 40 inserts 215 → 105 µs). Deletes go by the full key: the writer keeps the window each event's postings were
      // written with (the profile row's t_lo/t_hi, which every reindex updates before the row is saved). Rebuilt in
      // place, in the new key order, keeping only the rows each event's profile lists (`indexed`): deletes now go by
      // those lists, so a row no profile lists (a key or an event a process with an undone article's caches left) would
      // otherwise stay for good. CROSS JOIN keeps the join order: profiles, their keys, then each posting by its primary
      // key (left to the planner, it parsed a profile's list once per posting: 100k store, 506k postings, 2.5 s against
      // 0.66 s). Code from before this version would delete by event id (a table scan) and is stopped at open by the
      // version check.
      up: `
CREATE TABLE cluster_postings_by_key (
  key TEXT NOT NULL,
  event_id TEXT NOT NULL,
  t_lo REAL NOT NULL,
  t_hi REAL NOT NULL,
  PRIMARY KEY (key, t_hi, t_lo, event_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO cluster_postings_by_key (key, event_id, t_lo, t_hi)
  SELECT p.key, p.event_id, p.t_lo, p.t_hi
  FROM cluster_profiles f CROSS JOIN json_each(f.indexed) j CROSS JOIN cluster_postings p ON p.event_id = f.id AND p.key = j.value
  WHERE f.kind = 'event'
  ORDER BY p.key, p.t_hi, p.t_lo, p.event_id;
DROP TABLE cluster_postings;
ALTER TABLE cluster_postings_by_key RENAME TO cluster_postings;
`,
    },
  ],
};

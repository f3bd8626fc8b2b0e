import type { SchemaModule } from './migrate.js';

/** Tables owned by ingest/clean: articles, what cleaning removed, full-text index, ingest log. */
export const coreSchema: SchemaModule = {
  stage: 'core',
  migrations: [
    {
      version: 1,
      name: 'articles, removed blocks, fts, ingest log',
      up: `
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  canonical_url TEXT UNIQUE,
  path TEXT,
  url TEXT,
  record INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL,
  outlet TEXT,
  author TEXT,
  published TEXT,
  modified TEXT,
  language TEXT,
  format TEXT NOT NULL,
  raw TEXT NOT NULL,
  text TEXT NOT NULL,
  paragraphs TEXT NOT NULL,
  meta TEXT NOT NULL,
  is_article INTEGER NOT NULL DEFAULT 1,
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE TABLE removed_blocks (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  rule TEXT NOT NULL,
  reason TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (article_id, ord)
);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TABLE ingest_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  inputs TEXT NOT NULL
);
CREATE TABLE ingest_log (
  run_id INTEGER NOT NULL REFERENCES ingest_runs(id),
  location TEXT NOT NULL,
  record INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ingested', 'present', 'skipped')),
  reason TEXT,
  article_id TEXT,
  at TEXT NOT NULL
);
CREATE INDEX ingest_log_run ON ingest_log(run_id);
`,
    },
  ],
};

import type { SchemaModule } from '../store/migrate.js';

/** Tables owned by the extract stage. Every per-article row cascades with its article. */
export const extractSchema: SchemaModule = {
  stage: 'extract',
  migrations: [
    {
      version: 1,
      name: 'entities, mentions, dates, quotes, numbers',
      up: `
CREATE TABLE extract_entities (
  key TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  aliases TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE extract_articles (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  inferred_published TEXT,
  inferred_confidence REAL,
  inferred_evidence TEXT NOT NULL DEFAULT '[]',
  anchor TEXT,
  fallbacks TEXT NOT NULL DEFAULT '[]',
  annotated_at TEXT NOT NULL
);
CREATE TABLE extract_mentions (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  entity_key TEXT NOT NULL,
  text TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  type TEXT NOT NULL,
  descriptor TEXT,
  sentence INTEGER NOT NULL,
  paragraph INTEGER NOT NULL
);
CREATE INDEX extract_mentions_article ON extract_mentions(article_id);
CREATE INDEX extract_mentions_entity ON extract_mentions(entity_key);
CREATE TABLE extract_dates (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  kind TEXT NOT NULL,
  value TEXT,
  day_start TEXT,
  day_end TEXT,
  mod TEXT,
  precision TEXT NOT NULL,
  anchor TEXT,
  anchor_source TEXT,
  tense TEXT NOT NULL,
  sentence INTEGER NOT NULL,
  paragraph INTEGER NOT NULL
);
CREATE INDEX extract_dates_article ON extract_dates(article_id);
CREATE TABLE extract_quotes (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  parts TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('direct', 'indirect')),
  speaker_key TEXT,
  speaker_name TEXT,
  speaker_kind TEXT NOT NULL,
  cue TEXT,
  sentence INTEGER NOT NULL,
  paragraph INTEGER NOT NULL
);
CREATE INDEX extract_quotes_article ON extract_quotes(article_id);
CREATE INDEX extract_quotes_speaker ON extract_quotes(speaker_key);
CREATE TABLE extract_numbers (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  raw TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  value REAL NOT NULL,
  upper REAL,
  unit TEXT,
  scale TEXT,
  approx TEXT,
  noun TEXT,
  sentence INTEGER NOT NULL,
  paragraph INTEGER NOT NULL
);
CREATE INDEX extract_numbers_article ON extract_numbers(article_id);
`,
    },
  ],
};

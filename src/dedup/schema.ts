import type { SchemaModule } from '../store/migrate.js';
import { addKeyFilter } from './internal/key-filter.js';
import { MAIN_ROWS } from './internal/lsh-index.js';
import { upgradeIndexV2 } from './internal/upgrade.js';

/** Tables owned by the provenance stage. */
export const dedupSchema: SchemaModule = {
  stage: 'dedup',
  migrations: [
    {
      version: 1,
      name: 'duplicate links, LSH index, repeated blocks',
      up: `
-- b is a <kind> of a (a = likelier source at the time the pair was found); evidence is JSON
CREATE TABLE duplicates (
  a TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  b TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('exact', 'near', 'rewrite', 'partial')),
  score REAL NOT NULL,
  origin TEXT,
  evidence TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (a, b)
);
CREATE INDEX duplicates_b ON duplicates(b);
-- candidate index: 32-bit MinHash band keys and containment samples → article seq
CREATE TABLE dedup_lsh (
  key INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (key, seq)
) WITHOUT ROWID;
-- stage bookkeeping, e.g. the highest article seq already indexed
CREATE TABLE dedup_meta (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
-- runs of sentences repeated inside one article
CREATE TABLE dedup_repeats (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  first_paragraph INTEGER NOT NULL,
  first_sentence INTEGER NOT NULL,
  repeat_paragraph INTEGER NOT NULL,
  repeat_sentence INTEGER NOT NULL,
  sentences INTEGER NOT NULL,
  words INTEGER NOT NULL,
  similarity REAL NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (article_id, ord)
);
`,
    },
    {
      version: 2,
      name: 'recent postings table (log-structured index), main row count, name-band keys for articles indexed by version 1',
      up: upgradeIndexV2,
    },
    {
      version: 3,
      name: 'Bloom filter of the main posting table keys (probes skipped for keys certainly absent)',
      up: (db) => addKeyFilter(db, MAIN_ROWS),
    },
  ],
};

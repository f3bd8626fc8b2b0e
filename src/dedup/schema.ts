import type { SchemaModule } from '../store/migrate.js';

/** Tables owned by the provenance stage. */
export const dedupSchema: SchemaModule = {
  stage: 'dedup',
  migrations: [
    {
      version: 1,
      name: 'duplicate links',
      up: `
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
`,
    },
  ],
};

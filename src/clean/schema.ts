import type { SchemaModule } from '../store/migrate.js';

/** Tables owned by the clean stage. */
export const cleanSchema: SchemaModule = {
  stage: 'clean',
  migrations: [
    {
      version: 1,
      name: 'per-outlet line fingerprints for cross-article boilerplate',
      up: `
-- how many distinct articles of one outlet contained a line with this fingerprint (see clean/internal/fingerprint.ts)
CREATE TABLE clean_outlet_lines (
  outlet TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  articles INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (outlet, fingerprint)
) WITHOUT ROWID;
-- knownBoilerplate() reads only the lines seen in enough articles; without this it would scan every line
-- an outlet ever published on each ingest (cost growing with the outlet's archive).
CREATE INDEX clean_outlet_lines_frequent ON clean_outlet_lines(outlet, articles);
`,
    },
  ],
};

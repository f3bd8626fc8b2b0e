import type { Database } from 'better-sqlite3';

/**
 * One panel of the storyline page, served at `GET /api/storylines/:id/<name>`.
 * Adding a section (brief, ledger, timeline, entities, quotes…) is one file exporting a
 * StorylineSection plus one line in `sections/index.ts`; the UI adds one panel to match.
 */
export interface StorylineSection<T = unknown> {
  /** URL segment and UI panel key, e.g. `coverage`. */
  readonly name: string;
  /** One-line summary for the OpenAPI document. */
  readonly summary: string;
  /** The section's data for a storyline known to exist. */
  load(db: Database, storyId: string): T | Promise<T>;
}

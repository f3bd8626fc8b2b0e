import type { SchemaModule } from '../store/migrate.js';

/** Tables owned by the clustering stage: storylines, events and article links. */
export const clusterSchema: SchemaModule = {
  stage: 'cluster',
  migrations: [
    {
      version: 1,
      name: 'stories, events, article links',
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
`,
    },
  ],
};

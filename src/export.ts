/**
 * The whole database as one JSON document (`storyline export --format json`).
 * Field names are a public contract (see docs/export.md); sections a stage does not fill yet are empty arrays.
 */
import type { Database } from 'better-sqlite3';
import { listDuplicates } from './dedup/index.js';
import { listArticles } from './store/articles.js';
import { listStories } from './store/stories.js';

/** Version of the export document's shape; bumped on any incompatible change. */
export const EXPORT_VERSION = 1;

export interface ExportArticle {
  id: string;
  path: string | null;
  url: string | null;
  title: string;
  outlet: string | null;
  author: string | null;
  published: string | null;
  language: string | null;
  text: string;
}

export interface ExportDuplicate {
  a: string;
  b: string;
  kind: 'exact' | 'near' | 'rewrite' | 'partial';
  score: number;
  origin: string | null;
}

export interface ExportEvent {
  id: string;
  title: string;
  date: string | null;
  articles: string[];
}

export interface ExportStory {
  id: string;
  title: string;
  articles: string[];
  events: ExportEvent[];
}

export interface ExportDocument {
  version: number;
  generatedAt: string;
  articles: ExportArticle[];
  duplicates: ExportDuplicate[];
  stories: ExportStory[];
  entities: unknown[];
  quotes: unknown[];
  numbers: unknown[];
  claims: unknown[];
}

/** Builds the export document; ids are the stable content-derived ids used everywhere else. */
export function exportDatabase(db: Database): ExportDocument {
  return {
    version: EXPORT_VERSION,
    generatedAt: new Date().toISOString(),
    articles: listArticles(db).map((a) => ({
      id: a.id,
      path: a.path,
      url: a.url,
      title: a.title,
      outlet: a.outlet,
      author: a.author,
      published: a.published,
      language: a.language,
      text: a.text,
    })),
    duplicates: listDuplicates(db).map(({ a, b, kind, score, origin }) => ({ a, b, kind, score, origin })),
    stories: listStories(db).map(({ id, title, articles, events }) => ({ id, title, articles, events })),
    entities: [],
    quotes: [],
    numbers: [],
    claims: [],
  };
}

/**
 * The whole database as one JSON document (`storyline export --format json`).
 * Field names are a public contract (see docs/export.md); sections a stage does not fill yet are empty arrays.
 */
import type { Database } from 'better-sqlite3';
import { listStories } from './cluster/index.js';
import { exportClaims } from './compare/index.js';
import { listDuplicates } from './dedup/index.js';
import { type EntityRow, listEntities, listNumbers, listQuotes } from './extract/index.js';
import { listArticles } from './store/articles.js';

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

/** An entity across the corpus: its canonical name, aliases and descriptors, and how often it is named. */
export type ExportEntity = EntityRow;

export interface ExportQuote {
  article: string;
  text: string;
  /** Speaker as named in the text (or null when unknown). */
  speaker: string | null;
  /** Entity key of the speaker when resolved. */
  speakerKey: string | null;
  /** `named`, `pronoun`, `descriptor`, `unnamed` (sources said…) or `unknown`. */
  speakerKind: string;
  type: 'direct' | 'indirect';
  cue: string | null;
  paragraph: number;
}

export interface ExportNumber {
  article: string;
  raw: string;
  value: number;
  upper: number | null;
  unit: string | null;
  scale: string | null;
  /** The noun phrase the number counts ("plan", "soldiers"). */
  noun: string | null;
  paragraph: number;
}

/** One claim of a storyline's ledger (see the compare stage's `Claim` type), with its storyline. */
export type ExportClaim = { story: string } & Record<string, unknown>;

export interface ExportDocument {
  version: number;
  generatedAt: string;
  articles: ExportArticle[];
  duplicates: ExportDuplicate[];
  stories: ExportStory[];
  entities: ExportEntity[];
  quotes: ExportQuote[];
  numbers: ExportNumber[];
  claims: ExportClaim[];
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
    entities: listEntities(db),
    quotes: listQuotes(db).map((q) => ({
      article: q.articleId,
      text: q.text,
      speaker: q.speakerName,
      speakerKey: q.speakerKey,
      speakerKind: q.speakerKind,
      type: q.type,
      cue: q.cue,
      paragraph: q.paragraph,
    })),
    numbers: listNumbers(db).map((n) => ({
      article: n.articleId,
      raw: n.raw,
      value: n.value,
      upper: n.upper,
      unit: n.unit,
      scale: n.scale,
      noun: n.noun,
      paragraph: n.paragraph,
    })),
    claims: exportClaims(db).flatMap((s) => s.claims.map((c) => ({ story: s.storyId, ...(c as unknown as Record<string, unknown>) }))),
  };
}

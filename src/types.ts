/**
 * Core domain types shared by every stage. Each stage folder exposes a small
 * interface over these; nothing here depends on a stage's implementation.
 */

/** Where an input came from and how it was read. */
export interface SourceRef {
  /** Filesystem path (for files) or URL (for fetched pages/feeds). */
  readonly location: string;
  /** Record index inside a multi-record file (JSON array, JSONL line, feed item); 0 otherwise. */
  readonly record: number;
}

/** Input formats the ingest stage recognises. */
export type InputFormat = 'text' | 'markdown' | 'html' | 'json';

/** Metadata as supplied by the input (JSON fields, HTML meta tags); every field optional. */
export interface InputMeta {
  title?: string;
  url?: string;
  outlet?: string;
  author?: string;
  published?: string;
  modified?: string;
  language?: string;
}

/** One article-shaped record as read from an input, before cleaning. */
export interface RawInput {
  readonly source: SourceRef;
  readonly format: InputFormat;
  /** The raw body: HTML markup for `html`, plain text for `text`/`markdown`/`json`. */
  readonly body: string;
  /** The record exactly as read (file text, JSON line), kept for audit. */
  readonly raw: string;
  readonly meta: InputMeta;
}

/** A block removed by cleaning, kept for audit. */
export interface RemovedBlock {
  readonly text: string;
  /** Machine-readable rule id, e.g. `promo-line`, `caption`, `repeated-block`. */
  readonly rule: string;
  /** Human-readable reason. */
  readonly reason: string;
}

/** Where a metadata field's value came from, e.g. `json-ld`, `og`, `meta`, `input`, `first-line`, `inferred`. */
export type Provenance = string;

/** Output of the clean stage for one input. */
export interface CleanedArticle {
  title: string;
  /** Body text; paragraphs separated by a blank line. */
  text: string;
  paragraphs: string[];
  byline: string | null;
  published: string | null;
  modified: string | null;
  siteName: string | null;
  url: string | null;
  language: string | null;
  isArticle: boolean;
  /** Why the page is not an article (when `isArticle` is false). */
  notArticleReason: string | null;
  removed: RemovedBlock[];
  /** Where each metadata field came from (field name → provenance). */
  fieldSources: Record<string, Provenance>;
  /** Fallbacks taken by the cleaner, each with the reason. */
  fallbacks: string[];
}

/** An article as stored. */
export interface StoredArticle {
  id: string;
  contentHash: string;
  canonicalUrl: string | null;
  path: string | null;
  url: string | null;
  title: string;
  outlet: string | null;
  author: string | null;
  published: string | null;
  modified: string | null;
  language: string | null;
  text: string;
  paragraphs: string[];
  ingestedAt: string;
  seq: number;
}

/** Duplicate/derivation relation kinds. */
export type DuplicateKind = 'exact' | 'near' | 'rewrite' | 'partial';

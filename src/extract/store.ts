/**
 * Stores annotations (inside the caller's transaction) and reads them back for export, the UI,
 * the clusterer and the compare stage. Entity keys go through the persistent registry so the same
 * person in two articles gets one key.
 */
import type { Database } from 'better-sqlite3';
import { stmt } from '../internal/stmts.js';
import { AnnotationStoreError } from './errors.js';
import { EntityRegistry, type RegistryEntry, resolveAcrossArticles } from './registry.js';
import type { Annotations, DateAnchor, EntityType } from './types.js';

/** Confidence at or above which an inferred publication date counts as a corpus reference. */
const REFERENCE_CONFIDENCE = 0.6;

const registries = new WeakMap<Database, EntityRegistry>();

/** The registry persisted in `extract_entities`, loaded once per connection. */
export function registryFor(db: Database): EntityRegistry {
  let r = registries.get(db);
  if (!r) {
    const rows = db.prepare('SELECT key, type, name, aliases FROM extract_entities').all() as {
      key: string;
      type: EntityType;
      name: string;
      aliases: string;
    }[];
    r = new EntityRegistry(rows.map((x): RegistryEntry => ({ key: x.key, type: x.type, name: x.name, aliases: JSON.parse(x.aliases) as string[] })));
    registries.set(db, r);
  }
  return r;
}

/**
 * Saves one article's annotations (replacing earlier ones). Call inside the article's
 * transaction, after the article row exists. Entity keys in `annotations` are rewritten to the
 * registry's keys.
 */
export function saveAnnotations(db: Database, articleId: string, annotations: Annotations): void {
  try {
    const registry = registryFor(db);
    resolveAcrossArticles([annotations], registry);
    const upsert = stmt(
      db,
      'INSERT INTO extract_entities (key, type, name, aliases) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET type = excluded.type, name = excluded.name, aliases = excluded.aliases',
    );
    for (const e of annotations.entities) {
      const entry = registry.get(e.key);
      if (entry) upsert.run(entry.key, entry.type, entry.name, JSON.stringify(entry.aliases));
    }
    for (const t of ['extract_mentions', 'extract_dates', 'extract_quotes', 'extract_numbers', 'extract_articles'])
      stmt(db, `DELETE FROM ${t} WHERE article_id = ?`).run(articleId);
    const ip = annotations.inferredPublished;
    const anchor = annotations.dates.find((d) => d.anchor)?.anchor ?? null;
    stmt(
      db,
      'INSERT INTO extract_articles (article_id, version, inferred_published, inferred_confidence, inferred_evidence, anchor, fallbacks, annotated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      articleId,
      annotations.version,
      ip?.value ?? null,
      ip?.confidence ?? null,
      JSON.stringify(ip?.evidence ?? []),
      anchor ? JSON.stringify(anchor) : null,
      JSON.stringify(annotations.fallbacks),
      new Date().toISOString(),
    );
    const m = stmt(
      db,
      'INSERT INTO extract_mentions (article_id, entity_key, text, start, end, type, descriptor, sentence, paragraph) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const e of annotations.entities)
      for (const x of e.mentions) m.run(articleId, e.key, x.text, x.span.start, x.span.end, e.type, x.descriptor, x.sentence, x.paragraph);
    const d = stmt(
      db,
      'INSERT INTO extract_dates (article_id, text, start, end, kind, value, day_start, day_end, mod, precision, anchor, anchor_source, tense, sentence, paragraph) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const x of annotations.dates)
      d.run(
        articleId,
        x.text,
        x.span.start,
        x.span.end,
        x.kind,
        x.value,
        x.start,
        x.end,
        x.mod,
        x.precision,
        x.anchor?.date ?? null,
        x.anchor?.source ?? null,
        x.tense,
        x.sentence,
        x.paragraph,
      );
    const q = stmt(
      db,
      'INSERT INTO extract_quotes (article_id, text, start, end, parts, type, speaker_key, speaker_name, speaker_kind, cue, sentence, paragraph) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const x of annotations.quotes)
      q.run(
        articleId,
        x.text,
        x.span.start,
        x.span.end,
        JSON.stringify(x.parts),
        x.type,
        x.speaker.entityKey,
        x.speaker.name,
        x.speaker.kind,
        x.cue,
        x.sentence,
        x.paragraph,
      );
    const n = stmt(
      db,
      'INSERT INTO extract_numbers (article_id, raw, start, end, value, upper, unit, scale, approx, noun, sentence, paragraph) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const x of annotations.numbers)
      n.run(articleId, x.raw, x.span.start, x.span.end, x.value, x.upper, x.unit, x.scale, x.approx, x.noun, x.sentence, x.paragraph);
  } catch (cause) {
    throw new AnnotationStoreError(`cannot save annotations of article ${articleId}`, { cause });
  }
}

export interface EntityRow {
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
  articles: number;
  mentions: number;
  descriptors: string[];
}

export interface EntityFilter {
  type?: EntityType;
  articleId?: string;
  /** Minimum number of articles mentioning it. */
  minArticles?: number;
  limit?: number;
}

export function listEntities(db: Database, filter: EntityFilter = {}): EntityRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (filter.type) {
    where.push('e.type = ?');
    args.push(filter.type);
  }
  if (filter.articleId) {
    where.push('m.article_id = ?');
    args.push(filter.articleId);
  }
  const rows = db
    .prepare(
      `SELECT e.key, e.type, e.name, e.aliases, COUNT(DISTINCT m.article_id) AS articles, COUNT(*) AS mentions,
              json_group_array(DISTINCT m.descriptor) AS descriptors
       FROM extract_entities e JOIN extract_mentions m ON m.entity_key = e.key
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       GROUP BY e.key HAVING articles >= ? ORDER BY articles DESC, mentions DESC, e.key LIMIT ?`,
    )
    .all(...args, filter.minArticles ?? 1, filter.limit ?? -1) as {
    key: string;
    type: EntityType;
    name: string;
    aliases: string;
    articles: number;
    mentions: number;
    descriptors: string;
  }[];
  return rows.map((r) => ({
    ...r,
    aliases: JSON.parse(r.aliases) as string[],
    descriptors: (JSON.parse(r.descriptors) as (string | null)[]).filter((x): x is string => !!x),
  }));
}

export interface QuoteRow {
  articleId: string;
  text: string;
  start: number;
  end: number;
  type: 'direct' | 'indirect';
  speakerKey: string | null;
  speakerName: string | null;
  speakerKind: string;
  cue: string | null;
  paragraph: number;
}

export function listQuotes(db: Database, filter: { articleId?: string; speakerKey?: string; type?: 'direct' | 'indirect'; limit?: number } = {}): QuoteRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (filter.articleId) where.push('article_id = ?'), args.push(filter.articleId);
  if (filter.speakerKey) where.push('speaker_key = ?'), args.push(filter.speakerKey);
  if (filter.type) where.push('type = ?'), args.push(filter.type);
  return db
    .prepare(
      `SELECT article_id AS articleId, text, start, end, type, speaker_key AS speakerKey, speaker_name AS speakerName, speaker_kind AS speakerKind, cue, paragraph
       FROM extract_quotes ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY article_id, start LIMIT ?`,
    )
    .all(...args, filter.limit ?? -1) as QuoteRow[];
}

export interface NumberRow {
  articleId: string;
  raw: string;
  start: number;
  end: number;
  value: number;
  upper: number | null;
  unit: string | null;
  scale: string | null;
  approx: string | null;
  noun: string | null;
  paragraph: number;
}

export function listNumbers(db: Database, filter: { articleId?: string; unit?: string; limit?: number } = {}): NumberRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (filter.articleId) where.push('article_id = ?'), args.push(filter.articleId);
  if (filter.unit) where.push('unit = ?'), args.push(filter.unit);
  return db
    .prepare(
      `SELECT article_id AS articleId, raw, start, end, value, upper, unit, scale, approx, noun, paragraph FROM extract_numbers ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY article_id, start LIMIT ?`,
    )
    .all(...args, filter.limit ?? -1) as NumberRow[];
}

export interface ArticleDates {
  inferredPublished: { value: string; confidence: number; evidence: string[] } | null;
  anchor: DateAnchor | null;
  dates: {
    text: string;
    start: number;
    end: number;
    kind: string;
    value: string | null;
    dayStart: string | null;
    dayEnd: string | null;
    mod: string | null;
    precision: string;
    tense: string;
    paragraph: number;
  }[];
}

export function articleDates(db: Database, articleId: string): ArticleDates | null {
  const a = db.prepare('SELECT inferred_published, inferred_confidence, inferred_evidence, anchor FROM extract_articles WHERE article_id = ?').get(articleId) as
    | { inferred_published: string | null; inferred_confidence: number | null; inferred_evidence: string; anchor: string | null }
    | undefined;
  if (!a) return null;
  const dates = db
    .prepare(
      'SELECT text, start, end, kind, value, day_start AS dayStart, day_end AS dayEnd, mod, precision, tense, paragraph FROM extract_dates WHERE article_id = ? ORDER BY start',
    )
    .all(articleId) as ArticleDates['dates'];
  return {
    inferredPublished: a.inferred_published
      ? { value: a.inferred_published, confidence: a.inferred_confidence ?? 0, evidence: JSON.parse(a.inferred_evidence) as string[] }
      : null,
    anchor: a.anchor ? (JSON.parse(a.anchor) as DateAnchor) : null,
    dates,
  };
}

/**
 * Dated articles, most recently stored first, whose median is the corpus reference. A stream's
 * undated articles belong to its recent stretch, and a bounded window keeps the lookup's cost flat
 * as the store grows (the whole-corpus median meant sorting every dated article). 1,000 gives a
 * stable median while following a stream that moves on by weeks.
 */
const REFERENCE_WINDOW = 1000;

/**
 * A corpus reference date for articles with no date evidence: the median of the metadata and
 * confident inferred publication dates of the latest stored articles. Null when none is dated.
 */
export function corpusReference(db: Database): DateAnchor | null {
  const rows = db
    .prepare(
      `SELECT substr(COALESCE(a.published, x.inferred_published), 1, 10) AS d FROM articles a LEFT JOIN extract_articles x ON x.article_id = a.id
       WHERE a.published IS NOT NULL OR (x.inferred_published IS NOT NULL AND x.inferred_confidence >= ?) ORDER BY a.seq DESC LIMIT ?`,
    )
    .all(REFERENCE_CONFIDENCE, REFERENCE_WINDOW) as { d: string }[];
  if (!rows.length) return null;
  const days = rows.map((r) => r.d).sort();
  return { date: days[Math.floor((days.length - 1) / 2)] as string, source: 'corpus' }; // lower median
}

/**
 * Re-annotates articles that have no metadata date and only a weak inferred one, against the
 * corpus reference (the median of confidently dated articles). Call after a batch ingest: an
 * article ingested before the corpus had dated articles gets its year-less dates fixed. Returns
 * the ids re-annotated.
 */
export function refreshWeakDates(
  db: Database,
  annotateFn: (
    doc: { id: string; title: string; text: string; published: string | null; language: string | null },
    reference: DateAnchor | null,
  ) => Annotations,
  onlyIds?: readonly string[],
): string[] {
  const reference = corpusReference(db);
  if (!reference) return [];
  const rows = db
    .prepare(
      `SELECT a.id, a.title, a.text, a.published, a.language FROM articles a JOIN extract_articles x ON x.article_id = a.id
       WHERE a.published IS NULL AND (x.inferred_confidence IS NULL OR x.inferred_confidence < ?) AND COALESCE(x.anchor, '') NOT LIKE ?`,
    )
    .all(REFERENCE_CONFIDENCE, `%"source":"corpus"%${reference.date}%`) as {
    id: string;
    title: string;
    text: string;
    published: string | null;
    language: string | null;
  }[];
  const only = onlyIds ? new Set(onlyIds) : null;
  const done: string[] = [];
  for (const r of rows) {
    if (only && !only.has(r.id)) continue;
    db.transaction(() => saveAnnotations(db, r.id, annotateFn(r, reference)))();
    done.push(r.id);
  }
  return done;
}

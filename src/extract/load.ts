/**
 * Reads stored annotations back as `Annotations`, so later stages (compare, the API) use what ingest
 * extracted instead of annotating again. Entity keys are the registry's, shared across the store.
 * Audit-only fields that are not stored come back empty: mention `evidence` is `[]`, a date's `rule` is
 * `stored` and `relative` is whether it was resolved against an anchor, speaker and cue spans are null.
 */
import type { Database } from 'better-sqlite3';
import { ANNOTATIONS_VERSION } from './annotate.js';
import type { NumberRow } from './store.js';
import type { Annotations, DateAnchor, DateKind, DatePrecision, Entity, EntityType, Quote, Span, SpeakerKind, Tense } from './types.js';

/** Ids per query: well under SQLite's bound-parameter limit, and few round trips for a large storyline. */
const IDS_PER_QUERY = 500;

interface ArticleRow {
  article_id: string;
  version: number;
  inferred_published: string | null;
  inferred_confidence: number | null;
  inferred_evidence: string;
  fallbacks: string;
}
interface MentionRow {
  article_id: string;
  entity_key: string;
  text: string;
  start: number;
  end: number;
  type: EntityType;
  descriptor: string | null;
  sentence: number;
  paragraph: number;
  name: string | null;
  aliases: string | null;
  entity_type: EntityType | null;
}
interface DateRow {
  article_id: string;
  text: string;
  start: number;
  end: number;
  kind: DateKind;
  value: string | null;
  day_start: string | null;
  day_end: string | null;
  mod: string | null;
  precision: DatePrecision;
  anchor: string | null;
  anchor_source: string | null;
  tense: Tense;
  sentence: number;
  paragraph: number;
}
interface QuoteRow {
  article_id: string;
  text: string;
  start: number;
  end: number;
  parts: string;
  type: 'direct' | 'indirect';
  speaker_key: string | null;
  speaker_name: string | null;
  speaker_kind: SpeakerKind;
  cue: string | null;
  sentence: number;
  paragraph: number;
}
/** A stored number as the export reads it (`store.ts`), with its sentence index. */
interface LoadedNumberRow extends NumberRow {
  sentence: number;
}

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

function rowsFor<R>(db: Database, sql: (placeholders: string) => string, ids: readonly string[]): R[] {
  return chunks(ids, IDS_PER_QUERY).flatMap((part) => db.prepare(sql(part.map(() => '?').join(','))).all(...part) as R[]);
}

/**
 * Stored annotations of the given articles, for those annotated with the current `ANNOTATIONS_VERSION`
 * (an article missing from the map was never annotated, or by an older version: annotate it again).
 */
export function loadAnnotations(db: Database, articleIds: readonly string[]): Map<string, Annotations> {
  const ids = [...new Set(articleIds)];
  const out = new Map<string, Annotations>();
  const heads = rowsFor<ArticleRow>(
    db,
    (p) => `SELECT article_id, version, inferred_published, inferred_confidence, inferred_evidence, fallbacks FROM extract_articles WHERE article_id IN (${p})`,
    ids,
  );
  for (const h of heads) {
    if (h.version !== ANNOTATIONS_VERSION) continue;
    out.set(h.article_id, {
      version: h.version,
      entities: [],
      dates: [],
      inferredPublished: h.inferred_published
        ? { value: h.inferred_published, confidence: h.inferred_confidence ?? 0, evidence: JSON.parse(h.inferred_evidence) as string[] }
        : null,
      quotes: [],
      numbers: [],
      fallbacks: JSON.parse(h.fallbacks) as string[],
    });
  }
  const wanted = [...out.keys()];
  if (!wanted.length) return out;

  const entities = new Map<string, Map<string, Entity>>();
  const mentions = rowsFor<MentionRow>(
    db,
    (p) => `SELECT m.article_id, m.entity_key, m.text, m.start, m.end, m.type, m.descriptor, m.sentence, m.paragraph, e.name, e.aliases, e.type AS entity_type
            FROM extract_mentions m LEFT JOIN extract_entities e ON e.key = m.entity_key WHERE m.article_id IN (${p}) ORDER BY m.article_id, m.start`,
    wanted,
  );
  for (const m of mentions) {
    let byKey = entities.get(m.article_id);
    if (!byKey) {
      byKey = new Map();
      entities.set(m.article_id, byKey);
    }
    let e = byKey.get(m.entity_key);
    if (!e) {
      e = {
        key: m.entity_key,
        type: m.entity_type ?? m.type,
        name: m.name ?? m.text,
        aliases: m.aliases ? (JSON.parse(m.aliases) as string[]) : [m.text],
        descriptors: [],
        mentions: [],
        seat: null,
      };
      byKey.set(m.entity_key, e);
    }
    if (m.descriptor && !e.descriptors.includes(m.descriptor)) e.descriptors.push(m.descriptor);
    e.mentions.push({
      text: m.text,
      span: { start: m.start, end: m.end },
      type: m.type,
      descriptor: m.descriptor,
      sentence: m.sentence,
      paragraph: m.paragraph,
      evidence: [],
    });
  }
  for (const [id, byKey] of entities) {
    const a = out.get(id);
    if (a) a.entities = [...byKey.values()];
  }

  for (const d of rowsFor<DateRow>(db, (p) => `SELECT * FROM extract_dates WHERE article_id IN (${p}) ORDER BY article_id, start`, wanted)) {
    const anchor: DateAnchor | null = d.anchor ? { date: d.anchor, source: d.anchor_source ?? 'none' } : null;
    out.get(d.article_id)?.dates.push({
      text: d.text,
      span: { start: d.start, end: d.end },
      kind: d.kind,
      value: d.value,
      start: d.day_start,
      end: d.day_end,
      mod: d.mod,
      precision: d.precision,
      anchor,
      tense: d.tense,
      relative: anchor !== null,
      sentence: d.sentence,
      paragraph: d.paragraph,
      rule: 'stored',
    });
  }

  for (const q of rowsFor<QuoteRow>(db, (p) => `SELECT * FROM extract_quotes WHERE article_id IN (${p}) ORDER BY article_id, start`, wanted)) {
    const quote: Quote = {
      text: q.text,
      span: { start: q.start, end: q.end },
      parts: JSON.parse(q.parts) as Span[],
      type: q.type,
      speaker: { entityKey: q.speaker_key, name: q.speaker_name, kind: q.speaker_kind, span: null },
      cue: q.cue,
      cueSpan: null,
      sentence: q.sentence,
      paragraph: q.paragraph,
    };
    out.get(q.article_id)?.quotes.push(quote);
  }

  const numberSql = (p: string) =>
    `SELECT article_id AS articleId, raw, start, end, value, upper, unit, scale, approx, noun, sentence, paragraph
     FROM extract_numbers WHERE article_id IN (${p}) ORDER BY article_id, start`;
  for (const { articleId, start, end, ...n } of rowsFor<LoadedNumberRow>(db, numberSql, wanted)) {
    out.get(articleId)?.numbers.push({ ...n, span: { start, end } });
  }
  return out;
}

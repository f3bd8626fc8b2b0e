/**
 * The ONE place compare reads other stages' output (store, dedup, cluster, extract) and turns it into its
 * own `CompareInput`. Everything downstream is pure over compare's types.
 */
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import { getStory, listStories } from '../../cluster/index.js';
import { independenceGroups, listDuplicates } from '../../dedup/index.js';
import type { Annotations } from '../../extract/index.js';
import { loadAnnotations } from '../../extract/load.js';
import { listArticles, removedBlocks } from '../../store/articles.js';
import type { StoredArticle } from '../../types.js';
import { CompareNotFoundError } from '../errors.js';
import type { ArticleAnnotations, CompareArticle, CompareEvent, CompareInput } from '../types.js';
import { completeDates } from './dates.js';
import { annotateWithExtract, fromExtract, INFERRED_DATE_CONFIDENCE } from './extract-bridge.js';
import { annotateLite, LITE_SOURCE } from './lite/index.js';

export type AnnotatorChoice = 'auto' | 'extract' | 'fallback';

export interface InputOptions {
  /**
   * `auto` uses the annotations stored at ingest (the same ones the export and the API show) and runs the extract
   * stage only for articles without them; `extract` annotates every article again; `fallback` uses compare's lite
   * annotator. When the extract stage throws, `auto` and `extract` fall back to the lite annotator and say why.
   */
  readonly annotator: AnnotatorChoice;
}

export const defaultInputOptions: InputOptions = { annotator: 'auto' };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function toArticle(a: StoredArticle, eventId: string | null): Mutable<CompareArticle> {
  const file = a.path ? basename(a.path) : null;
  return {
    id: a.id,
    outlet: a.outlet ?? file ?? a.id,
    outletSource: a.outlet ? 'metadata' : file ? 'file-name' : 'article-id',
    published: a.published,
    publishedSource: a.published ? 'metadata' : 'none',
    title: a.title,
    paragraphs: a.paragraphs,
    eventId,
  };
}

/** Independence groups from the provenance stage; copies collapse into one source. */
function groupsFor(db: Database, ids: readonly string[], notes: string[]): string[][] {
  try {
    return independenceGroups(db, ids);
  } catch (err) {
    notes.push(`independenceGroups failed (${(err as Error).message}); grouped by duplicate links instead`);
    const parent = new Map<string, string>(ids.map((id) => [id, id]));
    const find = (x: string): string => {
      const p = parent.get(x) ?? x;
      return p === x ? x : find(p);
    };
    for (const l of listDuplicates(db, ids)) if (parent.has(l.a) && parent.has(l.b)) parent.set(find(l.b), find(l.a));
    const groups = new Map<string, string[]>();
    for (const id of ids) {
      const l = groups.get(find(id));
      if (l) l.push(id);
      else groups.set(find(id), [id]);
    }
    return [...groups.values()];
  }
}

/** Everything compare reads from the database for one input (articles, groups, events, removed page text). */
export interface InputSnapshot {
  readonly id: string;
  readonly title: string;
  readonly articles: readonly CompareArticle[];
  readonly groups: readonly (readonly string[])[];
  readonly events: readonly CompareEvent[];
  readonly notes: readonly string[];
  /** Text the cleaner removed from each undated article's page (related-link timestamps help date it). */
  readonly pageText: ReadonlyMap<string, readonly string[]>;
  /** Annotations stored at ingest, per article id (articles without current ones are missing). */
  readonly stored: ReadonlyMap<string, Annotations>;
}

/** Stored annotations, or none when they cannot be read (then every article is annotated afresh, and the note says why). */
function storedFor(db: Database, ids: readonly string[], notes: string[]): Map<string, Annotations> {
  try {
    return loadAnnotations(db, ids);
  } catch (err) {
    notes.push(`stored annotations could not be read (${(err as Error).message}); annotated again`);
    return new Map();
  }
}

/** Reads articles, independence groups and events for explicit article ids (all database access happens here). */
export function snapshotArticles(
  db: Database,
  spec: { id: string; title: string; articleIds: readonly string[]; events?: readonly CompareEvent[] },
): InputSnapshot {
  const notes: string[] = [];
  const events = spec.events ?? [];
  const eventOf = new Map<string, string>();
  for (const e of events) for (const id of e.articleIds) eventOf.set(id, e.id);
  const wanted = new Set(spec.articleIds);
  const rows = listArticles(db, spec.articleIds).filter((a) => wanted.has(a.id));
  const articles = rows.map((a) => toArticle(a, eventOf.get(a.id) ?? null));
  const noOutlet = articles.filter((a) => a.outletSource !== 'metadata').length;
  if (noOutlet) notes.push(`${noOutlet} article(s) without outlet metadata: outlet shown as the input file name (or the article id when there is no file)`);
  const pageText = new Map(articles.filter((a) => !a.published).map((a) => [a.id, removedBlocks(db, a.id).map((b) => b.text)]));
  const groups = groupsFor(
    db,
    articles.map((a) => a.id),
    notes,
  );
  const stored = storedFor(
    db,
    articles.map((a) => a.id),
    notes,
  );
  return { id: spec.id, title: spec.title, articles, groups, events, notes, pageText, stored };
}

/** Reads the snapshot for a storyline id or an event id (an event narrows the articles to that event). */
export function snapshotId(db: Database, id: string): InputSnapshot {
  const story = getStory(db, id);
  if (!story) throw new CompareNotFoundError(`no storyline or event with id "${id}"`);
  const events: CompareEvent[] = story.events.map((e) => ({ id: e.id, title: e.title, date: e.date, articleIds: e.articles }));
  const event = events.find((e) => e.id === id);
  if (event) return snapshotArticles(db, { id, title: event.title, articleIds: event.articleIds, events: [event] });
  return snapshotArticles(db, { id: story.id, title: story.title, articleIds: story.articles, events });
}

/**
 * Dates the undated articles and annotates every article. `auto`: the annotations stored at ingest, the extract
 * stage (batch mode, shared entity keys) for articles without them, and its confident inferred dates first;
 * `extract`: the extract stage for all; the compare lite annotator when requested or when the extract stage
 * throws. No database access.
 */
export function prepareInput(snap: InputSnapshot, options: Partial<InputOptions> = {}): CompareInput {
  const opts = { ...defaultInputOptions, ...options };
  const notes = [...snap.notes];
  const articles: Mutable<CompareArticle>[] = snap.articles.map((a) => ({ ...a }));
  const eventDates = new Map(snap.events.map((e) => [e.id, e.date]));
  let annotations: Record<string, ArticleAnnotations> | null = null;
  const undated = new Set(articles.filter((a) => !a.published).map((a) => a.id));
  if (opts.annotator !== 'fallback') {
    try {
      annotations = Object.fromEntries(
        extractAnnotations(articles, opts.annotator === 'auto' ? snap.stored : new Map(), undated, eventDates, snap.pageText, notes),
      );
    } catch (err) {
      notes.push(`extract stage failed (${(err as Error).message}); used the compare fallback annotator`);
    }
  }
  if (!annotations) {
    notes.push(...completeDates(articles, eventDates, snap.pageText));
    annotations = Object.fromEntries(annotateLite(articles));
    if (opts.annotator === 'fallback') notes.push(`annotations from ${LITE_SOURCE} (requested)`);
  }
  const { pageText: _pageText, stored: _stored, ...rest } = snap;
  return { ...rest, articles, annotations, notes };
}

/**
 * Extract-stage annotations for every article: the stored ones where given, a fresh batch for the rest. Inferred
 * publication dates (stored or fresh) date undated articles first, then `completeDates`; an article dated only now
 * has its dates resolved again against that date (its stored entities, quotes and numbers are kept).
 */
function extractAnnotations(
  articles: Mutable<CompareArticle>[],
  stored: ReadonlyMap<string, Annotations>,
  undated: ReadonlySet<string>,
  eventDates: ReadonlyMap<string, string | null>,
  pageText: ReadonlyMap<string, readonly string[]>,
  notes: string[],
): Map<string, ArticleAnnotations> {
  const fresh = articles.filter((a) => !stored.has(a.id));
  const r = fresh.length ? annotateWithExtract(fresh) : { annotations: new Map<string, ArticleAnnotations>(), inferred: new Map<string, string>() };
  const out = new Map(r.annotations);
  const inferred = new Map(r.inferred);
  for (const a of articles) {
    const ann = stored.get(a.id);
    if (!ann) continue;
    out.set(a.id, fromExtract(ann, a.paragraphs));
    const p = ann.inferredPublished;
    if (!a.published && p && p.confidence >= INFERRED_DATE_CONFIDENCE) inferred.set(a.id, p.value.slice(0, 10));
  }
  if (stored.size && fresh.length) notes.push(`${fresh.length} article(s) had no stored annotations and were annotated now`);
  for (const a of articles) {
    const d = inferred.get(a.id);
    if (d) Object.assign(a, { published: d, publishedSource: 'inferred' as const });
  }
  if (inferred.size) notes.push(`${inferred.size} article date(s) inferred by the extract stage`);
  notes.push(...completeDates(articles, eventDates, pageText));
  // relative dates ("on Sunday") of articles dated only now are resolved again against their date
  const redated = articles.filter((a) => undated.has(a.id) && a.published);
  if (redated.length) {
    const again = annotateWithExtract(redated).annotations;
    for (const a of redated) {
      const next = again.get(a.id);
      const before = out.get(a.id);
      if (next && before) out.set(a.id, stored.has(a.id) ? { ...before, dates: next.dates } : next);
    }
  }
  return out;
}

/** Builds a compare input over explicit article ids (events optional). */
export function inputForArticles(
  db: Database,
  spec: { id: string; title: string; articleIds: readonly string[]; events?: readonly CompareEvent[] },
  options: Partial<InputOptions> = {},
): CompareInput {
  return prepareInput(snapshotArticles(db, spec), options);
}

/** Builds the compare input for a storyline id or an event id. */
export function inputForId(db: Database, id: string, options: Partial<InputOptions> = {}): CompareInput {
  return prepareInput(snapshotId(db, id), options);
}

/** Every storyline id (for the export's `claims` section). */
export function storyIds(db: Database): string[] {
  return listStories(db).map((s) => s.id);
}

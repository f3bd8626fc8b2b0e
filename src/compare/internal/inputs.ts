/**
 * The ONE place compare reads other stages' output (store, dedup, cluster, extract) and turns it into its
 * own `CompareInput`. Everything downstream is pure over compare's types.
 */
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import { getStory, listStories } from '../../cluster/index.js';
import { independenceGroups, listDuplicates } from '../../dedup/index.js';
import { listArticles, removedBlocks } from '../../store/articles.js';
import type { StoredArticle } from '../../types.js';
import { CompareNotFoundError } from '../errors.js';
import type { ArticleAnnotations, CompareArticle, CompareEvent, CompareInput } from '../types.js';
import { completeDates } from './dates.js';
import { fromExtract, loadExtract } from './extract-bridge.js';
import { annotateLite, LITE_SOURCE } from './lite/index.js';

export type AnnotatorChoice = 'auto' | 'extract' | 'fallback';

export interface InputOptions {
  /** `auto` uses the extract stage when it loads and falls back to compare's lite annotator otherwise. */
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

async function annotations(articles: readonly CompareArticle[], options: InputOptions, notes: string[]): Promise<Record<string, ArticleAnnotations>> {
  const out: Record<string, ArticleAnnotations> = {};
  if (options.annotator !== 'fallback') {
    const ex = await loadExtract();
    if (ex.annotate) {
      try {
        for (const a of articles) out[a.id] = fromExtract(ex.annotate, a);
        return out;
      } catch (err) {
        notes.push(`extract annotate() failed (${(err as Error).message}); used the compare fallback annotator`);
      }
    } else notes.push(`${ex.reason}; used the compare fallback annotator`);
  }
  for (const [id, ann] of annotateLite(articles)) out[id] = ann;
  if (options.annotator === 'fallback') notes.push(`annotations from ${LITE_SOURCE} (requested)`);
  return out;
}

/** Everything compare reads from the database for one input; gathered synchronously so a caller may close the database before annotating. */
export interface InputSnapshot {
  readonly id: string;
  readonly title: string;
  readonly articles: readonly CompareArticle[];
  readonly groups: readonly (readonly string[])[];
  readonly events: readonly CompareEvent[];
  readonly notes: readonly string[];
}

/** Reads articles, independence groups and events for explicit article ids (synchronous: all database access happens here). */
export function snapshotArticles(
  db: Database,
  spec: { id: string; title: string; articleIds: readonly string[]; events?: readonly CompareEvent[] },
): InputSnapshot {
  const notes: string[] = [];
  const events = spec.events ?? [];
  const eventOf = new Map<string, string>();
  for (const e of events) for (const id of e.articleIds) eventOf.set(id, e.id);
  const wanted = new Set(spec.articleIds);
  const stored = listArticles(db, spec.articleIds).filter((a) => wanted.has(a.id));
  const articles = stored.map((a) => toArticle(a, eventOf.get(a.id) ?? null));
  const noOutlet = articles.filter((a) => a.outletSource !== 'metadata').length;
  if (noOutlet) notes.push(`${noOutlet} article(s) without outlet metadata: outlet shown as the input file name (or the article id when there is no file)`);
  const pageText = new Map(articles.filter((a) => !a.published).map((a) => [a.id, removedBlocks(db, a.id).map((b) => b.text)]));
  notes.push(...completeDates(articles, new Map(events.map((e) => [e.id, e.date])), pageText));
  const groups = groupsFor(
    db,
    articles.map((a) => a.id),
    notes,
  );
  return { id: spec.id, title: spec.title, articles, groups, events, notes };
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

/** Adds annotations to a snapshot (no database access). */
export async function prepareInput(snap: InputSnapshot, options: Partial<InputOptions> = {}): Promise<CompareInput> {
  const opts = { ...defaultInputOptions, ...options };
  const notes = [...snap.notes];
  return { ...snap, annotations: await annotations(snap.articles, opts, notes), notes };
}

/** Builds a compare input over explicit article ids (events optional). */
export function inputForArticles(
  db: Database,
  spec: { id: string; title: string; articleIds: readonly string[]; events?: readonly CompareEvent[] },
  options: Partial<InputOptions> = {},
): Promise<CompareInput> {
  return prepareInput(snapshotArticles(db, spec), options);
}

/** Builds the compare input for a storyline id or an event id. */
export function inputForId(db: Database, id: string, options: Partial<InputOptions> = {}): Promise<CompareInput> {
  return prepareInput(snapshotId(db, id), options);
}

/** Every storyline id (for the export's `claims` section). */
export function storyIds(db: Database): string[] {
  return listStories(db).map((s) => s.id);
}

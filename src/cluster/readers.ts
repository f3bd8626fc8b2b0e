/** Read-side of the clustering stage: storylines for the export, one storyline, an article's place, explanations, audit log. */
import type { Database } from 'better-sqlite3';
import { resolveId } from './internal/ops.js';
import { addToProfile } from './internal/profile.js';
import { score } from './internal/similarity.js';
import { ClusterState } from './internal/state.js';
import type { Explanation, ScoreParts } from './types.js';

/** Scores an article against its event's profile without it, with today's document frequencies. */
function scoreNow(db: Database, articleId: string, eventId: string): Why['now'] {
  const state = new ClusterState(db);
  const row = state.profile(eventId);
  const f = state.features(articleId)?.features;
  if (!row || !f || row.profile.n < 2) return null;
  const rest = addToProfile(JSON.parse(JSON.stringify(row.profile)), f, -1);
  const ev = score(f, rest, state.idf);
  return { score: ev.parts.total, parts: ev.parts, sharedTerms: ev.sharedTerms, sharedEntities: ev.sharedEntities, sharedNumbers: ev.sharedNumbers };
}

export interface EventSummary {
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly articles: string[];
}

/** One storyline in the export shape (`stories[]` of the foundation's export), plus its last update. */
export interface StorySummary {
  readonly id: string;
  readonly title: string;
  readonly updated: string;
  readonly articles: string[];
  readonly events: EventSummary[];
}

function build(db: Database, storyIds: readonly string[] | null): StorySummary[] {
  const stories = (
    db.prepare('SELECT id, title, updated_at FROM stories ORDER BY updated_at DESC, id').all() as { id: string; title: string; updated_at: string }[]
  ).filter((s) => !storyIds || storyIds.includes(s.id));
  const wanted = new Set(stories.map((s) => s.id));
  const events = (
    db.prepare('SELECT id, story_id, title, date FROM events ORDER BY date IS NULL, date, created_at, id').all() as {
      id: string;
      story_id: string;
      title: string;
      date: string | null;
    }[]
  ).filter((e) => wanted.has(e.story_id));
  const links = db
    .prepare(
      'SELECT ae.article_id, ae.event_id FROM article_events ae JOIN articles a ON a.id = ae.article_id ORDER BY a.published IS NULL, a.published, a.seq',
    )
    .all() as { article_id: string; event_id: string }[];
  const byEvent = new Map<string, string[]>();
  for (const l of links) {
    const list = byEvent.get(l.event_id) ?? [];
    list.push(l.article_id);
    byEvent.set(l.event_id, list);
  }
  const byStory = new Map<string, EventSummary[]>();
  for (const e of events) {
    const list = byStory.get(e.story_id) ?? [];
    list.push({ id: e.id, title: e.title, date: e.date, articles: byEvent.get(e.id) ?? [] });
    byStory.set(e.story_id, list);
  }
  return stories.map((s) => {
    const evs = byStory.get(s.id) ?? [];
    return { id: s.id, title: s.title, updated: s.updated_at, articles: evs.flatMap((e) => e.articles), events: evs };
  });
}

/** Every storyline with its events (by date) and article ids, most recently updated first. */
export function listStories(db: Database): StorySummary[] {
  return build(db, null);
}

/** One storyline by id; merged-away ids redirect; an event id gives the event's storyline. */
export function getStory(db: Database, id: string): StorySummary | null {
  const cur = resolveId(db, id);
  const viaEvent = db.prepare('SELECT story_id FROM events WHERE id = ?').get(cur) as { story_id: string } | undefined;
  const sid = viaEvent ? viaEvent.story_id : cur;
  return build(db, [sid])[0] ?? null;
}

export interface ArticlePlace {
  readonly articleId: string;
  readonly eventId: string;
  readonly storyId: string;
  readonly score: number;
}

/** The event and storyline an article belongs to, or null when it is not clustered. */
export function storyOfArticle(db: Database, articleId: string): ArticlePlace | null {
  const r = db
    .prepare('SELECT ae.article_id, ae.event_id, e.story_id, ae.score FROM article_events ae JOIN events e ON e.id = ae.event_id WHERE ae.article_id = ?')
    .get(articleId) as { article_id: string; event_id: string; story_id: string; score: number } | undefined;
  return r ? { articleId: r.article_id, eventId: r.event_id, storyId: r.story_id, score: r.score } : null;
}

export interface Why {
  readonly article: { readonly id: string; readonly title: string };
  readonly event: { readonly id: string; readonly title: string; readonly date: string | null };
  readonly story: { readonly id: string; readonly title: string };
  /** Recorded when the article was placed (or moved). */
  readonly explanation: Explanation;
  /** The article scored now against the rest of its event (null for a one-article event). */
  readonly now: {
    readonly score: number;
    readonly parts: ScoreParts;
    readonly sharedTerms: readonly string[];
    readonly sharedEntities: readonly string[];
    readonly sharedNumbers: readonly string[];
  } | null;
  /** Human decisions that touched this article (newest first). */
  readonly decisions: readonly AuditEntry[];
}

/** Why an article is in its event: the score, its parts and the shared terms, names, numbers and dates. */
export function explainArticle(db: Database, articleId: string): Why | null {
  const r = db
    .prepare(
      `SELECT a.id, a.title, ae.explanation, e.id AS event_id, e.title AS event_title, e.date, s.id AS story_id, s.title AS story_title
       FROM article_events ae JOIN articles a ON a.id = ae.article_id JOIN events e ON e.id = ae.event_id JOIN stories s ON s.id = e.story_id
       WHERE ae.article_id = ?`,
    )
    .get(articleId) as
    | { id: string; title: string; explanation: string; event_id: string; event_title: string; date: string | null; story_id: string; story_title: string }
    | undefined;
  if (!r) return null;
  return {
    article: { id: r.id, title: r.title },
    event: { id: r.event_id, title: r.event_title, date: r.date },
    story: { id: r.story_id, title: r.story_title },
    explanation: JSON.parse(r.explanation) as Explanation,
    now: scoreNow(db, r.id, r.event_id),
    decisions: auditLog(db).filter((d) => JSON.stringify(d.payload).includes(`"${articleId}"`)),
  };
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly origin: 'human' | 'auto';
  readonly action: string;
  readonly payload: Record<string, unknown>;
  readonly note: string | null;
}

/** Every merge, split and move, human or automatic, newest first. */
export function auditLog(db: Database): AuditEntry[] {
  return (
    db.prepare('SELECT id, at, origin, action, payload, note FROM cluster_decisions ORDER BY id DESC').all() as (Omit<AuditEntry, 'payload'> & {
      payload: string;
    })[]
  ).map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}

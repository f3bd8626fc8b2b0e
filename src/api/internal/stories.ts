/**
 * Read-only queries over the cluster stage's tables (stories, events, article_events) joined with
 * articles. The cluster stage exports no readers yet, so the API keeps its own here.
 */
import type { Database } from 'better-sqlite3';
import type { ArticleSummary } from './articles.js';
import type { PageParams } from './pagination.js';

/** A storyline as listed: size, freshness and how many independent outlets report it. */
export interface StorySummary {
  readonly id: string;
  readonly title: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly articles: number;
  readonly events: number;
  readonly outlets: number;
  /** Distinct outlets among articles that are not copies of another article. */
  readonly independentSources: number;
  /** Earliest and latest publication date among its articles (null when none is dated). */
  readonly firstPublished: string | null;
  readonly lastPublished: string | null;
  /** When its newest article was stored. */
  readonly lastIngested: string | null;
}

/** The effective date of an article in SQL: its publication date, else when it was ingested. */
const ARTICLE_DATE = 'COALESCE(a.published, a.ingested_at)';
/** An article's source identity: its outlet, or the article itself when the outlet is unknown. */
const SOURCE_KEY = "COALESCE(a.outlet, 'article:' || a.id)";

const SUMMARY_SELECT = `
  SELECT s.id, s.title, s.created_at AS createdAt, s.updated_at AS updatedAt,
    COUNT(a.id) AS articles, COUNT(DISTINCT e.id) AS events,
    COUNT(DISTINCT ${SOURCE_KEY}) AS outlets,
    COUNT(DISTINCT CASE WHEN NOT EXISTS (SELECT 1 FROM duplicates d WHERE d.b = a.id) THEN ${SOURCE_KEY} END) AS independentSources,
    MIN(a.published) AS firstPublished, MAX(a.published) AS lastPublished, MAX(a.ingested_at) AS lastIngested
  FROM stories s
  JOIN events e ON e.story_id = s.id
  JOIN article_events ae ON ae.event_id = e.id
  JOIN articles a ON a.id = ae.article_id`;

/** `recent`: most recently updated (a new article joined) first; `size`: most articles first. */
export type StoryOrder = 'recent' | 'size';

/** One page of story ids in order; cheap queries, so summaries are only computed for the page. */
const PAGE_IDS_SQL: Readonly<Record<StoryOrder, string>> = {
  recent: 'SELECT id FROM stories ORDER BY updated_at DESC, id LIMIT ? OFFSET ?',
  size: `SELECT s.id FROM stories s LEFT JOIN (
           SELECT e.story_id, COUNT(*) AS n FROM events e JOIN article_events ae ON ae.event_id = e.id GROUP BY e.story_id
         ) c ON c.story_id = s.id
         ORDER BY COALESCE(c.n, 0) DESC, s.id LIMIT ? OFFSET ?`,
};

export function countStories(db: Database): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM stories').get() as { n: number }).n;
}

export function listStories(db: Database, p: PageParams, order: StoryOrder = 'recent'): StorySummary[] {
  const ids = db.prepare(PAGE_IDS_SQL[order]).all(p.limit, p.offset) as { id: string }[];
  return ids.map((r) => getStorySummary(db, r.id)).filter((s): s is StorySummary => s !== null);
}

export function getStorySummary(db: Database, id: string): StorySummary | null {
  const row = db.prepare(`${SUMMARY_SELECT} WHERE s.id = ? GROUP BY s.id`).get(id) as StorySummary | undefined;
  if (row) return row;
  // A story with no linked articles yet still exists.
  const bare = db.prepare('SELECT id, title, created_at AS createdAt, updated_at AS updatedAt FROM stories WHERE id = ?').get(id) as
    | Pick<StorySummary, 'id' | 'title' | 'createdAt' | 'updatedAt'>
    | undefined;
  return bare ? { ...bare, articles: 0, events: 0, outlets: 0, independentSources: 0, firstPublished: null, lastPublished: null, lastIngested: null } : null;
}

export interface EventRow {
  readonly id: string;
  readonly storyId: string;
  readonly title: string;
  readonly date: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const EVENT_COLUMNS = 'id, story_id AS storyId, title, date, created_at AS createdAt, updated_at AS updatedAt';

export function eventsOfStory(db: Database, storyId: string): EventRow[] {
  return db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE story_id = ? ORDER BY COALESCE(date, created_at), id`).all(storyId) as EventRow[];
}

export function getEvent(db: Database, id: string): EventRow | null {
  return (db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = ?`).get(id) as EventRow | undefined) ?? null;
}

export function countEvents(db: Database, storyId?: string): number {
  const sql = storyId ? 'SELECT COUNT(*) AS n FROM events WHERE story_id = ?' : 'SELECT COUNT(*) AS n FROM events';
  return (db.prepare(sql).get(...(storyId ? [storyId] : [])) as { n: number }).n;
}

export function listEvents(db: Database, p: PageParams, storyId?: string): EventRow[] {
  const where = storyId ? 'WHERE story_id = ?' : '';
  const args: unknown[] = storyId ? [storyId, p.limit, p.offset] : [p.limit, p.offset];
  return db.prepare(`SELECT ${EVENT_COLUMNS} FROM events ${where} ORDER BY COALESCE(date, created_at) DESC, id LIMIT ? OFFSET ?`).all(...args) as EventRow[];
}

/** An article as linked to an event, with why it was placed there. */
export interface MemberRow extends ArticleSummary {
  readonly eventId: string;
  readonly score: number;
  /** JSON text of the cluster explanation. */
  readonly explanation: string;
}

const MEMBER_SELECT = `
  SELECT a.id, a.title, a.outlet, a.author, a.published, a.ingested_at AS ingestedAt, a.language, a.url,
    ae.event_id AS eventId, ae.score, ae.explanation
  FROM article_events ae JOIN articles a ON a.id = ae.article_id`;

/** Articles of a story, oldest first: at most `perEvent` from each event. */
export function membersOfStory(db: Database, storyId: string, perEvent: number): MemberRow[] {
  return db
    .prepare(
      `SELECT id, title, outlet, author, published, ingestedAt, language, url, eventId, score, explanation FROM (
         SELECT a.id, a.title, a.outlet, a.author, a.published, a.ingested_at AS ingestedAt, a.language, a.url,
           ae.event_id AS eventId, ae.score, ae.explanation, ${ARTICLE_DATE} AS d, a.seq,
           ROW_NUMBER() OVER (PARTITION BY ae.event_id ORDER BY ${ARTICLE_DATE}, a.seq) AS rn
         FROM events e JOIN article_events ae ON ae.event_id = e.id JOIN articles a ON a.id = ae.article_id
         WHERE e.story_id = ?)
       WHERE rn <= ? ORDER BY d, seq`,
    )
    .all(storyId, perEvent) as MemberRow[];
}

/** Ids of a story's articles, oldest first, at most `limit`. */
export function memberIdsOfStory(db: Database, storyId: string, limit: number): string[] {
  return db
    .prepare(
      `SELECT a.id FROM events e JOIN article_events ae ON ae.event_id = e.id JOIN articles a ON a.id = ae.article_id
       WHERE e.story_id = ? ORDER BY ${ARTICLE_DATE}, a.seq LIMIT ?`,
    )
    .pluck()
    .all(storyId, limit) as string[];
}

/** Number of articles in each event of a story. */
export function eventSizes(db: Database, storyId: string): Map<string, number> {
  const rows = db
    .prepare('SELECT ae.event_id AS id, COUNT(*) AS n FROM events e JOIN article_events ae ON ae.event_id = e.id WHERE e.story_id = ? GROUP BY ae.event_id')
    .all(storyId) as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function membersOfEvent(db: Database, eventId: string, limit: number): MemberRow[] {
  return db.prepare(`${MEMBER_SELECT} WHERE ae.event_id = ? ORDER BY ${ARTICLE_DATE}, a.seq LIMIT ?`).all(eventId, limit) as MemberRow[];
}

/** Which event and story an article belongs to. */
export function placementOf(db: Database, articleId: string): { eventId: string; storyId: string; score: number; explanation: string } | null {
  return (
    (db
      .prepare(
        'SELECT ae.event_id AS eventId, e.story_id AS storyId, ae.score, ae.explanation FROM article_events ae JOIN events e ON e.id = ae.event_id WHERE ae.article_id = ?',
      )
      .get(articleId) as { eventId: string; storyId: string; score: number; explanation: string } | undefined) ?? null
  );
}

export interface CoverageDay {
  readonly day: string;
  readonly articles: number;
  readonly outlets: number;
}

/** Dated articles per publication day for a story, with distinct outlets that day; undated ones counted apart. */
export function coverageOfStory(db: Database, storyId: string): { days: CoverageDay[]; undated: number } {
  const rows = db
    .prepare(
      `SELECT substr(a.published, 1, 10) AS day, COUNT(*) AS articles, COUNT(DISTINCT ${SOURCE_KEY}) AS outlets
       FROM events e JOIN article_events ae ON ae.event_id = e.id JOIN articles a ON a.id = ae.article_id
       WHERE e.story_id = ? GROUP BY day ORDER BY day`,
    )
    .all(storyId) as { day: string | null; articles: number; outlets: number }[];
  const days = rows.filter((r): r is CoverageDay => r.day !== null);
  const undated = rows.find((r) => r.day === null)?.articles ?? 0;
  return { days, undated };
}

/** An article's paragraphs as stored (JSON text), or null. */
export function paragraphsJson(db: Database, articleId: string): string | null {
  return (db.prepare('SELECT paragraphs FROM articles WHERE id = ?').pluck().get(articleId) as string | undefined) ?? null;
}

/** Assembles the storyline page: summary, events in order, and each event's articles with a cited passage. */
import type { Database } from 'better-sqlite3';
import type { ArticleSummary } from './articles.js';
import { copyLinksTouching } from './copies.js';
import { orient } from './orient.js';
import { bestPassage, type Passage } from './passage.js';
import { type EventRow, eventSizes, eventsOfStory, getStorySummary, type MemberRow, membersOfStory, paragraphsJson, type StorySummary } from './stories.js';

/**
 * Most articles listed per event on the storyline page (the earliest ones); each event reports its
 * full `articleCount`, and `GET /api/events/:id` lists them all. About a phone screenful per event,
 * and it bounds the page: the bench's largest storyline (400 articles, 12 events) lists 144.
 */
export const MAX_EVENT_ARTICLES = 12;
/** Most articles any one listing returns (event pages, the copy graph of a storyline). */
export const MAX_LISTED_ARTICLES = 500;

export interface StoryArticle extends ArticleSummary {
  /** How strongly the article belongs to its event (cluster score). */
  readonly score: number;
  /** The cluster stage's rule for placing it. */
  readonly rule: string | null;
  /** When this article copies another stored article: the kind and the original. */
  readonly copyOf: { readonly id: string; readonly kind: string } | null;
  /** The passage cited for this article's place in the event. */
  readonly passage: Passage | null;
}

export interface StoryEvent extends EventRow {
  /** All articles of the event, listed or not. */
  readonly articleCount: number;
  readonly articles: readonly StoryArticle[];
}

export interface StoryView {
  readonly story: StorySummary;
  readonly events: readonly StoryEvent[];
}

interface Explanation {
  sharedTerms?: unknown;
  sharedEntities?: unknown;
  rule?: unknown;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : []);

/** Words shorter than this in a title are mostly function words; longer ones carry the topic. */
const MIN_TITLE_TERM_CHARS = 4;

/** The cluster stage's evidence for placing the article: shared terms and entities (strings only). */
function parseExplanation(json: string): { terms: string[]; rule: string | null } {
  try {
    const e = JSON.parse(json) as Explanation;
    return { terms: [...strings(e.sharedTerms), ...strings(e.sharedEntities)], rule: typeof e.rule === 'string' ? e.rule : null };
  } catch {
    return { terms: [], rule: null };
  }
}

function titleTerms(title: string): string[] {
  return (title.toLowerCase().match(/\p{L}[\p{L}\p{N}'-]*/gu) ?? []).filter((t) => t.length >= MIN_TITLE_TERM_CHARS);
}

/**
 * Cited passages by article and explanation. Stored article text never changes, so a passage only
 * needs recomputing when the cluster stage rewrites the explanation; this keeps storyline pages fast
 * right after an ingest, when the response cache is empty. Bounded to about the bench database's
 * size; when full it is simply cleared.
 */
const MAX_MEMO_PASSAGES = 20_000;
const passageMemo = new Map<string, { rule: string | null; passage: Passage | null }>();

function passageOf(db: Database, m: MemberRow): { rule: string | null; passage: Passage | null } {
  const key = `${m.id}\u0000${m.explanation}`;
  const hit = passageMemo.get(key);
  if (hit) return hit;
  const { terms, rule } = parseExplanation(m.explanation);
  let paragraphs: string[] = [];
  try {
    paragraphs = JSON.parse(paragraphsJson(db, m.id) ?? '[]') as string[];
  } catch {
    paragraphs = [];
  }
  // An article that founded its event shares nothing yet: its own headline says what it reports.
  const value = { rule, passage: bestPassage(paragraphs, terms.length ? terms : titleTerms(m.title)) };
  if (passageMemo.size >= MAX_MEMO_PASSAGES) passageMemo.clear();
  passageMemo.set(key, value);
  return value;
}

function toStoryArticle(db: Database, m: MemberRow, copyOf: StoryArticle['copyOf']): StoryArticle {
  const { rule, passage } = passageOf(db, m);
  return {
    id: m.id,
    title: m.title,
    outlet: m.outlet,
    author: m.author,
    published: m.published,
    ingestedAt: m.ingestedAt,
    language: m.language,
    url: m.url,
    score: m.score,
    rule,
    copyOf,
    passage,
  };
}

export function storyView(db: Database, storyId: string): StoryView | null {
  const story = getStorySummary(db, storyId);
  if (!story) return null;
  const shown = membersOfStory(db, storyId, MAX_EVENT_ARTICLES);
  const sizes = eventSizes(db, storyId);
  const copies = new Map<string, { id: string; kind: string }>();
  for (const link of copyLinksTouching(
    db,
    shown.map((m) => m.id),
  )) {
    const { original, copy } = orient(link);
    if (!copies.has(copy)) copies.set(copy, { id: original, kind: link.kind });
  }
  const byEvent = new Map<string, StoryArticle[]>();
  for (const m of shown) {
    const list = byEvent.get(m.eventId) ?? [];
    list.push(toStoryArticle(db, m, copies.get(m.id) ?? null));
    byEvent.set(m.eventId, list);
  }
  const events = eventsOfStory(db, storyId).map((e) => ({ ...e, articleCount: sizes.get(e.id) ?? 0, articles: byEvent.get(e.id) ?? [] }));
  return { story, events };
}

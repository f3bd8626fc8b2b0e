/**
 * Human control: merge, split and move, each logged in the audit table. Later automatic runs respect
 * them: edited events are locked (never auto-merged), split-apart events may not be re-joined
 * (cannot-link), and moved or split-off articles are pinned to their event.
 */
import type { Database } from 'better-sqlite3';
import { ClusterError, ClusterNotFoundError } from './errors.js';
import {
  type Ctx,
  createEvent,
  freshId,
  logDecision,
  mergeEvents,
  mergeStories,
  rebuildEvent,
  rebuildStory,
  redirect,
  resolveId,
  storyOf,
} from './internal/ops.js';
import { DEFAULT_OPTIONS } from './internal/options.js';
import { ClusterState } from './internal/state.js';

export interface DecisionResult {
  readonly decision: number;
  readonly action: string;
  /** Ids the decision created, kept or removed. */
  readonly ids: Record<string, string | string[]>;
}

function context(db: Database): Ctx {
  return { db, state: new ClusterState(db), indexKeys: DEFAULT_OPTIONS.indexKeys };
}

function kindOf(db: Database, id: string): 'event' | 'story' | 'article' | null {
  if (db.prepare('SELECT 1 FROM events WHERE id = ?').get(id)) return 'event';
  if (db.prepare('SELECT 1 FROM stories WHERE id = ?').get(id)) return 'story';
  if (db.prepare('SELECT 1 FROM article_events WHERE article_id = ?').get(id)) return 'article';
  return null;
}

function lock(ctx: Ctx, id: string): void {
  const row = ctx.state.profile(id);
  if (row) {
    row.locked = true;
    ctx.state.saveProfile(row);
  }
}

function pin(db: Database, articleId: string, eventId: string, decision: number): void {
  db.prepare("DELETE FROM cluster_constraints WHERE a = ? AND kind = 'pinned'").run(articleId);
  db.prepare("INSERT OR REPLACE INTO cluster_constraints (a, b, kind, decision_id) VALUES (?, ?, 'pinned', ?)").run(articleId, eventId, decision);
}

/** Merges two events or two storylines; the first id survives and the second redirects to it. */
export function mergeClusters(db: Database, keepId: string, mergeId: string, note: string | null = null): DecisionResult {
  return db.transaction(() => {
    const ctx = context(db);
    const keep = resolveId(db, keepId);
    const gone = resolveId(db, mergeId);
    const [k1, k2] = [kindOf(db, keep), kindOf(db, gone)];
    if (!k1) throw new ClusterNotFoundError(`no event or storyline with id "${keepId}"`);
    if (!k2) throw new ClusterNotFoundError(`no event or storyline with id "${mergeId}"`);
    if (keep === gone) throw new ClusterError(`"${keepId}" and "${mergeId}" are already the same ${k1}`);
    if (k1 !== k2 || k1 === 'article') throw new ClusterError(`can only merge two events or two storylines (got ${k1} and ${k2})`);
    db.prepare("DELETE FROM cluster_constraints WHERE kind = 'cannot-link' AND ((a = ? AND b = ?) OR (a = ? AND b = ?))").run(keep, gone, gone, keep);
    const decision = k1 === 'event' ? mergeEvents(ctx, gone, keep, 'human', note) : mergeStories(ctx, gone, keep, 'human', note);
    lock(ctx, keep);
    if (k1 === 'event') lock(ctx, storyOf(db, keep) ?? '');
    ctx.state.bumpGeneration();
    return { decision, action: `merge-${k1 === 'event' ? 'events' : 'stories'}`, ids: { kept: keep, merged: gone } };
  })();
}

/** Moves the listed articles out of an event into a new event of the same storyline; the two may not be auto-merged again. */
export function splitEvent(db: Database, eventId: string, articleIds: readonly string[], note: string | null = null): DecisionResult {
  return db.transaction(() => {
    const ctx = context(db);
    const ev = resolveId(db, eventId);
    const story = storyOf(db, ev);
    if (!story) throw new ClusterNotFoundError(`no event with id "${eventId}"`);
    if (articleIds.length === 0) throw new ClusterError('name at least one article to split off');
    const members = new Set(
      (db.prepare('SELECT article_id FROM article_events WHERE event_id = ?').all(ev) as { article_id: string }[]).map((r) => r.article_id),
    );
    for (const a of articleIds) if (!members.has(a)) throw new ClusterError(`article "${a}" is not in event ${ev}`);
    if (articleIds.length === members.size) throw new ClusterError('a split must leave at least one article in the event');
    const newId = freshId(db, 'ev', articleIds[0]!);
    const title = (db.prepare('SELECT title FROM articles WHERE id = ?').get(articleIds[0]!) as { title: string } | undefined)?.title ?? newId;
    const decision = logDecision(db, 'human', 'split-event', { event: ev, newEvent: newId, articles: [...articleIds] }, note);
    createEvent(db, newId, story, title, false);
    const move = db.prepare('UPDATE article_events SET event_id = ? WHERE article_id = ?');
    for (const a of articleIds) {
      move.run(newId, a);
      pin(db, a, newId, decision);
    }
    db.prepare("INSERT OR REPLACE INTO cluster_constraints (a, b, kind, decision_id) VALUES (?, ?, 'cannot-link', ?)").run(ev, newId, decision);
    for (const id of [ev, newId]) {
      rebuildEvent(ctx, id);
      lock(ctx, id);
    }
    rebuildStory(ctx, story);
    ctx.state.bumpGeneration();
    return { decision, action: 'split-event', ids: { event: ev, newEvent: newId, articles: [...articleIds] } };
  })();
}

/** Moves an article to another event, or an event to another storyline; the moved item is pinned there. */
export function moveItem(db: Database, itemId: string, targetId: string, note: string | null = null): DecisionResult {
  return db.transaction((): DecisionResult => {
    const ctx = context(db);
    const target = resolveId(db, targetId);
    const item = kindOf(db, itemId) === 'article' ? itemId : resolveId(db, itemId);
    const [ki, kt] = [kindOf(db, item), kindOf(db, target)];
    if (!ki) throw new ClusterNotFoundError(`no clustered article or event with id "${itemId}"`);
    if (!kt) throw new ClusterNotFoundError(`no event or storyline with id "${targetId}"`);
    if (ki === 'article' && kt === 'event') {
      const from = (db.prepare('SELECT event_id FROM article_events WHERE article_id = ?').get(item) as { event_id: string }).event_id;
      if (from === target) throw new ClusterError(`article ${item} is already in event ${target}`);
      const decision = logDecision(db, 'human', 'move-article', { article: item, from, to: target }, note);
      db.prepare('UPDATE article_events SET event_id = ? WHERE article_id = ?').run(target, item);
      pin(db, item, target, decision);
      const fromStory = storyOf(db, from);
      const toStory = storyOf(db, target);
      const left = rebuildEvent(ctx, from);
      if (!left) {
        db.prepare('DELETE FROM events WHERE id = ?').run(from);
        redirect(db, from, target, decision);
      } else lock(ctx, from);
      rebuildEvent(ctx, target);
      lock(ctx, target);
      for (const s of new Set([fromStory, toStory])) if (s) rebuildStory(ctx, s);
      ctx.state.bumpGeneration();
      return { decision, action: 'move-article', ids: { article: item, from, to: target } };
    }
    if (ki === 'event' && kt === 'story') {
      const from = storyOf(db, item) as string;
      if (from === target) throw new ClusterError(`event ${item} is already in storyline ${target}`);
      const decision = logDecision(db, 'human', 'move-event', { event: item, from, to: target }, note);
      db.prepare('UPDATE events SET story_id = ? WHERE id = ?').run(target, item);
      lock(ctx, item);
      rebuildStory(ctx, from);
      if (!db.prepare('SELECT 1 FROM stories WHERE id = ?').get(from)) redirect(db, from, target, decision);
      rebuildStory(ctx, target);
      lock(ctx, target);
      ctx.state.bumpGeneration();
      return { decision, action: 'move-event', ids: { event: item, from, to: target } };
    }
    throw new ClusterError(`can move an article to an event or an event to a storyline (got ${ki} → ${kt})`);
  })();
}

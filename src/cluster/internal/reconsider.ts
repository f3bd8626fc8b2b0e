/**
 * Reconsidering one article's event after its signals changed (e.g. the pipeline re-dated a weakly dated
 * article at the end of a run): the article is scored against the rest of its own event and against the
 * candidate events again, and moves when another event is now clearly better. Moves are automatic decisions
 * (logged); pinned articles (human moves and splits) and locked events never move.
 */

import { stmt } from '../../internal/stmts.js';
import type { Reconsideration, ScoreParts } from '../types.js';
import { explanationOf } from './explain.js';
import type { Features } from './features.js';
import { type Ctx, eventDate, indexKeysOf, logDecision, rebuildEvent, rebuildStory, redirect, storyOf } from './ops.js';
import type { ClusterOptions } from './options.js';
import { addToProfile, copyProfile, type Profile } from './profile.js';
import { score } from './similarity.js';
import type { ProfileRow } from './state.js';

/**
 * A move needs the other event to beat the article's own event (without the article) by this much. Set from the
 * score scale: the date component alone moves a score by up to dateBonus + datePenalty = 0.4 when a date changes;
 * 0.05 (an eighth of that) keeps near-ties, which re-dating does not decide, where they are.
 */
export const RECONSIDER_MARGIN = 0.05;

export interface ScoredCandidate {
  readonly row: ProfileRow;
  readonly parts: ScoreParts;
  readonly inWindow: boolean;
}

/**
 * Decides and applies. `f` are the article's new features (already stored), `old` its features before (as
 * stored then; null if unknown), `scored` the candidate events scored with the new features (any order).
 */
export function reconsiderArticle(
  ctx: Ctx,
  o: ClusterOptions,
  articleId: string,
  f: Features,
  old: Features | null,
  scored: readonly ScoredCandidate[],
): Reconsideration {
  const place = stmt(ctx.db, 'SELECT event_id FROM article_events WHERE article_id = ?').get(articleId) as { event_id: string } | undefined;
  const none = (from: string, own: number, best: number | null, reason: string): Reconsideration => {
    if (from) refreshInPlace(ctx, o, from, f, old);
    return { articleId, moved: false, from, to: from, own, best, reason };
  };
  if (!place) return { articleId, moved: false, from: '', to: '', own: 0, best: null, reason: 'article is not clustered' };
  const from = place.event_id;
  if (stmt(ctx.db, "SELECT 1 FROM cluster_constraints WHERE kind = 'pinned' AND a = ?").get(articleId))
    return none(from, 0, null, 'pinned by a human decision');
  const current = ctx.state.profile(from);
  if (!current) return none(from, 0, null, 'event has no profile');
  if (current.locked) return none(from, 0, null, 'event locked by a human decision');
  // The article against the rest of its event (its old stored features taken out of the profile).
  let own = 0;
  if (current.profile.n > 1) {
    const rest: Profile = copyProfile(current.profile);
    if (old) addToProfile(rest, old, -1);
    own = score(f, rest, ctx.state.idf, o.weights, true, {}, ctx.state.backgrounds.scale(f.language)).parts.total;
  }
  const others = scored
    .filter((s) => s.inWindow && s.row.id !== from && !s.row.locked)
    .sort((a, b) => b.parts.total - a.parts.total || (a.row.id < b.row.id ? -1 : 1));
  const best = others[0];
  if (!best) return none(from, own, null, 'no other candidate event');
  const b = best.parts.total;
  if (b < o.eventThreshold) return none(from, own, b, `best other event ${best.row.id} scores ${b.toFixed(3)} < ${o.eventThreshold}`);
  if (current.profile.n > 1 && b < own + RECONSIDER_MARGIN) {
    return none(from, own, b, `best other event ${best.row.id} scores ${b.toFixed(3)}, not ${RECONSIDER_MARGIN} above its own event's ${own.toFixed(3)}`);
  }
  return move(ctx, o, articleId, f, from, best.row.id, own, b);
}

/** The article stays: its event's and storyline's profiles trade its old features for the new ones. */
function refreshInPlace(ctx: Ctx, o: ClusterOptions, eventId: string, f: Features, old: Features | null): void {
  const storyId = storyOf(ctx.db, eventId);
  for (const id of [eventId, storyId]) {
    const row = id ? ctx.state.profile(id) : null;
    if (!row) continue;
    if (old) addToProfile(row.profile, old, -1);
    addToProfile(row.profile, f);
    if (row.kind === 'event') {
      ctx.state.reindex(row, indexKeysOf(row.profile, ctx.state.idf, o.indexKeys), true);
      stmt(ctx.db, 'UPDATE events SET date = ? WHERE id = ?').run(eventDate(row.profile), eventId);
    }
    ctx.state.saveProfile(row);
  }
}

function move(ctx: Ctx, o: ClusterOptions, articleId: string, f: Features, from: string, to: string, own: number, best: number): Reconsideration {
  const reason = `signals changed: scores ${best.toFixed(3)} against ${to}, ${own.toFixed(3)} against the rest of ${from}`;
  const decision = logDecision(ctx.db, 'auto', 'move-article', { article: articleId, from, to }, reason);
  const target = ctx.state.profile(to);
  const ev = target ? score(f, target.profile, ctx.state.idf, o.weights, true, {}, ctx.state.backgrounds.scale(f.language)) : null;
  const explanation = explanationOf({
    evidence: ev,
    features: f,
    eventDates: target?.profile.dates ?? {},
    threshold: o.eventThreshold,
    rule: `moved from ${from} when reconsidered (decision ${decision}): ${reason}`,
    score: best,
  });
  const fromStory = storyOf(ctx.db, from);
  const toStory = storyOf(ctx.db, to);
  stmt(ctx.db, 'UPDATE article_events SET event_id = ?, score = ?, explanation = ? WHERE article_id = ?').run(to, best, JSON.stringify(explanation), articleId);
  if (!rebuildEvent(ctx, from)) {
    stmt(ctx.db, 'DELETE FROM events WHERE id = ?').run(from);
    redirect(ctx.db, from, to, decision);
  }
  const rebuilt = rebuildEvent(ctx, to);
  if (rebuilt) stmt(ctx.db, 'UPDATE events SET date = ? WHERE id = ?').run(eventDate(rebuilt.profile), to);
  for (const s of new Set([fromStory, toStory])) if (s) rebuildStory(ctx, s);
  if (fromStory && toStory && fromStory !== toStory && !stmt(ctx.db, 'SELECT 1 FROM stories WHERE id = ?').get(fromStory)) {
    redirect(ctx.db, fromStory, toStory, decision);
  }
  return { articleId, moved: true, from, to, own, best, reason };
}

/**
 * Storyline membership revisited as evidence grows. A new event joins a storyline on the strength of its first
 * article alone; once the event has gathered more reports its profile is better evidence, so at a few sizes
 * (2, 4, 8, … articles) the clusterer asks again: does the event still fit the rest of its storyline (else the
 * two parts separate, the larger keeping the storyline's id), and does an event alone in its storyline fit
 * another storyline (then the two merge, the larger surviving). Locked (human-edited) events and storylines and
 * cannot-link pairs are never touched; every change is logged as an automatic decision.
 */

import { stmt } from '../../internal/stmts.js';
import { dict } from './dict.js';
import type { Features } from './features.js';
import { type Ctx, cannotLink, freshId, logDecision, mergeStories, rebuildStory, storyOf } from './ops.js';
import type { ClusterOptions } from './options.js';
import {
  PROFILE_DATES,
  PROFILE_ENTITIES,
  PROFILE_MENTIONS,
  PROFILE_NUMBERS,
  PROFILE_TERMS,
  type Profile,
  SPENT_WEIGHT,
  TRIM_SLACK,
  trimTop,
} from './profile.js';
import { score } from './similarity.js';
import type { ProfileRow } from './state.js';

/** A profile seen as one article's features, to score two clusters against each other. */
export function asFeatures(p: Profile): Features {
  let primary: string | null = null;
  let best = 0;
  for (const [d, n] of Object.entries(p.dates)) if (n > best) [primary, best] = [d, n];
  return {
    terms: p.terms,
    entities: p.entities,
    numbers: Object.keys(p.numbers),
    dates: Object.keys(p.mentions ?? p.dates),
    primary,
    time: p.tLo === null || p.tHi === null ? null : (p.tLo + p.tHi) / 2,
    language: Object.entries(p.langs).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null,
    surfaces: p.surfaces,
  };
}

/** The record itself when it has no prototype (profiles' records are `dict()`s), else a copy that has none. */
function bare(r: Record<string, number>): Record<string, number> {
  return Object.getPrototypeOf(r) === null ? r : Object.assign(dict<number>(), r);
}

/**
 * `a` less `b` as combineProfiles(…, −1) leaves a copy of `a`: its keys in order with `b`'s weights subtracted (those
 * falling to SPENT_WEIGHT or below dropped), then `b`'s keys that `a` lacks whose negated weight stays above it,
 * trimmed to `keep` as trimTop does. One pass building the result instead of a copy, a subtraction and a recount.
 */
function minus(a0: Record<string, number>, b0: Record<string, number>, keep = Number.POSITIVE_INFINITY): Record<string, number> {
  // Own keys only, as the subtraction reads them (a record made with `{}` would answer `in` and reads for "constructor").
  const a = bare(a0);
  const b = bare(b0);
  const out = dict<number>();
  let size = 0;
  // Object.keys rather than for…in over the dictionary-mode records (see packed.ts pack).
  for (const k of Object.keys(a)) {
    const y = b[k];
    const v = y === undefined ? (a[k] as number) : (a[k] as number) + -1 * y;
    if (y === undefined || v > SPENT_WEIGHT) {
      out[k] = v;
      size++;
    }
  }
  for (const k of Object.keys(b)) {
    if (k in a) continue;
    const v = 0 + -1 * (b[k] as number);
    if (v > SPENT_WEIGHT) {
      out[k] = v;
      size++;
    }
  }
  return size > keep * TRIM_SLACK ? trimTop(out, keep) : out;
}

/**
 * The storyline without the event, for scoring: what combineProfiles(copyProfile(story), event, −1) gives (ops.ts),
 * built in one pass per record. Its display forms are the storyline's own record, shared read-only (a score reads
 * them for display only; the subtraction leaves them as they are).
 */
export function restOf(story: Profile, ev: Profile): Profile {
  return {
    ...restShell(story, ev),
    terms: minus(story.terms, ev.terms, PROFILE_TERMS),
    entities: minus(story.entities, ev.entities, PROFILE_ENTITIES),
    numbers: minus(story.numbers, ev.numbers, PROFILE_NUMBERS),
  };
}

/**
 * restOf(story, ev) without its keyed records (terms, names and numbers left empty): what a scorer that subtracts those
 * as it scores (fastscore.ts partsLess) reads of the rest (dates, languages, size); restOf fills them in.
 */
export function restShell(story: Profile, ev: Profile): Profile {
  return {
    ...story,
    terms: dict<number>(),
    entities: dict<number>(),
    numbers: dict<number>(),
    dates: minus(story.dates, ev.dates, PROFILE_DATES),
    mentions: minus(story.mentions ?? {}, ev.mentions ?? {}, PROFILE_MENTIONS),
    langs: minus(story.langs, ev.langs),
    n: Math.max(0, story.n + -1 * ev.n),
  };
}

/** Event sizes at which its storyline is revisited: each doubling of its reports (bounded work per event: log₂ n checks). */
export function isReviewSize(n: number): boolean {
  return n >= 2 && (n & (n - 1)) === 0;
}

export interface StoryChange {
  readonly action: 'split-story' | 'merge-stories';
  readonly from: string;
  readonly into: string;
}

function eventsOf(ctx: Ctx, storyId: string): string[] {
  return (stmt(ctx.db, 'SELECT id FROM events WHERE story_id = ? ORDER BY id').all(storyId) as { id: string }[]).map((r) => r.id);
}

/** Whether the storyline holds an event other than `eventId` (one index probe; its list is read only when a review needs it). */
function hasSiblings(ctx: Ctx, storyId: string, eventId: string): boolean {
  return stmt(ctx.db, 'SELECT 1 FROM events WHERE story_id = ? AND id <> ? LIMIT 1').get(storyId, eventId) !== undefined;
}

/**
 * Scores one set of features against profiles at storyline level (no dates): `score()` by default, a faster
 * equal one from the engine (which may use the row's cached packing). `done` releases it.
 */
/**
 * Storylines the event might join instead, or a function listing them: the list is read only when the review gets that
 * far (most reviews end with the event still fitting its own storyline), and before any split it makes.
 */
export type Candidates = readonly string[] | (() => readonly string[]);

/**
 * `fitRest` (optional): the fit of restOf(story, ev) scored without building it, equal to `fit(restOf(story, ev))`; null
 * when it cannot (then the rest is built). The features a review passes are a stored event's profile seen as features
 * (asFeatures: its terms and names are the row's records), and `fitRest` gets stored rows' profiles: a scorer may list
 * their keys with record-facts keysOf.
 */
export type StoryScorer = (f: Features) => {
  fit: (p: Profile, row?: ProfileRow) => number;
  fitRest?: (story: Profile, ev: Profile) => number | null;
  done: () => void;
};

/**
 * Revisits the storyline of `eventId` (call when the event reached a review size). `candidates` are storylines (or a function listing them)
 * the event's latest article found in the index (the only ones considered for a merge). Returns the changes made.
 */
export function reviewStoryline(ctx: Ctx, o: ClusterOptions, eventId: string, candidates: Candidates, scorer?: StoryScorer): StoryChange[] {
  return planReview(ctx, o, eventId, scorer).finish(candidates);
}

/** A review whose first question (does the event still fit the rest of its storyline?) is answered; see `planReview`. */
export interface PlannedReview {
  /**
   * Whether `finish` reads the candidate storylines: the event no longer fits the rest of its storyline (a split), or
   * it is alone in it (a merge is looked for). Most reviews end without them.
   */
  readonly needsCandidates: boolean;
  /** Makes the review's changes; call before anything else moves events between storylines or changes profiles. */
  finish(candidates: Candidates): StoryChange[];
}

const NOTHING_TO_DO: PlannedReview = { needsCandidates: false, finish: () => [] };

/**
 * The first half of `reviewStoryline`: reads the event, its storyline and siblings and scores the event against the rest of
 * its storyline, changing nothing. The engine plans the review before its article changes the index, so it reads the
 * candidate storylines (as they were before the article) only for the reviews that use them; `finish` then makes the
 * changes `reviewStoryline` would have made at that point (the profiles, storylines and events it read must not change in
 * between; the index may).
 */
export function planReview(
  ctx: Ctx,
  o: ClusterOptions,
  eventId: string,
  scorer: StoryScorer = (f) => ({
    fit: (p) => score(f, p, ctx.state.idf, o.weights, false, {}, ctx.state.backgrounds.scale(f.language)).parts.total,
    done: () => {},
  }),
): PlannedReview {
  const ev = ctx.state.profile(eventId);
  const storyId = storyOf(ctx.db, eventId);
  if (!ev || ev.locked || !storyId) return NOTHING_TO_DO;
  const story = ctx.state.profile(storyId);
  if (!story || story.locked) return NOTHING_TO_DO;
  // The siblings are listed only for a split (most reviews end with the event still fitting the rest of its storyline).
  let siblings: readonly string[] = [];
  let split: { rest: Profile; restFit: number } | null = null;
  if (hasSiblings(ctx, storyId, eventId)) {
    // Does the event still fit the rest of its storyline (the storyline without it)?
    const sc = scorer(asFeatures(ev.profile));
    let rest: Profile | null = null;
    let restFit: number;
    try {
      const fast = sc.fitRest?.(story.profile, ev.profile) ?? null;
      if (fast !== null) restFit = fast;
      else {
        rest = restOf(story.profile, ev.profile);
        restFit = sc.fit(rest);
      }
    } finally {
      sc.done();
    }
    if (restFit >= o.storyThreshold) return NOTHING_TO_DO;
    siblings = eventsOf(ctx, storyId).filter((id) => id !== eventId);
    if (siblings.some((id) => ctx.state.profile(id)?.locked)) return NOTHING_TO_DO;
    split = { rest: rest ?? restOf(story.profile, ev.profile), restFit };
  }
  return {
    needsCandidates: true,
    finish(candidates) {
      // The event's features are scored again against the storylines (the same numbers: its profile is unchanged).
      const sc = scorer(asFeatures(ev.profile));
      try {
        return review(ctx, o, eventId, storyId, ev, siblings, split, candidates, sc.fit);
      } finally {
        sc.done();
      }
    },
  };
}

function review(
  ctx: Ctx,
  o: ClusterOptions,
  eventId: string,
  storyId0: string,
  ev: ProfileRow,
  siblings: readonly string[],
  split: { rest: Profile; restFit: number } | null,
  candidates: Candidates,
  fit: (p: Profile, row?: ProfileRow) => number,
): StoryChange[] {
  const changes: StoryChange[] = [];
  let storyId = storyId0;
  // Read before anything below moves events between storylines, as an eager list would have been.
  let listed: readonly string[] | null = null;
  const candidateStories = () => {
    listed ??= typeof candidates === 'function' ? candidates() : candidates;
    return listed;
  };

  if (split) {
    // The event no longer fits the rest of its storyline (planReview).
    const { rest, restFit } = split;
    candidateStories();
    // The larger part keeps the storyline (and its id); the other part moves to a new storyline.
    const eventStays = ev.profile.n > rest.n;
    const moving = eventStays ? siblings : [eventId];
    const seed = ctx.state.profile(moving[0] as string)?.repArticle ?? (moving[0] as string);
    const newStory = freshId(ctx.db, 'st', seed.replace(/^ev_/, 'a'));
    logDecision(
      ctx.db,
      'auto',
      'split-story',
      { story: storyId, moved: moving, newStory },
      `event ${eventId} (${ev.profile.n} articles) scores ${restFit.toFixed(3)} < ${o.storyThreshold} against the rest of its storyline`,
    );
    const t = new Date().toISOString();
    const title = (stmt(ctx.db, 'SELECT title FROM events WHERE id = ?').get(moving[0]) as { title: string } | undefined)?.title ?? newStory;
    stmt(ctx.db, 'INSERT INTO stories (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)').run(newStory, title, t, t);
    for (const id of moving) stmt(ctx.db, 'UPDATE events SET story_id = ? WHERE id = ?').run(newStory, id);
    rebuildStory(ctx, newStory);
    rebuildStory(ctx, storyId);
    changes.push({ action: 'split-story', from: storyId, into: newStory });
    if (eventStays) return changes;
    storyId = newStory;
  }

  // The event is alone in its storyline: does another storyline fit it?
  let best: { id: string; total: number; n: number } | null = null;
  for (const sid of new Set(candidateStories())) {
    if (sid === storyId) continue;
    const row = ctx.state.profile(sid);
    if (!row || row.locked || cannotLink(ctx.db, storyId, sid)) continue;
    const total = fit(row.profile, row);
    if (total >= o.storyThreshold && (!best || total > best.total || (total === best.total && sid < best.id))) best = { id: sid, total, n: row.profile.n };
  }
  if (!best) return changes;
  const own = ctx.state.profile(storyId);
  if (!own) return changes;
  const [into, from] = best.n > own.profile.n || (best.n === own.profile.n && best.id < storyId) ? [best.id, storyId] : [storyId, best.id];
  mergeStories(
    ctx,
    from,
    into,
    'auto',
    `event ${eventId} (${ev.profile.n} articles, alone in its storyline) scores ${best.total.toFixed(3)} ≥ ${o.storyThreshold} against storyline ${best.id}`,
  );
  changes.push({ action: 'merge-stories', from, into });
  return changes;
}

/**
 * Splitting an event when its evidence diverges: once an event's members (or a new article that
 * resembles it) carry happening dates too far apart to be one happening, the members are regrouped:
 * dated members form one group per run of nearby dates, and each undated member then joins the group it
 * fits best, most confident first, the group profiles growing as they go. Bounded by event size.
 */

import { dayGap, dayNumber } from './dates.js';
import { explanationOf } from './explain.js';
import type { Features } from './features.js';
import { type Ctx, freshId, logDecision, membersOf, rebuildEvent, rebuildStory, redirect, storyOf } from './ops.js';
import type { ClusterOptions } from './options.js';
import { addToProfile, emptyProfile, type Profile } from './profile.js';
import { score } from './similarity.js';

/** Regrouping only runs over at most this many articles (keeps the per-article cost bounded: ≤ 30²·groups scores). */
export const REFINE_MAX_MEMBERS = 30;

export interface Move {
  readonly article: string;
  readonly from: string;
  readonly to: string;
}

/** Groups of dates where each date is within `farDays` of another in its group (single linkage). */
function dateGroups(dated: readonly { id: string; date: string }[], farDays: number): string[][] {
  const parent = dated.map((_, i) => i);
  const find = (i: number): number => {
    if (parent[i] === i) return i;
    const root = find(parent[i]!);
    parent[i] = root;
    return root;
  };
  for (let i = 0; i < dated.length; i++) {
    for (let j = i + 1; j < dated.length; j++) if (dayGap(dated[i]!.date, dated[j]!.date) < farDays) parent[find(i)] = find(j);
  }
  const groups = new Map<number, string[]>();
  dated.forEach((d, i) => {
    const g = groups.get(find(i)) ?? [];
    g.push(d.id);
    groups.set(find(i), g);
  });
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/**
 * Whether a profile's dates span more than one happening: whether any two of them are `farDays` or more apart by
 * dayGap. Runs once per article. Between two full dates dayGap is the distance of their day numbers, so the widest
 * such pair is the earliest against the latest (one day number per date instead of two per pair: 12 dates took
 * 11.6 µs by pairs, node 20); a day-month date (`--MM-DD`) is compared with every other date by dayGap itself.
 * test/cluster/dates-diverge.test.ts holds this to the pairwise definition.
 */
export function datesDiverge(p: Profile, farDays: number): boolean {
  const ds = Object.keys(p.dates);
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  let full = 0;
  for (const d of ds) {
    if (d.startsWith('--')) continue;
    const day = dayNumber(d);
    if (Number.isNaN(day)) continue;
    full++;
    if (day < earliest) earliest = day;
    if (day > latest) latest = day;
  }
  if (full >= 2 && latest - earliest >= farDays) return true;
  for (const a of ds) {
    if (!a.startsWith('--')) continue;
    for (const b of ds) if (b !== a && dayGap(a, b) >= farDays) return true;
  }
  return false;
}

/** Regroups the members of `eventIds` by happening date; applies and logs the moves; returns them. */
export function splitByDates(ctx: Ctx, eventIds: readonly string[], o: ClusterOptions, reason: string): Move[] {
  const events = [...new Set(eventIds)];
  const seat = new Map<string, string>();
  const feats = new Map<string, Features>();
  for (const e of events) {
    const row = ctx.state.profile(e);
    if (!row || row.locked) return [];
    for (const a of membersOf(ctx.db, e)) {
      seat.set(a, e);
      const f = ctx.state.features(a)?.features;
      if (f) feats.set(a, f);
    }
  }
  if (seat.size > REFINE_MAX_MEMBERS || feats.size !== seat.size) return [];
  const pinned = ctx.db.prepare("SELECT 1 FROM cluster_constraints WHERE kind = 'pinned' AND a = ?");
  for (const a of seat.keys()) if (pinned.get(a)) return [];

  const dated = [...feats].filter(([, f]) => f.primary !== null).map(([id, f]) => ({ id, date: f.primary! }));
  const groups = dateGroups(dated, o.weights.farDays);
  if (groups.length < 2) return [];
  const profiles = groups.map((g) => {
    const p = emptyProfile();
    for (const id of g) addToProfile(p, feats.get(id)!);
    return p;
  });
  let undated = [...feats.keys()].filter((id) => feats.get(id)!.primary === null).sort();
  while (undated.length > 0) {
    let pick: { id: string; g: number; margin: number } | null = null;
    for (const id of undated) {
      const fi = feats.get(id)!;
      const scale = ctx.state.backgrounds.scale(fi.language);
      const s = profiles.map((p) => score(fi, p, ctx.state.idf, o.weights, true, {}, scale).parts.total);
      const order = s.map((x, i) => [x, i] as const).sort((a, b) => b[0] - a[0]);
      const margin = order[0]![0] - (order[1]?.[0] ?? 0);
      if (!pick || margin > pick.margin) pick = { id, g: order[0]![1], margin };
    }
    groups[pick!.g]!.push(pick!.id);
    addToProfile(profiles[pick!.g]!, feats.get(pick!.id)!);
    undated = undated.filter((x) => x !== pick!.id);
  }
  // Each group keeps the existing event most of its members came from; the rest get new events.
  const used = new Set<string>();
  const target = groups.map(() => '');
  const byOverlap = groups
    .flatMap((g, gi) => events.map((e) => ({ gi, e, n: g.filter((a) => seat.get(a) === e).length })))
    .sort((a, b) => b.n - a.n || a.gi - b.gi || (a.e < b.e ? -1 : 1));
  for (const c of byOverlap) {
    if (c.n === 0 || target[c.gi] || used.has(c.e)) continue;
    target[c.gi] = c.e;
    used.add(c.e);
  }
  const moves: Move[] = [];
  const story = storyOf(ctx.db, events[0]!)!;
  const decision = logDecision(ctx.db, 'auto', 'split-by-dates', { events, groups }, reason);
  groups.forEach((g, gi) => {
    if (!target[gi]) {
      const id = freshId(ctx.db, 'ev', [...g].sort()[0]!);
      const title = ctx.state.features([...g].sort()[0]!)?.title ?? id;
      const t = new Date().toISOString();
      ctx.db.prepare('INSERT INTO events (id, story_id, title, date, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?)').run(id, story, title, t, t);
      ctx.state.saveProfile({ id, kind: 'event', profile: emptyProfile(), repArticle: [...g].sort()[0]!, repScore: 0, locked: false, indexed: [] });
      target[gi] = id;
    }
    for (const a of g) if (seat.get(a) !== target[gi]) moves.push({ article: a, from: seat.get(a)!, to: target[gi]! });
  });
  const update = ctx.db.prepare('UPDATE article_events SET event_id = ?, score = ?, explanation = ? WHERE article_id = ?');
  for (const m of moves) {
    const gi = target.indexOf(m.to);
    const f = feats.get(m.article)!;
    const rest = JSON.parse(JSON.stringify(profiles[gi]!)) as Profile;
    if (rest.n > 1) addToProfile(rest, f, -1);
    const ev = score(f, rest, ctx.state.idf, o.weights, true, {}, ctx.state.backgrounds.scale(f.language));
    const explanation = explanationOf({
      evidence: ev,
      features: f,
      eventDates: rest.dates,
      threshold: o.eventThreshold,
      rule: `moved from ${m.from} when the event was split by happening dates (decision ${decision}); score against the rest of its new event`,
    });
    update.run(m.to, ev.parts.total, JSON.stringify(explanation), m.article);
  }
  const stories = new Set<string>();
  for (const e of new Set([...events, ...target])) {
    const s = storyOf(ctx.db, e);
    if (s) stories.add(s);
    if (!rebuildEvent(ctx, e)) {
      ctx.db.prepare('DELETE FROM events WHERE id = ?').run(e);
      redirect(ctx.db, e, moves.find((m) => m.from === e)?.to ?? target[0]!, decision);
    }
  }
  for (const s of stories) rebuildStory(ctx, s);
  return moves;
}

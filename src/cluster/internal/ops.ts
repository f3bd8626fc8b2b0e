/**
 * Structural edits shared by the online clusterer and the human commands: creating, merging,
 * splitting and relabelling events and storylines, with redirects and the decision log.
 */
import type { Database } from 'better-sqlite3';
import { stmt } from '../../internal/stmts.js';
import type { Features } from './features.js';
import {
  emptyProfile,
  PROFILE_DATES,
  PROFILE_ENTITIES,
  PROFILE_MENTIONS,
  PROFILE_NUMBERS,
  PROFILE_TERMS,
  type Profile,
  profileOf,
  SPENT_WEIGHT,
  trimInPlace,
} from './profile.js';
import { appendKey, forgetSurfacesInUse, keysOf, renoteKeys } from './record-facts.js';
import type { ClusterState, ProfileRow } from './state.js';
import { strongestFirst } from './top-keys.js';

export type Origin = 'human' | 'auto';

const now = () => new Date().toISOString();

export function logDecision(db: Database, origin: Origin, action: string, payload: Record<string, unknown>, note: string | null = null): number {
  return Number(
    stmt(db, 'INSERT INTO cluster_decisions (at, origin, action, payload, note) VALUES (?, ?, ?, ?, ?)').run(
      now(),
      origin,
      action,
      JSON.stringify(payload),
      note,
    ).lastInsertRowid,
  );
}

/** Points `oldId` (and anything that pointed at it) to `newId`. */
export function redirect(db: Database, oldId: string, newId: string, decisionId: number): void {
  stmt(db, 'UPDATE id_redirects SET new_id = ? WHERE new_id = ?').run(newId, oldId);
  stmt(db, 'INSERT OR REPLACE INTO id_redirects (old_id, new_id, decision_id) VALUES (?, ?, ?)').run(oldId, newId, decisionId);
}

/** The current id for an id that may have been merged away. */
export function resolveId(db: Database, id: string): string {
  const r = stmt(db, 'SELECT new_id FROM id_redirects WHERE old_id = ?').get(id) as { new_id: string } | undefined;
  return r?.new_id ?? id;
}

export function cannotLink(db: Database, a: string, b: string): boolean {
  return stmt(db, "SELECT 1 FROM cluster_constraints WHERE kind = 'cannot-link' AND ((a = ? AND b = ?) OR (a = ? AND b = ?))").get(a, b, b, a) !== undefined;
}

/** Adds `sign` × `from` into `into`, dropping keys that fall to zero or below (their key lists kept in step, see record-facts.ts). */
function sumInto(into: Record<string, number>, from: Record<string, number>, sign: number): void {
  const list = keysOf(into);
  // The keys of `from` as they were before (`into` may be `from` itself).
  const keys = into === from ? list.slice() : keysOf(from);
  let gone = false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const was = into[k];
    const v = (was ?? 0) + sign * (from[k] as number);
    if (v > SPENT_WEIGHT) {
      into[k] = v;
      if (was === undefined) appendKey(into, list, k);
    } else if (was !== undefined) {
      delete into[k];
      gone = true;
    }
  }
  if (gone)
    renoteKeys(
      into,
      list,
      list.filter((k) => k in into),
    );
}

/** Adds (or subtracts) one profile to another, as if their members were added; used for merges. */
export function combineProfiles(into: Profile, from: Profile, sign: 1 | -1 = 1): Profile {
  sumInto(into.terms, from.terms, sign);
  sumInto(into.entities, from.entities, sign);
  sumInto(into.numbers, from.numbers, sign);
  sumInto(into.dates, from.dates, sign);
  sumInto(into.langs, from.langs, sign);
  into.mentions ??= {};
  sumInto(into.mentions, from.mentions ?? {}, sign);
  trimInPlace(into.terms, PROFILE_TERMS);
  trimInPlace(into.entities, PROFILE_ENTITIES);
  trimInPlace(into.numbers, PROFILE_NUMBERS);
  trimInPlace(into.dates, PROFILE_DATES);
  trimInPlace(into.mentions, PROFILE_MENTIONS);
  into.n = Math.max(0, into.n + sign * from.n);
  // Terms and names may have gone and display forms come unchecked: the next addToProfile checks them all.
  forgetSurfacesInUse(into.surfaces);
  if (sign > 0) {
    if (from.tLo !== null) into.tLo = into.tLo === null ? from.tLo : Math.min(into.tLo, from.tLo);
    if (from.tHi !== null) into.tHi = into.tHi === null ? from.tHi : Math.max(into.tHi, from.tHi);
    const list = keysOf(into.surfaces);
    const keys = into.surfaces === from.surfaces ? list.slice() : keysOf(from.surfaces);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      if (!(k in into.surfaces)) {
        into.surfaces[k] = from.surfaces[k] as string;
        appendKey(into.surfaces, list, k);
      }
    }
  }
  return into;
}

/** Char codes of the prefixes of name and number keys (`e:`, `n:`). */
const E = 0x65;
const N = 0x6e;
const COLON = 0x3a;

/**
 * The keys an event is listed under: its strongest terms, names and numbers by weight × IDF. Equal to scoring
 * dfKeys() of the profile (terms, then `e:` names, then `n:` numbers) with each key's weight looked up by its prefix,
 * without building that list and taking the prefixes apart again.
 */
export function indexKeysOf(p: Profile, idf: (k: string) => number, limit: number): string[] {
  const terms = keysOf(p.terms);
  const names = keysOf(p.entities);
  const numbers = keysOf(p.numbers);
  const keys: string[] = new Array(terms.length + names.length + numbers.length);
  const scores = new Float64Array(keys.length);
  let i = 0;
  for (const k of terms) {
    // A term spelled like a prefixed key was weighed by that key's record, as the prefix rule reads it.
    const prefixed = k.charCodeAt(1) === COLON && (k.charCodeAt(0) === E || k.charCodeAt(0) === N);
    const w = prefixed ? (k.charCodeAt(0) === E ? p.entities : p.numbers)[k.slice(2)] : p.terms[k];
    keys[i] = k;
    scores[i++] = (w ?? 0) * idf(k);
  }
  for (const k of names) {
    const key = `e:${k}`;
    keys[i] = key;
    scores[i++] = (p.entities[k] ?? 0) * idf(key);
  }
  for (const k of numbers) {
    const key = `n:${k}`;
    keys[i] = key;
    scores[i++] = (p.numbers[k] ?? 0) * idf(key);
  }
  return strongestFirst(keys, scores, limit);
}

/** The event's date: the median of its members' main dates (full dates preferred over day-month ones). */
export function eventDate(p: Profile): string | null {
  const all = Object.keys(p.dates);
  const full = all.filter((d) => !d.startsWith('--'));
  const pool = (full.length ? full : all).sort();
  // The median of the list holding each date as many times as its count (a count of 2.5 lists it 3 times), found by
  // walking the counts instead of building the list.
  const times = (d: string) => {
    const n = p.dates[d] ?? 0;
    return n > 0 ? Math.ceil(n) : 0;
  };
  let size = 0;
  for (const d of pool) size += times(d);
  if (size === 0) return null;
  const middle = Math.floor((size - 1) / 2);
  let seen = 0;
  for (const d of pool) {
    seen += times(d);
    if (seen > middle) return d;
  }
  return null;
}

export function membersOf(db: Database, eventId: string): string[] {
  return (stmt(db, 'SELECT article_id FROM article_events WHERE event_id = ? ORDER BY article_id').all(eventId) as { article_id: string }[]).map(
    (r) => r.article_id,
  );
}

export function storyOf(db: Database, eventId: string): string | null {
  return (stmt(db, 'SELECT story_id FROM events WHERE id = ?').get(eventId) as { story_id: string } | undefined)?.story_id ?? null;
}

/** Shared context of the edit operations. */
export interface Ctx {
  readonly db: Database;
  readonly state: ClusterState;
  readonly indexKeys: number;
}

/** Recomputes an event's profile from its members' stored features, its index entries and its labels. */
export function rebuildEvent(ctx: Ctx, eventId: string): ProfileRow | null {
  const members = membersOf(ctx.db, eventId);
  const old = ctx.state.profile(eventId);
  if (members.length === 0) {
    ctx.state.deleteProfile(eventId);
    return null;
  }
  const feats: { id: string; title: string; f: Features }[] = [];
  for (const id of members) {
    const x = ctx.state.features(id);
    if (x) feats.push({ id, title: x.title, f: x.features });
  }
  const profile = profileOf(feats.map((x) => x.f));
  const rep = old && members.includes(old.repArticle ?? '') ? old.repArticle : (feats[0]?.id ?? null);
  const row: ProfileRow = {
    id: eventId,
    kind: 'event',
    profile,
    repArticle: rep,
    repScore: old?.repScore ?? 0,
    locked: old?.locked ?? false,
    indexed: old?.indexed ?? [],
  };
  ctx.state.reindex(row, indexKeysOf(profile, ctx.state.idf, ctx.indexKeys), true);
  ctx.state.saveProfile(row);
  const title = feats.find((x) => x.id === rep)?.title;
  stmt(ctx.db, 'UPDATE events SET title = COALESCE(?, title), date = ?, updated_at = ? WHERE id = ?').run(title ?? null, eventDate(profile), now(), eventId);
  return row;
}

/** Recomputes a storyline's profile from its events' profiles, and its title from its largest event. */
export function rebuildStory(ctx: Ctx, storyId: string): void {
  const events = stmt(ctx.db, 'SELECT id, title FROM events WHERE story_id = ? ORDER BY created_at, id').all(storyId) as { id: string; title: string }[];
  if (events.length === 0) {
    ctx.state.deleteProfile(storyId);
    stmt(ctx.db, 'DELETE FROM stories WHERE id = ?').run(storyId);
    return;
  }
  const profile = emptyProfile();
  let best: { id: string; title: string; n: number } | null = null;
  for (const e of events) {
    const row = ctx.state.profile(e.id);
    if (!row) continue;
    combineProfiles(profile, row.profile);
    if (!best || row.profile.n > best.n) best = { id: e.id, title: e.title, n: row.profile.n };
  }
  const old = ctx.state.profile(storyId);
  ctx.state.saveProfile({
    id: storyId,
    kind: 'story',
    profile,
    repArticle: best?.id ?? null,
    repScore: best?.n ?? 0,
    locked: old?.locked ?? false,
    indexed: [],
  });
  stmt(ctx.db, 'UPDATE stories SET title = COALESCE(?, title), updated_at = ? WHERE id = ?').run(best?.title ?? null, now(), storyId);
}

/** After an event in the storyline grew: makes its headline the storyline's title if it is now the largest event. */
export function retitleStory(ctx: Ctx, storyId: string, eventId: string): void {
  const story = ctx.state.profile(storyId);
  const ev = ctx.state.profile(eventId);
  if (!story || !ev) return;
  if (ev.profile.n >= story.repScore || story.repArticle === eventId) {
    story.repArticle = eventId;
    story.repScore = ev.profile.n;
    ctx.state.saveProfile(story);
    const t = stmt(ctx.db, 'SELECT title FROM events WHERE id = ?').get(eventId) as { title: string } | undefined;
    if (t) stmt(ctx.db, 'UPDATE stories SET title = ?, updated_at = ? WHERE id = ?').run(t.title, now(), storyId);
  }
}

/** Moves every article of `from` into `into`, deletes `from`, redirects it; returns the decision id. */
export function mergeEvents(ctx: Ctx, from: string, into: string, origin: Origin, note: string | null): number {
  const fromStory = storyOf(ctx.db, from);
  const intoStory = storyOf(ctx.db, into);
  const decision = logDecision(ctx.db, origin, 'merge-events', { from, into, articles: membersOf(ctx.db, from) }, note);
  stmt(ctx.db, 'UPDATE article_events SET event_id = ? WHERE event_id = ?').run(into, from);
  const a = ctx.state.profile(into);
  const b = ctx.state.profile(from);
  if (a && b) {
    combineProfiles(a.profile, b.profile);
    if (b.repScore > a.repScore && b.repArticle) {
      a.repArticle = b.repArticle;
      a.repScore = b.repScore;
    }
    a.locked = a.locked || b.locked || origin === 'human';
    ctx.state.reindex(a, indexKeysOf(a.profile, ctx.state.idf, ctx.indexKeys), true);
    ctx.state.saveProfile(a);
    const title = a.repArticle ? (ctx.state.features(a.repArticle)?.title ?? null) : null;
    stmt(ctx.db, 'UPDATE events SET title = COALESCE(?, title), date = ?, updated_at = ? WHERE id = ?').run(title, eventDate(a.profile), now(), into);
  } else rebuildEvent(ctx, into);
  ctx.state.deleteProfile(from);
  stmt(ctx.db, "UPDATE cluster_constraints SET b = ? WHERE b = ? AND kind = 'pinned'").run(into, from);
  stmt(ctx.db, "UPDATE OR IGNORE cluster_constraints SET a = ? WHERE a = ? AND kind = 'cannot-link'").run(into, from);
  stmt(ctx.db, "UPDATE OR IGNORE cluster_constraints SET b = ? WHERE b = ? AND kind = 'cannot-link'").run(into, from);
  stmt(ctx.db, 'DELETE FROM events WHERE id = ?').run(from);
  redirect(ctx.db, from, into, decision);
  if (fromStory && intoStory && fromStory !== intoStory) {
    rebuildStory(ctx, fromStory);
    if (!stmt(ctx.db, 'SELECT 1 FROM stories WHERE id = ?').get(fromStory)) redirect(ctx.db, fromStory, intoStory, decision);
    rebuildStory(ctx, intoStory);
  } else if (intoStory && origin === 'human') rebuildStory(ctx, intoStory);
  else if (intoStory) retitleStory(ctx, intoStory, into);
  return decision;
}

/** Moves every event of storyline `from` into `into`, deletes `from`, redirects it. */
export function mergeStories(ctx: Ctx, from: string, into: string, origin: Origin, note: string | null): number {
  const decision = logDecision(ctx.db, origin, 'merge-stories', { from, into }, note);
  stmt(ctx.db, 'UPDATE events SET story_id = ? WHERE story_id = ?').run(into, from);
  ctx.state.deleteProfile(from);
  stmt(ctx.db, 'DELETE FROM stories WHERE id = ?').run(from);
  redirect(ctx.db, from, into, decision);
  rebuildStory(ctx, into);
  return decision;
}

/** Creates an empty event row (and its storyline when new). */
export function createEvent(db: Database, eventId: string, storyId: string, title: string, newStory: boolean): void {
  const t = now();
  if (newStory) stmt(db, 'INSERT INTO stories (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)').run(storyId, title, t, t);
  stmt(db, 'INSERT INTO events (id, story_id, title, date, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?)').run(eventId, storyId, title, t, t);
}

/** A fresh id with the prefix, derived from an article id, unique among events, stories and redirects. */
export function freshId(db: Database, prefix: 'ev' | 'st', articleId: string): string {
  const base = `${prefix}_${articleId.replace(/^a/, '')}`;
  const taken = (id: string) =>
    stmt(db, 'SELECT 1 FROM events WHERE id = ? UNION ALL SELECT 1 FROM stories WHERE id = ? UNION ALL SELECT 1 FROM id_redirects WHERE old_id = ?').get(
      id,
      id,
      id,
    ) !== undefined;
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base}-${i}`)) return `${base}-${i}`;
}

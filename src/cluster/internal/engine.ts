/**
 * The online clusterer: each new article joins its best event (or starts one) and each new event its
 * best storyline (or starts one). Candidates come from the time-windowed inverted index only, so the
 * cost per article does not grow with the store.
 */
import type { Database } from 'better-sqlite3';
import type { StoredArticle } from '../../types.js';
import { ClusterError } from '../errors.js';
import type { Assignment, Clusterer, ClusterSignals, Explanation } from '../types.js';
import { compactFeatures, type Features, featuresOf } from './features.js';
import { dfKeys } from './idf.js';
import { type Ctx, cannotLink, createEvent, eventDate, freshId, indexKeysOf, mergeEvents, mergeStories, storyOf } from './ops.js';
import { type ClusterOptions, DEFAULT_OPTIONS } from './options.js';
import { addToProfile, emptyProfile, type Profile } from './profile.js';
import { datesDiverge, splitByDates } from './refine.js';
import { type Evidence, score } from './similarity.js';
import { ClusterState, type ProfileRow } from './state.js';

/** Index lookups reserved for the article's strongest names and numbers (of `queryKeys`); 8 + 4 let the
 * demo corpus's German, Spanish and French reports find their English events. */
const QUERY_NAMES = 8;
const QUERY_NUMBERS = 4;
/** How many runner-up events an explanation lists. */
const ALTERNATIVES_LISTED = 3;
/** Headlines shorter than this (in characters) are labels like "Live", not titles. */
const MIN_TITLE_LENGTH = 12;

/** A profile seen as one article's features, to score two clusters against each other. */
function asFeatures(p: Profile): Features {
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

function within(t: number | null, p: Profile, days: number): boolean {
  if (t === null || p.tLo === null || p.tHi === null) return true;
  return t >= p.tLo - days && t <= p.tHi + days;
}

interface Scored {
  readonly row: ProfileRow;
  readonly ev: Evidence;
  readonly inWindow: boolean;
}

export function createOnlineClusterer(db: Database, options: Partial<ClusterOptions> = {}): Clusterer {
  const o: ClusterOptions = { ...DEFAULT_OPTIONS, ...options };
  const state = new ClusterState(db);
  const ctx: Ctx = { db, state, indexKeys: o.indexKeys };
  const now = () => new Date().toISOString();
  const link = db.prepare('INSERT OR REPLACE INTO article_events (article_id, event_id, score, explanation) VALUES (?, ?, ?, ?)');
  const setEvent = db.prepare('UPDATE events SET title = ?, date = ?, updated_at = ? WHERE id = ?');
  const setStory = db.prepare('UPDATE stories SET title = ?, updated_at = ? WHERE id = ?');
  const touchStory = db.prepare('UPDATE stories SET updated_at = ? WHERE id = ?');
  const removedText = db.prepare('SELECT text FROM removed_blocks WHERE article_id = ? ORDER BY ord');

  /**
   * The article's strongest keys (weight × IDF) to look up in the index: names and numbers get their
   * own share, so an article in another language (whose words match nothing) still finds candidates.
   */
  function queryKeys(f: Features): { key: string; weight: number }[] {
    const rank = (keys: string[], w: (k: string) => number, n: number) =>
      keys
        .map((key) => ({ key, weight: w(key) }))
        .filter((x) => x.weight > 0)
        .sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1))
        .slice(0, n);
    const names = rank(
      Object.keys(f.entities).map((k) => `e:${k}`),
      (k) => (f.entities[k.slice(2)] ?? 0) * state.idf(k) * o.weights.entities,
      QUERY_NAMES,
    );
    const numbers = rank(
      f.numbers.map((n) => `n:${n}`),
      (k) => state.idf(k) * o.weights.numbers,
      QUERY_NUMBERS,
    );
    const terms = rank(
      Object.keys(f.terms),
      (k) => (f.terms[k] ?? 0) * state.idf(k) * o.weights.text,
      Math.max(0, o.queryKeys - names.length - numbers.length),
    );
    return [...terms, ...names, ...numbers];
  }

  function scoreCandidates(f: Features): Scored[] {
    const window = f.time === null ? null : { lo: f.time - o.storyWindowDays, hi: f.time + o.storyWindowDays };
    const hits = state.candidates(queryKeys(f), window, o.postingsPerKey);
    const top = [...hits.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, o.candidates);
    const out: Scored[] = [];
    for (const [id] of top) {
      const row = state.profile(id);
      if (!row) continue;
      out.push({ row, ev: score(f, row.profile, state.idf, o.weights), inWindow: within(f.time, row.profile, o.eventWindowDays) });
    }
    return out.sort((a, b) => b.ev.parts.total - a.ev.parts.total || (a.row.id < b.row.id ? -1 : 1));
  }

  /** Two events a new article bridges are merged when they also score as one event against each other. */
  function bridgeEvents(best: Scored, others: Scored[]): { from: string; into: string }[] {
    const merged: { from: string; into: string }[] = [];
    for (const other of others) {
      if (!o.autoMerge || !other.inWindow || other.ev.parts.total < o.eventThreshold) continue;
      const a = state.profile(best.row.id);
      const b = state.profile(other.row.id);
      if (!a || !b || a.locked || b.locked || cannotLink(db, a.id, b.id)) continue;
      const m = score(asFeatures(b.profile), a.profile, state.idf, o.weights).parts;
      const mutual = m.total;
      // Two events the article joins equally well, on the same days, need only storyline-level agreement
      // with each other (their profiles may be in different languages); otherwise event-level.
      const needed = m.date > 0 ? o.storyThreshold : o.eventThreshold;
      if (mutual < needed) continue;
      const [into, from] = a.profile.n > b.profile.n || (a.profile.n === b.profile.n && a.id < b.id) ? [a.id, b.id] : [b.id, a.id];
      mergeEvents(
        ctx,
        from,
        into,
        'auto',
        `article bridged both events (scores ${best.ev.parts.total.toFixed(3)} and ${other.ev.parts.total.toFixed(3)}; events score ${mutual.toFixed(3)} against each other)`,
      );
      merged.push({ from, into });
      if (from === best.row.id) return merged;
    }
    return merged;
  }

  /** The storyline a new event joins: the best-scoring storyline among the candidates' storylines. */
  function chooseStory(f: Features, scored: Scored[]): { id: string; total: number; ranked: { id: string; total: number; row: ProfileRow }[] } | null {
    const seen = new Set<string>();
    const ranked: { id: string; total: number; row: ProfileRow }[] = [];
    for (const s of scored) {
      const sid = storyOf(db, s.row.id);
      if (!sid || seen.has(sid)) continue;
      seen.add(sid);
      const row = state.profile(sid);
      if (!row || !within(f.time, row.profile, o.storyWindowDays)) continue;
      ranked.push({ id: sid, total: score(f, row.profile, state.idf, o.weights, false).parts.total, row });
    }
    ranked.sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1));
    const best = ranked[0];
    return best && best.total >= o.storyThreshold ? { id: best.id, total: best.total, ranked } : null;
  }

  function bridgeStories(into: string, ranked: { id: string; total: number; row: ProfileRow }[]): { from: string; into: string }[] {
    const merged: { from: string; into: string }[] = [];
    if (!o.autoMerge) return merged;
    const a = state.profile(into);
    if (!a || a.locked) return merged;
    for (const r of ranked) {
      if (r.id === into || r.total < o.storyThreshold || r.row.locked || cannotLink(db, into, r.id)) continue;
      const mutual = score(asFeatures(r.row.profile), a.profile, state.idf, o.weights, false).parts.total;
      if (mutual < o.storyThreshold) continue;
      mergeStories(ctx, r.id, into, 'auto', `new event bridged both storylines (storylines score ${mutual.toFixed(3)} against each other)`);
      merged.push({ from: r.id, into });
    }
    return merged;
  }

  function assignInner(article: StoredArticle, signals?: ClusterSignals): Assignment {
    state.sync();
    const aside = article.published ? '' : (removedText.all(article.id) as { text: string }[]).map((r) => r.text).join('\n');
    const f = featuresOf(article, signals, aside);
    state.observe(dfKeys(f));
    state.saveFeatures(article.id, article.title, compactFeatures(f, state.idf));
    const scored = scoreCandidates(f);
    const eligible = scored.filter((s) => s.inWindow);
    const best = eligible[0];
    const merged: { from: string; into: string }[] = [];
    let eventRow: ProfileRow;
    let storyId: string;
    let newEvent = false;
    let newStory = false;
    let rule: string;
    let ev: Evidence;
    if (best && best.ev.parts.total >= o.eventThreshold) {
      merged.push(...bridgeEvents(best, eligible.slice(1)));
      const eventId = merged.find((m) => m.from === best.row.id)?.into ?? best.row.id;
      eventRow = state.profile(eventId) as ProfileRow;
      storyId = storyOf(db, eventId) as string;
      ev = best.ev;
      rule = `joined event: score ${ev.parts.total.toFixed(3)} ≥ ${o.eventThreshold}`;
    } else {
      newEvent = true;
      const story = chooseStory(f, scored);
      const eventId = freshId(db, 'ev', article.id);
      if (story) {
        storyId = story.id;
        createEvent(db, eventId, storyId, article.title, false);
        merged.push(...bridgeStories(storyId, story.ranked));
        rule = `new event (best event score ${best ? best.ev.parts.total.toFixed(3) : 'none'} < ${o.eventThreshold}); joined storyline: score ${story.total.toFixed(3)} ≥ ${o.storyThreshold}`;
      } else {
        newStory = true;
        storyId = freshId(db, 'st', article.id);
        createEvent(db, eventId, storyId, article.title, true);
        state.saveProfile({ id: storyId, kind: 'story', profile: emptyProfile(), repArticle: eventId, repScore: 0, locked: false, indexed: [] });
        rule = `new event and new storyline (best event score ${best ? best.ev.parts.total.toFixed(3) : 'none'} < ${o.eventThreshold}; no storyline ≥ ${o.storyThreshold})`;
      }
      eventRow = { id: eventId, kind: 'event', profile: emptyProfile(), repArticle: article.id, repScore: 0, locked: false, indexed: [] };
      ev = { parts: { text: 1, entities: 1, numbers: 1, date: 0, total: 1 }, sharedTerms: [], sharedEntities: [], sharedNumbers: [], gapDays: null };
    }
    // Update the event: profile, index, title (the most central headline), date.
    const before = [eventRow.profile.tLo, eventRow.profile.tHi];
    addToProfile(eventRow.profile, f);
    const timeChanged = before[0] !== eventRow.profile.tLo || before[1] !== eventRow.profile.tHi;
    if (!newEvent && ev.parts.total > eventRow.repScore && article.title.length >= MIN_TITLE_LENGTH) {
      eventRow.repArticle = article.id;
      eventRow.repScore = ev.parts.total;
    }
    state.reindex(eventRow, indexKeysOf(eventRow.profile, state.idf, o.indexKeys), timeChanged);
    state.saveProfile(eventRow);
    const eventTitle = eventRow.repArticle === article.id ? article.title : (state.features(eventRow.repArticle ?? '')?.title ?? article.title);
    setEvent.run(eventTitle, eventDate(eventRow.profile), now(), eventRow.id);
    // Update the storyline: profile and title (the headline of its largest event).
    const storyRow = state.profile(storyId);
    if (!storyRow) throw new ClusterError(`storyline ${storyId} has no profile`);
    addToProfile(storyRow.profile, f);
    if (eventRow.profile.n >= storyRow.repScore || storyRow.repArticle === eventRow.id) {
      storyRow.repArticle = eventRow.id;
      storyRow.repScore = eventRow.profile.n;
      setStory.run(eventTitle, now(), storyId);
    } else touchStory.run(now(), storyId);
    state.saveProfile(storyRow);

    const explanation: Explanation = {
      score: ev.parts.total,
      parts: ev.parts,
      sharedTerms: ev.sharedTerms,
      sharedEntities: ev.sharedEntities,
      sharedNumbers: ev.sharedNumbers,
      dates: { article: f.primary, event: Object.keys(eventRow.profile.dates).sort(), gapDays: ev.gapDays },
      threshold: o.eventThreshold,
      rule,
      alternatives: scored
        .filter((s) => s.row.id !== eventRow.id && !merged.some((m) => m.from === s.row.id))
        .slice(0, ALTERNATIVES_LISTED)
        .map((s) => ({ eventId: s.row.id, score: Number(s.ev.parts.total.toFixed(4)) })),
    };
    link.run(article.id, eventRow.id, ev.parts.total, JSON.stringify(explanation));
    // Evidence diverging: this event's dates now span two happenings, or the article resembles another
    // event on text and names but not on dates: regroup the members by happening date (a split).
    let splitEvents: string[] | null = null;
    if (o.refine && datesDiverge(eventRow.profile, o.weights.farDays)) splitEvents = [eventRow.id];
    else if (o.refine) {
      const conflict = eligible.find(
        (c) =>
          c.row.id !== eventRow.id && c.ev.parts.date < 0 && c.ev.parts.total - c.ev.parts.date >= o.eventThreshold && !merged.some((m) => m.from === c.row.id),
      );
      if (conflict && storyOf(db, conflict.row.id) === storyId) splitEvents = [eventRow.id, conflict.row.id];
    }
    if (splitEvents) {
      const moves = splitByDates(ctx, splitEvents, o, `article ${article.id} showed diverging happening dates in ${splitEvents.join(' + ')}`);
      if (moves.length > 0) {
        const place = db
          .prepare('SELECT ae.event_id, e.story_id, ae.explanation FROM article_events ae JOIN events e ON e.id = ae.event_id WHERE ae.article_id = ?')
          .get(article.id) as { event_id: string; story_id: string; explanation: string };
        return {
          articleId: article.id,
          eventId: place.event_id,
          storyId: place.story_id,
          newEvent,
          newStory,
          explanation: JSON.parse(place.explanation) as Explanation,
          merged,
        };
      }
    }
    return { articleId: article.id, eventId: eventRow.id, storyId, newEvent, newStory, explanation, merged };
  }

  return {
    assign(article, signals) {
      try {
        return assignInner(article, signals);
      } catch (cause) {
        state.clearCaches();
        throw new ClusterError(`clustering article ${article.id} failed`, { cause });
      }
    },
  };
}

/**
 * The online clusterer: each new article joins its best event (or starts one) and each new event its
 * best storyline (or starts one). Candidates come from the time-windowed inverted index only, so the
 * cost per article does not grow with the store.
 */
import type { Database } from 'better-sqlite3';
import type { StoredArticle } from '../../types.js';
import { ClusterError } from '../errors.js';
import type { Assignment, Clusterer, ClusterSignals, Explanation, ScoreParts } from '../types.js';
import { compactFast } from './compact.js';
import { explanationOf } from './explain.js';
import { FastScorer } from './fastscore.js';
import { type Features, featuresOf } from './features.js';
import { keepHeaviest, type WeightedKey } from './heaviest.js';
import { dfKeys } from './idf.js';
import { type Ctx, cannotLink, createEvent, eventDate, freshId, indexKeysOf, mergeEvents, mergeStories, storyOf } from './ops.js';
import { type ClusterOptions, resolveOptions } from './options.js';
import { type Packed, packFresh } from './packed.js';
import { addToProfile, emptyProfile, type Profile } from './profile.js';
import { reconsiderArticle } from './reconsider.js';
import { datesDiverge, splitByDates } from './refine.js';
import { strongestHits } from './select.js';
import { type Evidence, evidenceOf, evidenceWith, score } from './similarity.js';
import { ClusterState, type ProfileRow } from './state.js';
import { asFeatures, isReviewSize, type PlannedReview, planReview, restShell, type StoryScorer } from './storyline.js';

/** Index lookups reserved for the article's strongest names and numbers (of `queryKeys`); 8 + 4 let the
 * demo corpus's German, Spanish and French reports find their English events. */
const QUERY_NAMES = 8;
const QUERY_NUMBERS = 4;
/** How many runner-up events an explanation lists. */
const ALTERNATIVES_LISTED = 3;
/** Headlines shorter than this (in characters) are labels like "Live", not titles. */
const MIN_TITLE_LENGTH = 12;

function within(t: number | null, p: Profile, days: number): boolean {
  if (t === null || p.tLo === null || p.tHi === null) return true;
  return t >= p.tLo - days && t <= p.tHi + days;
}

interface Scored {
  readonly row: ProfileRow;
  /** Score parts from the fast scorer (equal to score()'s); the full evidence is computed for the chosen event only. */
  readonly parts: ScoreParts;
  readonly inWindow: boolean;
  /** The packing the parts were computed on (current until the row is saved). */
  readonly packed: Packed;
}

/** The runner-up events an explanation lists: the best scored ones other than the chosen event and those merged away. */
function alternativesOf(scored: readonly Scored[], chosen: string, merged: readonly { from: string }[]): Explanation['alternatives'] {
  const out: { eventId: string; score: number }[] = [];
  for (const s of scored) {
    if (out.length >= ALTERNATIVES_LISTED) break;
    const id = s.row.id;
    if (id === chosen || merged.some((m) => m.from === id)) continue;
    out.push({ eventId: id, score: Number(s.parts.total.toFixed(4)) });
  }
  return out;
}

export function createOnlineClusterer(db: Database, options: Partial<ClusterOptions> = {}): Clusterer {
  const o: ClusterOptions = resolveOptions(options);
  const state = new ClusterState(db, o.postingsPerKey);
  const fast = new FastScorer(state.cells);
  const ctx: Ctx = { db, state, indexKeys: o.indexKeys };
  const now = () => new Date().toISOString();
  const link = db.prepare('INSERT OR REPLACE INTO article_events (article_id, event_id, score, explanation) VALUES (?, ?, ?, ?)');
  const setEvent = db.prepare('UPDATE events SET title = ?, date = ?, updated_at = ? WHERE id = ?');
  const setStory = db.prepare('UPDATE stories SET title = ?, updated_at = ? WHERE id = ?');
  const touchStory = db.prepare('UPDATE stories SET updated_at = ? WHERE id = ?');
  // The storyline of each listed event (a JSON array of ids), as storyOf gives it one at a time.
  const storyOfAll = db.prepare('SELECT e.id, e.story_id FROM json_each(?) j JOIN events e ON e.id = j.value').raw();
  const removedText = db.prepare('SELECT text FROM removed_blocks WHERE article_id = ? ORDER BY ord');
  /** The text scale of the features' language (background.ts), passed to every score() and fast load alike. */
  const scaleOf = (f: Features) => state.backgrounds.scale(f.language);

  /**
   * The article's strongest keys (weight × IDF) to look up in the index: names and numbers get their
   * own share, so an article in another language (whose words match nothing) still finds candidates.
   * The fast scorer must have `f` loaded: terms and names are weighed with the IDFs it looked up.
   */
  function queryKeys(f: Features): WeightedKey[] {
    const loaded = fast.keyIdfs(f);
    // Each share keeps its heaviest keys as they are offered (heaviest.ts): the same keys, weights and order as
    // weighing every key, sorting by weight then key and cutting, without an object per key or the sort. Names are
    // offered bare (one prefix on every key leaves their order as it is) and prefixed once kept.
    const bareNames: WeightedKey[] = [];
    for (let i = 0; i < loaded.names.length; i++) {
      const k = loaded.names[i] as string;
      const weight = (f.entities[k] ?? 0) * (loaded.nameIdf[i] as number) * o.weights.entities;
      if (weight > 0) keepHeaviest(bareNames, QUERY_NAMES, k, weight);
    }
    const names = bareNames.map((x) => ({ key: `e:${x.key}`, weight: x.weight }));
    const numbers: WeightedKey[] = [];
    for (const n of f.numbers) {
      const key = `n:${n}`;
      const weight = state.idf(key) * o.weights.numbers;
      if (weight > 0) keepHeaviest(numbers, QUERY_NUMBERS, key, weight);
    }
    const terms: WeightedKey[] = [];
    const termsKept = o.queryKeys - names.length - numbers.length;
    if (termsKept > 0) {
      for (let i = 0; i < loaded.terms.length; i++) {
        const key = loaded.terms[i] as string;
        const weight = (f.terms[key] ?? 0) * (loaded.termIdf[i] as number) * o.weights.text;
        if (weight > 0) keepHeaviest(terms, termsKept, key, weight);
      }
    }
    for (const x of names) terms.push(x);
    for (const x of numbers) terms.push(x);
    return terms;
  }

  /** The ids of the article's strongest index hits active within `days` of its time (the most recent when undated). */
  function strongestCandidates(f: Features, keys: readonly WeightedKey[], days: number): string[] {
    // Both lookups keep the storyline window's postings in memory (postings.ts keepFrom).
    const window = f.time === null ? null : { lo: f.time - days, hi: f.time + days, keepFrom: f.time - o.storyWindowDays };
    return strongestHits(state.candidates(keys, window, o.postingsPerKey), o.candidates).map(([id]) => id);
  }

  /**
   * Scores the events the article may join: the strongest hits active within the event window, ranked among
   * themselves, so a long storyline's many older events cannot crowd its current one out of the cut. Returns
   * them with the article's query keys (`queryKeys`). The fast scorer keeps `f` loaded (the caller unloads it).
   */
  function scoreCandidates(f: Features): { scored: Scored[]; keys: WeightedKey[] } {
    // Loaded first: the query keys are weighed with the IDFs the scorer looks up (packing the candidates below may
    // load cells; the scorer's are kept, and none is evicted within an article).
    fast.load(f, state.docs, scaleOf(f));
    const keys = queryKeys(f);
    const rows: ProfileRow[] = [];
    for (const id of strongestCandidates(f, keys, o.eventWindowDays)) {
      const row = state.profile(id);
      if (row) rows.push(row);
    }
    const out: Scored[] = [];
    const packed = rows.map((row) => ({ row, packed: state.packed(row) }));
    for (const { row, packed: pk } of packed) {
      out.push({ row, parts: fast.parts(row.profile, pk, o.weights, true, true), inWindow: within(f.time, row.profile, o.eventWindowDays), packed: pk });
    }
    return { scored: out.sort((a, b) => b.parts.total - a.parts.total || (a.row.id < b.row.id ? -1 : 1)), keys };
  }

  /**
   * Storyline-level scores (no dates) of one set of features against profiles, by the fast scorer (equal to score()).
   * The features are a stored event's profile and the rest is scored for stored rows' profiles (StoryScorer), whose
   * records' keys are listed (record-facts keysOf).
   */
  function storyScorer(f: Features): ReturnType<StoryScorer> {
    fast.load(f, state.docs, scaleOf(f), true);
    return {
      fit: (p, row) => fast.parts(p, row && row.profile === p ? state.packed(row) : packFresh(p, state.cells), o.weights, false).total,
      fitRest: (story, ev) => fast.partsLess(restShell(story, ev), story, ev, o.weights, false, true)?.total ?? null,
      done: () => fast.unload(),
    };
  }

  /** Two events a new article bridges are merged when they also score as one event against each other. */
  function bridgeEvents(best: Scored, others: Scored[]): { from: string; into: string }[] {
    const merged: { from: string; into: string }[] = [];
    for (const other of others) {
      if (!o.autoMerge || !other.inWindow || other.parts.total < o.eventThreshold) continue;
      const a = state.profile(best.row.id);
      const b = state.profile(other.row.id);
      if (!a || !b || a.locked || b.locked || cannotLink(db, a.id, b.id)) continue;
      const bf = asFeatures(b.profile);
      const m = score(bf, a.profile, state.idf, o.weights, true, {}, scaleOf(bf)).parts;
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
        `article bridged both events (scores ${best.parts.total.toFixed(3)} and ${other.parts.total.toFixed(3)}; events score ${mutual.toFixed(3)} against each other)`,
      );
      merged.push({ from, into });
      if (from === best.row.id) return merged;
    }
    return merged;
  }

  /**
   * The chosen event's evidence (shared terms, names, numbers) around the fast scorer's parts, which match score()'s up to
   * the last bit of rounding (test/cluster/fastscore.test.ts): its shared keys listed by the scorer, which has `f` loaded
   * (scoreCandidates) and scored the event's packing; evidenceWith lists them when the scorer cannot.
   */
  function evidenceFor(f: Features, s: Scored): Evidence {
    const shared = fast.shared(s.row.profile, s.packed);
    return shared ? evidenceOf(s.parts, f, s.row.profile, shared, o.weights) : evidenceWith(s.parts, f, s.row.profile, state.idf, o.weights);
  }

  /**
   * The storylines of these events, each once, in the order of the events first listing them (what storyOf per event
   * gives, in one statement: ~15 point reads cost 45 µs, one read of them all ~15).
   */
  function storiesOf(events: Iterable<string>): string[] {
    const ids = [...events];
    const of = new Map<string, string>();
    for (const [id, sid] of storyOfAll.all(JSON.stringify(ids)) as [string, string][]) of.set(id, sid);
    const out = new Set<string>();
    for (const id of ids) {
      // An id the JSON text could not carry as it is (a lone surrogate) is read on its own.
      const sid = of.get(id) ?? storyOf(db, id);
      if (sid) out.add(sid);
    }
    return [...out];
  }

  /**
   * The storyline a new event joins: the best-scoring storyline among the candidates' storylines. The fast scorer
   * has `f` loaded (scoreCandidates) and keeps it.
   */
  function chooseStory(f: Features, events: Iterable<string>): { id: string; total: number; ranked: { id: string; total: number; row: ProfileRow }[] } | null {
    const rows: ProfileRow[] = [];
    for (const sid of storiesOf(events)) {
      const row = state.profile(sid);
      if (row && within(f.time, row.profile, o.storyWindowDays)) rows.push(row);
    }
    const packed = rows.map((row) => ({ row, packed: state.packed(row) }));
    const ranked = packed.map(({ row, packed: pk }) => ({ id: row.id, total: fast.parts(row.profile, pk, o.weights, false).total, row }));
    ranked.sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1));
    const best = ranked[0];
    return best && best.total >= o.storyThreshold ? { id: best.id, total: best.total, ranked } : null;
  }

  /**
   * Other storylines the new event's article also fits are merged with the one it joined when the storylines'
   * own profiles agree (evidence beyond the one article); the larger storyline survives and the other redirects.
   * Returns the merges and the surviving storyline.
   */
  function bridgeStories(
    joined: string,
    ranked: { id: string; total: number; row: ProfileRow }[],
  ): { merged: { from: string; into: string }[]; storyId: string } {
    const merged: { from: string; into: string }[] = [];
    let survivor = joined;
    if (!o.autoMerge) return { merged, storyId: survivor };
    for (const r of ranked) {
      const a = state.profile(survivor);
      if (!a || a.locked) break;
      if (r.id === survivor || r.total < o.storyThreshold || r.row.locked || cannotLink(db, survivor, r.id)) continue;
      const b = state.profile(r.id);
      if (!b) continue;
      const bf = asFeatures(b.profile);
      const mutual = score(bf, a.profile, state.idf, o.weights, false, {}, scaleOf(bf)).parts.total;
      if (mutual < o.storyThreshold) continue;
      const [into, from] = b.profile.n > a.profile.n || (b.profile.n === a.profile.n && b.id < a.id) ? [b.id, a.id] : [a.id, b.id];
      mergeStories(ctx, from, into, 'auto', `new event bridged both storylines (storylines score ${mutual.toFixed(3)} against each other)`);
      merged.push({ from, into });
      survivor = into;
    }
    return { merged, storyId: survivor };
  }

  function assignInner(article: StoredArticle, signals?: ClusterSignals): Assignment {
    state.sync();
    const aside = article.published ? '' : (removedText.all(article.id) as { text: string }[]).map((r) => r.text).join('\n');
    const f = featuresOf(article, signals, aside);
    state.observe(dfKeys(f));
    state.saveFeatures(article.id, article.title, compactFast(f, state.idf));
    // Random same-language pairs for the language's text background (written in this article's transaction).
    state.backgrounds.offer(f.language, f.terms, state.idf, state.docs);
    // The fast scorer keeps `f` loaded from here to the chosen event's evidence or the storyline a new event joins.
    const { scored, keys } = scoreCandidates(f);
    // The candidate events whose storylines a new event may join or a review may merge with: the scored ones and the
    // strongest hits of the storyline window (ids only; their storylines are scored, not the events). Read only for a
    // new event or a join that will review its storyline, and before this article changes the index.
    let storyHits: Set<string> | null = null;
    const storyEvents = (): Set<string> => {
      if (storyHits) return storyHits;
      const hits = new Set<string>();
      for (const c of scored) hits.add(c.row.id);
      for (const id of strongestCandidates(f, keys, o.storyWindowDays)) hits.add(id);
      storyHits = hits;
      return hits;
    };
    const eligible = scored.filter((s) => s.inWindow);
    const best = eligible[0];
    const merged: { from: string; into: string }[] = [];
    let eventRow: ProfileRow;
    let storyId: string;
    let newEvent = false;
    let newStory = false;
    let rule: string;
    let ev: Evidence;
    // The storyline hits are due before the index changes (a join reaching a review size) but not read yet: nothing can
    // change the index before this article's own reindex (no bridge is possible), so they are read there, and only if
    // the review will use them (planReview).
    let storyHitsDue = false;
    // The threshold is tested on the same numbers that ranked the event (evidenceFor).
    const bestEv = best && best.parts.total >= o.eventThreshold ? evidenceFor(f, best) : null;
    // A new event's storyline, scored while the scorer still has the article loaded (nothing before it below changes
    // what it reads: the join path's bridges and reads run only when there is a best event).
    const story = best && bestEv ? null : chooseStory(f, storyEvents());
    fast.unload();
    if (best && bestEv) {
      // The joined event reaches a review size with this article (a bridge below may change that; then the review reads
      // the hits after the merge). Read now only if a bridge may merge events (one more candidate at the event threshold).
      if (o.autoMerge && isReviewSize(best.row.profile.n + 1)) {
        if (eligible.some((c, i) => i > 0 && c.parts.total >= o.eventThreshold)) storyEvents();
        else storyHitsDue = true;
      }
      merged.push(...bridgeEvents(best, eligible.slice(1)));
      const eventId = merged.find((m) => m.from === best.row.id)?.into ?? best.row.id;
      eventRow = state.profile(eventId) as ProfileRow;
      storyId = storyOf(db, eventId) as string;
      ev = bestEv;
      rule = `joined event: score ${ev.parts.total.toFixed(3)} ≥ ${o.eventThreshold}`;
    } else {
      newEvent = true;
      const eventId = freshId(db, 'ev', article.id);
      if (story) {
        storyId = story.id;
        createEvent(db, eventId, storyId, article.title, false);
        const bridged = bridgeStories(storyId, story.ranked);
        merged.push(...bridged.merged);
        storyId = bridged.storyId;
        rule = `new event (best event score ${best ? best.parts.total.toFixed(3) : 'none'} < ${o.eventThreshold}); joined storyline: score ${story.total.toFixed(3)} ≥ ${o.storyThreshold}`;
      } else {
        newStory = true;
        storyId = freshId(db, 'st', article.id);
        createEvent(db, eventId, storyId, article.title, true);
        state.saveProfile({ id: storyId, kind: 'story', profile: emptyProfile(), repArticle: eventId, repScore: 0, locked: false, indexed: [] });
        rule = `new event and new storyline (best event score ${best ? best.parts.total.toFixed(3) : 'none'} < ${o.eventThreshold}; no storyline ≥ ${o.storyThreshold})`;
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
    // The storyline's profile takes the article too (saved below), so a review can be planned on both profiles now.
    const storyRow = state.profile(storyId);
    if (!storyRow) throw new ClusterError(`storyline ${storyId} has no profile`);
    addToProfile(storyRow.profile, f);
    // The event has grown to a review size: its storyline is revisited with the better evidence (storyline.ts), below;
    // planned here, so the storyline hits it may need are read before the index changes.
    let review: PlannedReview | null = null;
    if (!newEvent && o.autoMerge && isReviewSize(eventRow.profile.n)) {
      review = planReview(ctx, o, eventRow.id, storyScorer);
      if (review.needsCandidates && storyHitsDue) storyEvents();
    }
    state.reindex(eventRow, indexKeysOf(eventRow.profile, state.idf, o.indexKeys), timeChanged);
    state.saveProfile(eventRow);
    const eventTitle = eventRow.repArticle === article.id ? article.title : (state.title(eventRow.repArticle ?? '') ?? article.title);
    // One timestamp for the article's updates of its event and storyline.
    const at = now();
    setEvent.run(eventTitle, eventDate(eventRow.profile), at, eventRow.id);
    // Update the storyline: title (the headline of its largest event); its profile took the article above.
    if (eventRow.profile.n >= storyRow.repScore || storyRow.repArticle === eventRow.id) {
      storyRow.repArticle = eventRow.id;
      storyRow.repScore = eventRow.profile.n;
      setStory.run(eventTitle, at, storyId);
    } else touchStory.run(at, storyId);
    state.saveProfile(storyRow);

    const explanation = explanationOf({
      evidence: ev,
      features: f,
      eventDates: eventRow.profile.dates,
      threshold: o.eventThreshold,
      rule,
      alternatives: alternativesOf(scored, eventRow.id, merged),
    });
    link.run(article.id, eventRow.id, ev.parts.total, JSON.stringify(explanation));
    if (review) {
      // The candidates' storylines, read only if the review needs them.
      const stories = () => storiesOf(storyEvents());
      for (const c of review.finish(stories)) if (c.action === 'merge-stories') merged.push({ from: c.from, into: c.into });
      storyId = storyOf(db, eventRow.id) ?? storyId;
    }
    // Evidence diverging: this event's dates now span two happenings, or the article resembles another
    // event on text and names but not on dates: regroup the members by happening date (a split).
    let splitEvents: string[] | null = null;
    if (o.refine && datesDiverge(eventRow.profile, o.weights.farDays)) splitEvents = [eventRow.id];
    else if (o.refine) {
      const conflict = eligible.find(
        (c) => c.row.id !== eventRow.id && c.parts.date < 0 && c.parts.total - c.parts.date >= o.eventThreshold && !merged.some((m) => m.from === c.row.id),
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

  function reconsiderInner(article: StoredArticle, signals?: ClusterSignals) {
    state.sync();
    const aside = article.published ? '' : (removedText.all(article.id) as { text: string }[]).map((r) => r.text).join('\n');
    const f = featuresOf(article, signals, aside);
    const old = state.features(article.id)?.features ?? null;
    state.saveFeatures(article.id, article.title, compactFast(f, state.idf));
    const { scored } = scoreCandidates(f);
    fast.unload();
    const r = reconsiderArticle(ctx, o, article.id, f, old, scored);
    // Profiles changed without a new document: make every process reload them. An article that stayed changed its
    // event and storyline profiles in place through the cache (reconsider.ts refreshInPlace), so this process's cache
    // stays exact; a move rebuilds events outside it.
    if (r.from) state.bumpGeneration(!r.moved);
    return r;
  }

  return {
    invalidate() {
      state.clearCaches();
    },
    reconsider(article, signals) {
      try {
        return reconsiderInner(article, signals);
      } catch (cause) {
        state.clearCaches();
        throw new ClusterError(`reconsidering article ${article.id} failed`, { cause });
      }
    },
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

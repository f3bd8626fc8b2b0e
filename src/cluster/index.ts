import type { Database } from 'better-sqlite3';
import type { StoredArticle } from '../types.js';

/** Why an article joined its event: the score and the evidence behind it. */
export interface Explanation {
  readonly score: number;
  readonly sharedTerms: readonly string[];
  readonly rule: string;
}

export interface Assignment {
  readonly articleId: string;
  readonly eventId: string;
  readonly storyId: string;
  readonly newEvent: boolean;
  readonly newStory: boolean;
  readonly explanation: Explanation;
}

/** The clustering stage: places each new article into an event and each event into a storyline. */
export interface Clusterer {
  assign(article: StoredArticle): Assignment;
}

/** Cosine similarity to an event's centroid above which an article joins the event (first version: set by eye on the demo corpus; the cluster issue sweeps it). */
const EVENT_THRESHOLD = 0.3;
/** Cosine similarity to a storyline's centroid above which a new event joins the storyline. */
const STORY_THRESHOLD = 0.15;
/** Tokens shorter than this carry little topic signal. */
const MIN_TOKEN_LENGTH = 3;

type Vec = Map<string, number>;

function tokens(text: string): string[] {
  return (text.toLowerCase().normalize('NFKC').match(/\p{L}[\p{L}\p{N}'-]*/gu) ?? []).filter((t) => t.length >= MIN_TOKEN_LENGTH);
}

function addInto(target: Vec, v: Vec): void {
  for (const [k, x] of v) target.set(k, (target.get(k) ?? 0) + x);
}

function cosine(a: Vec, b: Vec): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, x] of a) {
    na += x * x;
    const y = b.get(k);
    if (y) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** A simple online TF-IDF centroid clusterer (the foundation's baseline). */
export function createClusterer(db: Database): Clusterer {
  const df = new Map<string, number>();
  let docs = 0;
  const tfs = new Map<string, Map<string, number>>();
  const eventTf = new Map<string, Vec>();
  const storyTf = new Map<string, Vec>();
  const eventStory = new Map<string, string>();

  const tfOf = (a: Pick<StoredArticle, 'title' | 'text'>): Map<string, number> => {
    const tf = new Map<string, number>();
    for (const t of tokens(`${a.title}\n${a.text}`)) tf.set(t, (tf.get(t) ?? 0) + 1);
    return tf;
  };
  const observe = (tf: Map<string, number>): void => {
    docs++;
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  };
  const weigh = (tf: Vec): Vec => {
    const v: Vec = new Map();
    for (const [t, n] of tf) v.set(t, (1 + Math.log(n)) * Math.log((docs + 1) / ((df.get(t) ?? 0) + 1)));
    return v;
  };

  const rows = db
    .prepare('SELECT a.id, a.title, a.text, ae.event_id, e.story_id FROM articles a JOIN article_events ae ON ae.article_id = a.id JOIN events e ON e.id = ae.event_id ORDER BY a.seq')
    .all() as { id: string; title: string; text: string; event_id: string; story_id: string }[];
  for (const r of rows) {
    const tf = tfOf(r);
    observe(tf);
    tfs.set(r.id, tf);
    if (!eventTf.has(r.event_id)) eventTf.set(r.event_id, new Map());
    if (!storyTf.has(r.story_id)) storyTf.set(r.story_id, new Map());
    addInto(eventTf.get(r.event_id) as Vec, tf);
    addInto(storyTf.get(r.story_id) as Vec, tf);
    eventStory.set(r.event_id, r.story_id);
  }

  const now = () => new Date().toISOString();
  const insertStory = db.prepare('INSERT INTO stories (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const insertEvent = db.prepare('INSERT INTO events (id, story_id, title, date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const touchEvent = db.prepare('UPDATE events SET updated_at = ? WHERE id = ?');
  const touchStory = db.prepare('UPDATE stories SET updated_at = ? WHERE id = ?');
  const link = db.prepare('INSERT OR REPLACE INTO article_events (article_id, event_id, score, explanation) VALUES (?, ?, ?, ?)');

  return {
    assign(article) {
      const tf = tfOf(article);
      observe(tf);
      const v = weigh(tf);
      let best: { id: string; score: number } | null = null;
      for (const [id, etf] of eventTf) {
        const s = cosine(v, weigh(etf));
        if (!best || s > best.score) best = { id, score: s };
      }
      let eventId: string;
      let storyId: string;
      let newEvent = false;
      let newStory = false;
      let rule: string;
      let score: number;
      if (best && best.score >= EVENT_THRESHOLD) {
        eventId = best.id;
        storyId = eventStory.get(eventId) as string;
        score = best.score;
        rule = `event centroid cosine ${best.score.toFixed(3)} ≥ ${EVENT_THRESHOLD}`;
        touchEvent.run(now(), eventId);
        touchStory.run(now(), storyId);
      } else {
        newEvent = true;
        eventId = `ev_${article.id.slice(1)}`;
        let bestStory: { id: string; score: number } | null = null;
        for (const [id, stf] of storyTf) {
          const s = cosine(v, weigh(stf));
          if (!bestStory || s > bestStory.score) bestStory = { id, score: s };
        }
        if (bestStory && bestStory.score >= STORY_THRESHOLD) {
          storyId = bestStory.id;
          score = bestStory.score;
          rule = `new event; storyline centroid cosine ${bestStory.score.toFixed(3)} ≥ ${STORY_THRESHOLD}`;
          touchStory.run(now(), storyId);
        } else {
          newStory = true;
          storyId = `st_${article.id.slice(1)}`;
          score = 1;
          rule = 'new event and new storyline: no centroid above threshold';
          insertStory.run(storyId, article.title, now(), now());
        }
        insertEvent.run(eventId, storyId, article.title, article.published, now(), now());
        eventStory.set(eventId, storyId);
        eventTf.set(eventId, new Map());
        if (!storyTf.has(storyId)) storyTf.set(storyId, new Map());
      }
      addInto(eventTf.get(eventId) as Vec, tf);
      addInto(storyTf.get(storyId) as Vec, tf);
      tfs.set(article.id, tf);
      const eventVec = weigh(eventTf.get(eventId) as Vec);
      const sharedTerms = [...v.entries()]
        .filter(([t]) => eventVec.has(t))
        .sort((x, y) => y[1] - x[1])
        .slice(0, 8)
        .map(([t]) => t);
      const explanation: Explanation = { score, sharedTerms, rule };
      link.run(article.id, eventId, score, JSON.stringify(explanation));
      return { articleId: article.id, eventId, storyId, newEvent, newStory, explanation };
    },
  };
}

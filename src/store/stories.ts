import type { Database } from 'better-sqlite3';

export interface EventSummary {
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly articles: string[];
}

export interface StorySummary {
  readonly id: string;
  readonly title: string;
  readonly updated: string;
  readonly articles: string[];
  readonly events: EventSummary[];
}

/** Storylines with their events and article ids, most recently updated first. */
export function listStories(db: Database): StorySummary[] {
  const stories = db.prepare('SELECT id, title, updated_at FROM stories ORDER BY updated_at DESC, id').all() as {
    id: string;
    title: string;
    updated_at: string;
  }[];
  const events = db.prepare('SELECT id, story_id, title, date FROM events ORDER BY date, id').all() as {
    id: string;
    story_id: string;
    title: string;
    date: string | null;
  }[];
  const links = db
    .prepare('SELECT ae.article_id, ae.event_id FROM article_events ae JOIN articles a ON a.id = ae.article_id ORDER BY a.published, a.seq')
    .all() as { article_id: string; event_id: string }[];
  const byEvent = new Map<string, string[]>();
  for (const l of links) {
    const list = byEvent.get(l.event_id) ?? [];
    list.push(l.article_id);
    byEvent.set(l.event_id, list);
  }
  return stories.map((s) => {
    const evs = events.filter((e) => e.story_id === s.id).map((e) => ({ id: e.id, title: e.title, date: e.date, articles: byEvent.get(e.id) ?? [] }));
    return { id: s.id, title: s.title, updated: s.updated_at, articles: evs.flatMap((e) => e.articles), events: evs };
  });
}

export function getStory(db: Database, id: string): StorySummary | null {
  return listStories(db).find((s) => s.id === id) ?? null;
}

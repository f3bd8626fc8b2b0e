/** Dates for undated articles: inferred from their own text, else borrowed from their event or their closest dated neighbour. */
import type { CompareArticle } from '../types.js';
import { inferPublished } from './lite/index.js';
import { containment } from './text.js';

/** An undated article borrows the date of its most similar dated article only above this content containment (the seeds' same-meeting reports share 0.35–0.6 of their content words; unrelated demo stories < 0.2). */
export const BORROW_MIN_CONTAINMENT = 0.3;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Fills `published` where missing, in three passes; returns the notes of what was done. */
export function completeDates(
  articles: Mutable<CompareArticle>[],
  eventDates: ReadonlyMap<string, string | null>,
  /** Extra page text per article (blocks the cleaner removed, e.g. related-link timestamps), used only for fully stated dates. */
  pageText: ReadonlyMap<string, readonly string[]> = new Map(),
): string[] {
  const notes: string[] = [];
  // 1. dates the article or its page states with their year ("21.01.26, 13:30")
  for (const a of articles)
    if (!a.published) {
      const d = inferPublished([...a.paragraphs, ...(pageText.get(a.id) ?? [])], null);
      if (d) Object.assign(a, { published: d, publishedSource: 'inferred' as const });
    }
  // 2. year-less dates read against the storyline's latest known date ("On the 2nd of December")
  const anchor =
    articles
      .map((a) => a.published)
      .filter((p): p is string => p !== null)
      .sort()
      .pop() ?? null;
  if (anchor)
    for (const a of articles)
      if (!a.published) {
        const d = inferPublished(a.paragraphs, anchor);
        if (d && d <= anchor.slice(0, 10)) Object.assign(a, { published: d, publishedSource: 'inferred' as const });
      }
  // 3. the article's event date, else the closest dated article by shared content
  const dated = articles.filter((a) => a.published);
  for (const a of articles) {
    if (a.published) continue;
    const ev = a.eventId ? eventDates.get(a.eventId) : null;
    if (ev) {
      Object.assign(a, { published: ev, publishedSource: 'event' as const });
      continue;
    }
    const text = a.paragraphs.join(' ');
    let best: { date: string; score: number } | null = null;
    for (const d of dated) {
      const score = containment(text, d.paragraphs.join(' '));
      if (score >= BORROW_MIN_CONTAINMENT && (!best || score > best.score)) best = { date: d.published as string, score };
    }
    if (best) {
      Object.assign(a, { published: best.date.slice(0, 10), publishedSource: 'event' as const });
      notes.push(`${a.id}: no date; borrowed ${best.date.slice(0, 10)} from its closest dated article (containment ${best.score.toFixed(2)})`);
    }
  }
  const inferred = articles.filter((a) => a.publishedSource === 'inferred').length;
  if (inferred) notes.push(`${inferred} article date(s) inferred from dates stated in the text`);
  return notes;
}

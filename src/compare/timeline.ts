/**
 * Timeline: the storyline's events with their dates, in order, each with its independent source count;
 * earlier happenings mentioned only as background (a date in the past of every report) as background entries.
 */
import { buildCorpus } from './internal/corpus.js';
import { compareDates } from './internal/text.js';
import type { Citation, CompareInput, Timeline, TimelineEntry } from './types.js';

/** A background date must lie at least this many days before the earliest report of the input (closer dates are the events themselves). */
export const BACKGROUND_MIN_DAYS = 3;
/** Background mentions kept at most (one per distinct date, most sourced first). */
export const MAX_BACKGROUND = 12;

function daysBetween(a: string, b: string): number {
  return (Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000;
}

export function buildTimeline(input: CompareInput): Timeline {
  const corpus = buildCorpus(input);
  const entries: TimelineEntry[] = [];
  const groupsOf = (ids: readonly string[]) => new Set(ids.map((id) => corpus.groupOf.get(id))).size;
  const events = input.events.length ? input.events : [{ id: input.id, title: input.title, date: null, articleIds: input.articles.map((a) => a.id) }];
  for (const e of events) {
    const ids = e.articleIds.filter((id) => corpus.articles.has(id));
    if (!ids.length) continue;
    const dates = ids
      .map((id) => corpus.articles.get(id)?.published ?? null)
      .filter((d): d is string => d !== null)
      .sort();
    const date = e.date ?? dates[0]?.slice(0, 10) ?? null;
    const firstId = [...ids].sort((x, y) => compareDates(corpus.articles.get(x)?.published ?? null, corpus.articles.get(y)?.published ?? null))[0] as string;
    const lead = corpus.articles.get(firstId)?.paragraphs.findIndex((p) => p.trim().length > 0) ?? -1;
    const citation: Citation | null = lead >= 0 ? corpus.cite(firstId, lead, 0) : null;
    entries.push({
      date,
      precision: date ? 'day' : 'unknown',
      dateBasis: e.date ? 'event' : date ? 'earliest report' : 'none',
      kind: 'event',
      title: e.title,
      eventId: e.id,
      independentSources: groupsOf(ids),
      articles: ids,
      citation,
    });
  }
  // background: dates the reports mention that lie well before the earliest report
  const earliest =
    input.articles
      .map((a) => a.published)
      .filter((d): d is string => d !== null)
      .sort()[0] ?? null;
  if (earliest) {
    const byDate = new Map<string, { precision: string; articles: Set<string>; citation: Citation }>();
    for (const a of input.articles) {
      for (const d of input.annotations[a.id]?.dates ?? []) {
        if (!d.start || d.precision === 'unknown' || d.tense === 'future') continue;
        if (daysBetween(d.start, earliest) < BACKGROUND_MIN_DAYS) continue;
        const key = `${d.start}|${d.precision}`;
        const slot = byDate.get(key) ?? { precision: d.precision, articles: new Set<string>(), citation: corpus.cite(a.id, d.paragraph, d.offset) };
        slot.articles.add(a.id);
        byDate.set(key, slot);
      }
    }
    const background = [...byDate]
      .map(([key, v]) => ({ date: key.split('|')[0] as string, ...v }))
      .sort((x, y) => groupsOf([...y.articles]) - groupsOf([...x.articles]) || compareDates(x.date, y.date))
      .slice(0, MAX_BACKGROUND);
    for (const b of background)
      entries.push({
        date: b.date,
        precision: b.precision,
        dateBasis: 'mentioned in the reports',
        kind: 'background',
        title: b.citation.text,
        eventId: null,
        independentSources: groupsOf([...b.articles]),
        articles: [...b.articles],
        citation: b.citation,
      });
  }
  entries.sort((a, b) => compareDates(a.date, b.date) || (a.kind === b.kind ? 0 : a.kind === 'background' ? -1 : 1));
  return { id: input.id, entries };
}

/**
 * Fallback annotator used by the compare adapter when the extract stage's output is not available:
 * capitalised-name mentions with descriptors, direct quotes, quantities and dates. English-oriented and
 * deliberately simple; the adapter records in `CompareInput.notes` whenever it runs.
 */
import type { ArticleAnnotations, CmpMention, CmpQuote } from '../../types.js';
import { findDates, statesYear } from './dates.js';
import { findRuns, type RawRun, resolveMentions, verbsOf } from './entities.js';
import { findNumbers } from './numbers.js';
import { findQuotes } from './quotes.js';

export interface LiteArticle {
  readonly id: string;
  readonly paragraphs: readonly string[];
  readonly published: string | null;
}

export const LITE_SOURCE = 'compare-fallback';

/**
 * Infers a date for an article without one: the latest fully stated day in its text ("21.01.26, 13:30"),
 * or, failing that, the latest day-and-month date read against `anchor` (the storyline's latest known date).
 */
export function inferPublished(paragraphs: readonly string[], anchor: string | null): string | null {
  const full: string[] = [];
  const yearless: string[] = [];
  const months: string[] = [];
  for (const p of paragraphs)
    for (const d of statesYear(p, anchor)) {
      if (d.monthOnly) {
        if (anchor) months.push(d.day);
      } else if (d.certainYear) full.push(d.day);
      else if (anchor) yearless.push(d.day);
    }
  // fully stated days first; then day-and-month dates read against the anchor; then the end of the latest named month (a lower bound)
  return (
    full.sort().pop() ??
    yearless.sort().pop() ??
    months
      .filter((m) => !anchor || m <= anchor.slice(0, 10))
      .sort()
      .pop() ??
    null
  );
}

/** Annotates every article of one storyline (names are resolved storyline-wide). */
export function annotateLite(articles: readonly LiteArticle[]): Map<string, ArticleAnnotations> {
  const runs = new Map<string, RawRun[]>();
  for (const a of articles)
    runs.set(
      a.id,
      a.paragraphs.flatMap((p, i) => findRuns(p, i)),
    );
  const mentions = resolveMentions(runs, verbsOf(articles.flatMap((a) => a.paragraphs)));
  const out = new Map<string, ArticleAnnotations>();
  for (const a of articles) {
    const ms: CmpMention[] = mentions.get(a.id) ?? [];
    const dates = a.paragraphs.flatMap((p, i) => findDates(p, i, a.published));
    const quotes: CmpQuote[] = [];
    const last = { name: null as string | null, key: null as string | null };
    const numbers = a.paragraphs.flatMap((p, i) => {
      const skip = dates.filter((d) => d.paragraph === i).map((d) => [d.offset, d.offset + d.text.length] as [number, number]);
      return findNumbers(p, i, skip);
    });
    a.paragraphs.forEach((p, i) => {
      quotes.push(...findQuotes(p, i, ms, last));
      const persons = ms.filter((m) => m.paragraph === i && m.type === 'PERSON');
      const lastPerson = persons[persons.length - 1];
      if (lastPerson) {
        last.name = lastPerson.text;
        last.key = lastPerson.key;
      }
    });
    out.set(a.id, { mentions: ms, dates, quotes, numbers, source: LITE_SOURCE });
  }
  return out;
}

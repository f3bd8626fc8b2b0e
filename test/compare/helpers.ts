/** Builds compare inputs from small invented articles (annotated with the compare fallback annotator). */
import { annotateLite } from '../../src/compare/internal/lite/index.js';
import type { CompareArticle, CompareEvent, CompareInput } from '../../src/compare/types.js';

export interface MiniArticle {
  id: string;
  outlet?: string;
  published?: string | null;
  paragraphs: string[];
  eventId?: string | null;
}

export function makeInput(articles: MiniArticle[], options: { groups?: string[][]; events?: CompareEvent[]; id?: string } = {}): CompareInput {
  const full: CompareArticle[] = articles.map((a) => ({
    id: a.id,
    outlet: a.outlet ?? a.id,
    outletSource: a.outlet ? 'metadata' : 'article-id',
    published: a.published ?? null,
    publishedSource: a.published ? 'metadata' : 'none',
    title: a.paragraphs[0] ?? '',
    paragraphs: a.paragraphs,
    eventId: a.eventId ?? null,
  }));
  const ann = annotateLite(full);
  return {
    id: options.id ?? 'test',
    title: 'test',
    articles: full,
    groups: options.groups ?? full.map((a) => [a.id]),
    annotations: Object.fromEntries(ann),
    events: options.events ?? [],
    notes: [],
  };
}

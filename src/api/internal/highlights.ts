/**
 * Entity, quote and number highlights for one article, as character ranges inside its paragraphs.
 * Annotations come from the extract stage's `annotate` (spans into the article text); this maps them
 * onto paragraphs so the UI can mark them without ever handling markup.
 */
import type { StoredArticle } from '../../types.js';
import { lazyStage } from './lazy-stage.js';

/** The extract stage, loaded on first use so a failure to load it only affects highlights (503). */
const loadExtract = lazyStage('extract', () => import('../../extract/index.js'));

export type HighlightKind = 'entity' | 'quote' | 'number';

export interface Highlight {
  readonly kind: HighlightKind;
  readonly paragraph: number;
  /** Character offsets inside the paragraph. */
  readonly start: number;
  readonly end: number;
  /** What it is, for a tooltip: "PERSON: Lars Dahl", "quote by Lars Dahl", "number: 12000000 crowns". */
  readonly label: string;
}

/** Where each paragraph starts in the article text (paragraphs are stored in text order). */
function paragraphStarts(text: string, paragraphs: readonly string[]): number[] {
  const starts: number[] = [];
  let from = 0;
  for (const p of paragraphs) {
    const at = text.indexOf(p, from);
    starts.push(at);
    if (at >= 0) from = at + p.length;
  }
  return starts;
}

/** Maps a text span to (paragraph, start, end) when it lies inside one paragraph. */
function locate(
  starts: readonly number[],
  paragraphs: readonly string[],
  start: number,
  end: number,
): { paragraph: number; start: number; end: number } | null {
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i] ?? -1;
    const len = paragraphs[i]?.length ?? 0;
    if (s >= 0 && start >= s && end <= s + len) return { paragraph: i, start: start - s, end: end - s };
  }
  return null;
}

export async function articleHighlights(article: StoredArticle): Promise<{ highlights: Highlight[]; notes: string[] }> {
  const { annotate } = await loadExtract();
  const ann = annotate({ id: article.id, title: article.title, text: article.text, published: article.published, language: article.language });
  const starts = paragraphStarts(article.text, article.paragraphs);
  const out: Highlight[] = [];
  const add = (kind: HighlightKind, start: number, end: number, label: string) => {
    const at = locate(starts, article.paragraphs, start, end);
    if (at && at.end > at.start) out.push({ kind, ...at, label });
  };
  for (const e of ann.entities)
    for (const m of e.mentions) add('entity', m.span.start, m.span.end, `${e.type}: ${e.name}${m.descriptor ? ` (${m.descriptor})` : ''}`);
  for (const q of ann.quotes) add('quote', q.span.start, q.span.end, `${q.type} quote${q.speaker.name ? ` by ${q.speaker.name}` : ''}`);
  for (const n of ann.numbers) add('number', n.span.start, n.span.end, `number: ${n.value}${n.unit ? ` ${n.unit}` : ''}${n.noun ? ` (${n.noun})` : ''}`);
  out.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start || b.end - a.end);
  return { highlights: out, notes: ann.fallbacks };
}

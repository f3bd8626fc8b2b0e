/**
 * Maps the extract stage's annotations onto compare's own annotation types. When the extract stage
 * throws, the caller falls back to the compare stage's own lite annotator and records why.
 */
import { type Annotations, annotateBatch } from '../../extract/index.js';
import type { ArticleAnnotations, CmpDate, CmpMention, CmpNumber, CmpQuote } from '../types.js';

/** The extract stage's batch annotator: shared entity keys across the batch and a corpus reference date for undated articles. */
type Batch = typeof annotateBatch;

/** Joiner between paragraphs in the text handed to the extractor; offsets are mapped back through it. */
const PARAGRAPH_JOINER = '\n\n';

/** Paragraph index and in-paragraph offset of a character offset into the joined text. */
function locator(paragraphs: readonly string[]): (offset: number) => { paragraph: number; offset: number } {
  const starts: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    starts.push(at);
    at += p.length + PARAGRAPH_JOINER.length;
  }
  return (offset) => {
    let i = starts.length - 1;
    while (i > 0 && (starts[i] ?? 0) > offset) i--;
    return { paragraph: Math.max(0, i), offset: offset - (starts[Math.max(0, i)] ?? 0) };
  };
}

const TYPES = new Set(['PERSON', 'ORG', 'PLACE', 'MISC']);

/** Confidence at or above which the extractor's inferred publication date is used for an undated article. */
export const INFERRED_DATE_CONFIDENCE = 0.6;

export interface BridgeArticle {
  readonly id: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly published: string | null;
}

/** Annotates a batch with the extract stage; returns compare annotations and confident inferred dates. */
export function annotateWithExtract(
  articles: readonly BridgeArticle[],
  batch: Batch = annotateBatch,
): { annotations: Map<string, ArticleAnnotations>; inferred: Map<string, string> } {
  const { annotations } = batch(
    articles.map((a) => ({ id: a.id, title: a.title, text: a.paragraphs.join(PARAGRAPH_JOINER), published: a.published, language: null })),
  );
  const out = new Map<string, ArticleAnnotations>();
  const inferred = new Map<string, string>();
  articles.forEach((a, i) => {
    const ann = annotations[i];
    if (!ann) return;
    out.set(a.id, fromExtract(ann, a.paragraphs));
    const p = ann.inferredPublished;
    if (!a.published && p && p.confidence >= INFERRED_DATE_CONFIDENCE) inferred.set(a.id, p.value.slice(0, 10));
  });
  return { annotations: out, inferred };
}

/** Maps one article's extract annotations onto compare's types (offsets become paragraph + in-paragraph offset). */
export function fromExtract(ann: Annotations, paragraphs: readonly string[]): ArticleAnnotations {
  const at = locator(paragraphs);
  const mentions: CmpMention[] = ann.entities.flatMap((e) =>
    e.mentions.map((m) => {
      const loc = at(m.span.start);
      const type = (TYPES.has(m.type) ? m.type : 'MISC') as CmpMention['type'];
      return { key: e.key, type, text: m.text, descriptor: m.descriptor, paragraph: loc.paragraph, start: loc.offset };
    }),
  );
  const dates: CmpDate[] = ann.dates.map((d) => {
    const loc = at(d.span.start);
    const tense = (['past', 'present', 'future'].includes(d.tense) ? d.tense : 'unknown') as CmpDate['tense'];
    return { text: d.text, start: d.start, end: d.end, precision: d.precision, tense, paragraph: loc.paragraph, offset: loc.offset };
  });
  const quotes: CmpQuote[] = ann.quotes.map((q) => {
    const loc = at(q.span.start);
    return { text: q.text, type: q.type, speaker: q.speaker.name, speakerKey: q.speaker.entityKey, cue: q.cue, paragraph: loc.paragraph, offset: loc.offset };
  });
  const numbers: CmpNumber[] = ann.numbers.map((n) => {
    const loc = at(n.span.start);
    return { raw: n.raw, value: n.value, unit: n.unit, noun: n.noun, paragraph: loc.paragraph, offset: loc.offset };
  });
  return { mentions, dates, quotes, numbers, source: 'extract' };
}

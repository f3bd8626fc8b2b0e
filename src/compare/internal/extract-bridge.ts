/**
 * Maps the extract stage's `annotate()` output onto compare's own annotation types. The extract stage is
 * loaded at run time (its module may not exist yet in a given build); when it is missing or fails, the
 * caller falls back to the compare stage's own lite annotator and records why.
 */
import type { ArticleAnnotations, CmpDate, CmpMention, CmpNumber, CmpQuote } from '../types.js';

/** The parts of the extract stage's `Annotations` compare reads (see src/extract/types.ts). */
interface Span {
  start: number;
  end: number;
}
interface ExtractAnnotations {
  entities: { key: string; type: string; mentions: { text: string; span: Span; type: string; descriptor: string | null }[] }[];
  dates: { text: string; span: Span; start: string | null; end: string | null; precision: string; tense: string }[];
  quotes: { text: string; span: Span; type: 'direct' | 'indirect'; speaker: { entityKey: string | null; name: string | null }; cue: string | null }[];
  numbers: { raw: string; span: Span; value: number; unit: string | null; noun: string | null }[];
}
type Annotate = (doc: { id?: string; title: string; text: string; published: string | null; language: string | null }) => ExtractAnnotations;

/** Joiner between paragraphs in the text handed to `annotate`; offsets are mapped back through it. */
const PARAGRAPH_JOINER = '\n\n';
const EXTRACT_MODULE = '../../extract/index.js';

let cached: { annotate: Annotate | null; reason: string } | null = null;

/** Loads the extract stage once. */
export async function loadExtract(): Promise<{ annotate: Annotate | null; reason: string }> {
  if (cached) return cached;
  try {
    const mod = (await import(new URL(EXTRACT_MODULE, import.meta.url).href)) as { annotate?: unknown };
    cached =
      typeof mod.annotate === 'function'
        ? { annotate: mod.annotate as Annotate, reason: 'extract stage annotate()' }
        : { annotate: null, reason: 'extract stage has no annotate() export' };
  } catch (err) {
    cached = { annotate: null, reason: `extract stage not loadable (${(err as Error).message.split('\n')[0]})` };
  }
  return cached;
}

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

export function fromExtract(
  annotate: Annotate,
  article: { id: string; title: string; paragraphs: readonly string[]; published: string | null },
): ArticleAnnotations {
  const ann = annotate({ id: article.id, title: article.title, text: article.paragraphs.join(PARAGRAPH_JOINER), published: article.published, language: null });
  const at = locator(article.paragraphs);
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

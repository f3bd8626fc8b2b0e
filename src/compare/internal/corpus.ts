/** Per-input lookups the core shares: sentences by paragraph, independence group of each article, article dates. */
import type { Citation, CompareArticle, CompareInput } from '../types.js';
import { type SentenceSpan, splitSentences } from './text.js';

export interface Corpus {
  readonly input: CompareInput;
  readonly articles: ReadonlyMap<string, CompareArticle>;
  /** Article id → index of its independence group. */
  readonly groupOf: ReadonlyMap<string, number>;
  /** Article id → its position in the input (stable tie-break). */
  readonly order: ReadonlyMap<string, number>;
  sentences(articleId: string, paragraph: number): readonly SentenceSpan[];
  /** The sentence containing `offset` in the paragraph (the whole paragraph if none). */
  sentenceAt(articleId: string, paragraph: number, offset: number): SentenceSpan;
  /** Index of that sentence counted over the whole article (for distances). */
  sentenceIndex(articleId: string, paragraph: number, offset: number): number;
  cite(articleId: string, paragraph: number, offset: number): Citation;
}

/** One corpus per input object: ledger, timeline and brief over the same input share sentence splits. */
const cache = new WeakMap<CompareInput, Corpus>();

export function buildCorpus(input: CompareInput): Corpus {
  let c = cache.get(input);
  if (!c) {
    c = createCorpus(input);
    cache.set(input, c);
  }
  return c;
}

function createCorpus(input: CompareInput): Corpus {
  const articles = new Map(input.articles.map((a) => [a.id, a]));
  const order = new Map(input.articles.map((a, i) => [a.id, i]));
  const groupOf = new Map<string, number>();
  input.groups.forEach((g, i) => {
    for (const id of g) if (articles.has(id) && !groupOf.has(id)) groupOf.set(id, i);
  });
  let next = input.groups.length;
  for (const a of input.articles) if (!groupOf.has(a.id)) groupOf.set(a.id, next++);
  const split = new Map<string, SentenceSpan[][]>();
  const firstIndex = new Map<string, number[]>();
  const all = (id: string): SentenceSpan[][] => {
    let s = split.get(id);
    if (!s) {
      s = (articles.get(id)?.paragraphs ?? []).map(splitSentences);
      split.set(id, s);
      let n = 0;
      firstIndex.set(
        id,
        s.map((p) => {
          const at = n;
          n += p.length;
          return at;
        }),
      );
    }
    return s;
  };
  const sentences = (id: string, paragraph: number) => all(id)[paragraph] ?? [];
  const position = (id: string, paragraph: number, offset: number) => {
    const list = sentences(id, paragraph);
    let i = list.findIndex((s) => offset >= s.start && offset < s.end);
    if (i < 0) i = list.findLastIndex((s) => s.start <= offset);
    return Math.max(0, i);
  };
  const sentenceAt = (id: string, paragraph: number, offset: number): SentenceSpan => {
    const list = sentences(id, paragraph);
    const text = articles.get(id)?.paragraphs[paragraph] ?? '';
    return list[position(id, paragraph, offset)] ?? { text, start: 0, end: text.length };
  };
  return {
    input,
    articles,
    groupOf,
    order,
    sentences,
    sentenceAt,
    sentenceIndex(id, paragraph, offset) {
      all(id);
      return (firstIndex.get(id)?.[paragraph] ?? 0) + position(id, paragraph, offset);
    },
    cite(id, paragraph, offset) {
      return { articleId: id, paragraph, text: sentenceAt(id, paragraph, offset).text };
    },
  };
}

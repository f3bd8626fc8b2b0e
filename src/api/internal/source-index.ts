import type { CompareInput } from '../../compare/index.js';

/** Title, outlet and date of each article a section cites, so citations can be labelled. */
export type SourceIndex = Record<string, { readonly title: string; readonly outlet: string; readonly published: string | null }>;

export function sourceIndex(input: CompareInput): SourceIndex {
  const out: SourceIndex = {};
  for (const a of input.articles) out[a.id] = { title: a.title, outlet: a.outlet, published: a.published };
  return out;
}

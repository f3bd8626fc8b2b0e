/**
 * Scores labelled article pairs the way the clusterer scores an article against a one-article cluster: features of
 * every distinct text, document frequencies and per-language text backgrounds measured over those texts (as a store
 * would observe them, no labels), then `score()`. Shared by the pair-similarity benchmark and its CI gate.
 */
import { type Backgrounds, sampleBackgrounds } from './background.js';
import { type Features, featuresOf } from './features.js';
import { dfKeys, idfValue } from './idf.js';
import { singleton } from './profile.js';
import { DEFAULT_WEIGHTS, score } from './similarity.js';
import { type SimilarityRow, splitTitle } from './streams.js';

export interface PairScorer {
  /** Features of every distinct text, by text id. */
  readonly features: ReadonlyMap<string, Features>;
  readonly backgrounds: Backgrounds;
  /** The similarity total of a row's pair; `useDates` false gives the storyline-level score. */
  total(row: SimilarityRow, useDates?: boolean): number;
}

export function pairScorer(rows: readonly SimilarityRow[]): PairScorer {
  const features = new Map<string, Features>();
  for (const r of rows) {
    for (const [id, text, language] of [
      [r.a, r.textA, r.langA],
      [r.b, r.textB, r.langB],
    ] as const) {
      if (features.has(id)) continue;
      const { title, body } = splitTitle(text);
      features.set(id, featuresOf({ title, text: body, published: null, language }));
    }
  }
  const df = new Map<string, number>();
  for (const f of features.values()) for (const k of dfKeys(f)) df.set(k, (df.get(k) ?? 0) + 1);
  const idf = (k: string) => idfValue(df.get(k) ?? 0, features.size);
  const backgrounds = sampleBackgrounds([...features.values()], (a, b) => score(a, singleton(b), idf).parts.text);
  const of = (id: string): Features => {
    const f = features.get(id);
    if (!f) throw new Error(`no features for text ${id}`);
    return f;
  };
  return {
    features,
    backgrounds,
    total(row, useDates = true) {
      const a = of(row.a);
      return score(a, singleton(of(row.b)), idf, DEFAULT_WEIGHTS, useDates, {}, backgrounds.scale(a.language)).parts.total;
    },
  };
}

import type { Brief } from '../../compare/index.js';
import { comparisonFor } from '../internal/comparisons.js';
import { type SourceIndex, sourceIndex } from '../internal/source-index.js';
import type { StorylineSection } from './types.js';

/** The storyline brief: cited sentences in sections (what happened, key numbers, who said what, differences, timeline, coverage). */
export const briefSection: StorylineSection<Brief & { sources: SourceIndex }> = {
  name: 'brief',
  summary: 'The brief: extracted sentences in sections, each with citations (article, paragraph, sentence); `sources` labels the cited articles',
  load: async (db, storyId) => {
    const c = await comparisonFor(db, storyId);
    return { ...c.brief, sources: sourceIndex(c.input) };
  },
};

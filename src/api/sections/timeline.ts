import type { Timeline } from '../../compare/index.js';
import { comparisonFor } from '../internal/comparisons.js';
import { type SourceIndex, sourceIndex } from '../internal/source-index.js';
import type { StorylineSection } from './types.js';

/** Dated entries (events and background) with independent-source counts and a citation each. */
export const timelineSection: StorylineSection<Timeline & { sources: SourceIndex }> = {
  name: 'timeline',
  summary: 'The timeline: events and background facts in date order, with independent sources and a citation',
  load: async (db, storyId) => {
    const c = await comparisonFor(db, storyId);
    return { ...c.timeline, sources: sourceIndex(c.input) };
  },
};

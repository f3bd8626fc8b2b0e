import { coverageOfStory } from '../internal/stories.js';
import type { StorylineSection } from './types.js';

/** Articles per day and distinct outlets per day: the "coverage over time" chart. */
export const coverageSection: StorylineSection = {
  name: 'coverage',
  summary: 'Articles and distinct outlets per publication day, plus the count of undated articles',
  load: coverageOfStory,
};

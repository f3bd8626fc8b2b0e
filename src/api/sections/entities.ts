import type { FramingEntity } from '../../compare/index.js';
import { comparisonFor } from '../internal/comparisons.js';
import type { StorylineSection } from './types.js';

/** Most entities listed; the framing is sorted by mentions, so these are the main actors and places. */
const MAX_ENTITIES = 40;

/** Entities with every spelling (aliases) and the descriptors each outlet uses for them. */
export const entitiesSection: StorylineSection<{ entities: readonly FramingEntity[]; total: number }> = {
  name: 'entities',
  summary: 'Entities of the storyline: spellings (aliases) with the outlets using each, and per-outlet descriptors',
  load: async (db, storyId) => {
    const { framing } = await comparisonFor(db, storyId);
    return { entities: framing.entities.slice(0, MAX_ENTITIES), total: framing.entities.length };
  },
};

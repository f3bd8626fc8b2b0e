import { coverageSection } from './coverage.js';
import { provenanceSection } from './provenance.js';
import type { StorylineSection } from './types.js';

export type { StorylineSection } from './types.js';

/** Storyline page sections, each served at `/api/storylines/:id/<name>`. Add new ones here. */
export const storylineSections: readonly StorylineSection[] = [coverageSection, provenanceSection];

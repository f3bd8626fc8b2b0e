import { briefSection } from './brief.js';
import { coverageSection } from './coverage.js';
import { entitiesSection } from './entities.js';
import { ledgerSection } from './ledger.js';
import { provenanceSection } from './provenance.js';
import { quotesSection } from './quotes.js';
import { timelineSection } from './timeline.js';
import type { StorylineSection } from './types.js';

export type { StorylineSection } from './types.js';

/** Storyline page sections, each served at `/api/storylines/:id/<name>`. Add new ones here. */
export const storylineSections: readonly StorylineSection[] = [
  briefSection,
  timelineSection,
  ledgerSection,
  quotesSection,
  entitiesSection,
  coverageSection,
  provenanceSection,
];

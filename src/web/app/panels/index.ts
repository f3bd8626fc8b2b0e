import { briefPanel } from './brief.js';
import { coveragePanel } from './coverage.js';
import { entitiesPanel } from './entities.js';
import { ledgerPanel } from './ledger.js';
import { provenancePanel } from './provenance.js';
import { quotesPanel } from './quotes.js';
import { timelinePanel } from './timeline.js';
import type { StorylinePanel } from './types.js';

/** Panels of the storyline page in display order (`placement` puts some before the events list). */
export const storylinePanels: readonly StorylinePanel[] = [briefPanel, timelinePanel, ledgerPanel, quotesPanel, entitiesPanel, coveragePanel, provenancePanel];

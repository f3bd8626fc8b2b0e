import { coveragePanel } from './coverage.js';
import { provenancePanel } from './provenance.js';
import type { StorylinePanel } from './types.js';

/** Panels under the events on the storyline page, in display order. */
export const storylinePanels: readonly StorylinePanel[] = [coveragePanel, provenancePanel];

import type { Claim, Slot } from '../../compare/index.js';
import { comparisonFor } from '../internal/comparisons.js';
import type { StorylineSection } from './types.js';

export interface LedgerView {
  readonly slots: readonly Slot[];
  readonly claims: readonly Claim[];
}

/** The claim ledger: claims with their independent sources, grouped into slots with agreement/conflict/change status. */
export const ledgerSection: StorylineSection<LedgerView> = {
  name: 'ledger',
  summary:
    'The claim ledger: numbers and quotes stated by the articles, independent sources per claim, and slots marked agreement, conflict, change-over-time or competing-positions',
  load: async (db, storyId) => {
    const { ledger } = await comparisonFor(db, storyId);
    return { slots: ledger.slots, claims: ledger.claims };
  },
};

/** Public types of the clustering stage. */
import type { StoredArticle } from '../types.js';

/**
 * What the extract stage knows about an article, in the form the clusterer uses. All optional in spirit:
 * empty lists mean "not known", and the clusterer falls back to its own light signals.
 */
export interface ClusterSignals {
  /** Named entities; `key` is any stable name (e.g. a canonical name), `weight` defaults to 1. */
  readonly entities: readonly { readonly key: string; readonly type: string; readonly weight?: number }[];
  /** Resolved dates of what happened (not publication time); `YYYY-MM-DD` or longer ISO strings. */
  readonly happeningDates: readonly { readonly start: string; readonly end: string; readonly precision: string }[];
  /** Numbers the text states, as written or normalised. */
  readonly numbers: readonly string[];
}

/** Component scores of one article-to-cluster comparison. */
export interface ScoreParts {
  readonly text: number;
  readonly entities: number;
  readonly numbers: number;
  /** Added for agreeing happening dates, subtracted for dates far apart, 0 when either is unknown. */
  readonly date: number;
  readonly total: number;
}

/** Why an article joined its event: the score and the evidence behind it. */
export interface Explanation {
  readonly score: number;
  readonly parts: ScoreParts;
  /** Top shared terms (surface forms), strongest first. */
  readonly sharedTerms: readonly string[];
  readonly sharedEntities: readonly string[];
  readonly sharedNumbers: readonly string[];
  /** The article's main happening date, the event's dates, and the gap in days (null when unknown). */
  readonly dates: { readonly article: string | null; readonly event: readonly string[]; readonly gapDays: number | null };
  readonly threshold: number;
  readonly rule: string;
  /** The next-best events considered, with their scores. */
  readonly alternatives: readonly { readonly eventId: string; readonly score: number }[];
}

export interface Assignment {
  readonly articleId: string;
  readonly eventId: string;
  readonly storyId: string;
  readonly newEvent: boolean;
  readonly newStory: boolean;
  readonly explanation: Explanation;
  /** Events or storylines merged into this article's because it bridged them (old id → new id). */
  readonly merged: readonly { readonly from: string; readonly into: string }[];
}

/** What `Clusterer.reconsider` did with one article. */
export interface Reconsideration {
  readonly articleId: string;
  readonly moved: boolean;
  /** The article's event before and after (equal when it did not move). */
  readonly from: string;
  readonly to: string;
  /** Its score against the rest of its own event, and the best other candidate event's (null when none). */
  readonly own: number;
  readonly best: number | null;
  readonly reason: string;
}

/** The clustering stage: places each new article into an event and each event into a storyline. */
export interface Clusterer {
  /** Call inside the article's write transaction, after the article row is stored. */
  assign(article: StoredArticle, signals?: ClusterSignals): Assignment;
  /**
   * Re-scores an already clustered article whose signals changed (e.g. it was re-dated) and moves it when
   * another event is now clearly better; an automatic decision, never overriding a human one (pinned
   * articles and locked events stay). Call inside a write transaction with the article as now stored.
   */
  reconsider(article: StoredArticle, signals?: ClusterSignals): Reconsideration;
  /**
   * Drops every in-memory cache (profiles, document frequencies, the postings window, backgrounds) so the next call
   * reads SQLite afresh. Call after rolling back a transaction in which `assign` or `reconsider` returned normally;
   * their own failures already do this.
   */
  invalidate(): void;
}

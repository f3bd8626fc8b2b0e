/** Database-facing entry points: everything goes through the input adapter. */
import type { Database } from 'better-sqlite3';
import { buildBrief } from './brief.js';
import { buildFraming } from './framing.js';
import { type InputOptions, type InputSnapshot, prepareInput, snapshotId, storyIds } from './internal/inputs.js';
import { buildLedger } from './ledger.js';
import { buildTimeline } from './timeline.js';
import type { Brief, Claim, CompareInput, Framing, Ledger, Slot, Timeline } from './types.js';

export interface StoryComparison {
  readonly input: CompareInput;
  readonly ledger: Ledger;
  readonly framing: Framing;
  readonly timeline: Timeline;
  readonly brief: Brief;
}

/** Ledger, framing, timeline and brief for a storyline or event id. Throws `CompareNotFoundError` for an unknown id. */
export function compareForStory(db: Database, storyOrEventId: string, options: Partial<InputOptions> & { since?: string | null } = {}): StoryComparison {
  return compareSnapshot(snapshotId(db, storyOrEventId), options);
}

/** The same from a snapshot already read (lets a caller close the database before the comparison runs). */
export function compareSnapshot(snap: InputSnapshot, options: Partial<InputOptions> & { since?: string | null } = {}): StoryComparison {
  const input = prepareInput(snap, options);
  const ledger = buildLedger(input);
  const timeline = buildTimeline(input);
  return { input, ledger, framing: buildFraming(input), timeline, brief: buildBrief(input, { since: options.since ?? null, ledger, timeline }) };
}

/** One storyline's entry in the export's `claims` section. */
export interface ExportedClaims {
  readonly storyId: string;
  readonly claims: readonly Claim[];
  readonly slots: readonly Slot[];
}

/** The export's `claims` section: the ledger of every storyline. */
export function exportClaims(db: Database, options: Partial<InputOptions> = {}): ExportedClaims[] {
  const snapshots = storyIds(db).map((id) => snapshotId(db, id));
  const out: ExportedClaims[] = [];
  for (const snap of snapshots) {
    const ledger = buildLedger(prepareInput(snap, options));
    out.push({ storyId: snap.id, claims: ledger.claims, slots: ledger.slots });
  }
  return out;
}

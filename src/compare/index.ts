/**
 * The compare stage: claim ledger, framing, timeline and brief over a storyline or event.
 * Core functions are pure over `CompareInput`; `compareForStory`/`exportClaims` read the database
 * through the stage's single input adapter.
 */
export {
  type AbstractiveResult,
  addAbstractiveSummary,
  DEFAULT_LLM_TIMEOUT_MS,
  type LlmConfig,
  llmConfigFromEnv,
  parseCited,
} from './abstractive.js';
export { type BriefOptions, buildBrief } from './brief.js';
export { compareForStory, compareSnapshot, type ExportedClaims, exportClaims, type StoryComparison } from './db.js';
export { AbstractiveError, CompareError, CompareNotFoundError } from './errors.js';
export { buildFraming } from './framing.js';
export {
  type AnnotatorChoice,
  defaultInputOptions,
  type InputOptions,
  type InputSnapshot,
  inputForArticles,
  inputForId,
  prepareInput,
  snapshotArticles,
  snapshotId,
} from './internal/inputs.js';
export { checkSupport, type SupportResult } from './internal/support.js';
export { formatDate } from './internal/text.js';
export { buildLedger, OVERLAP_DAYS } from './ledger.js';
export { escapeHtml, renderBrief } from './render.js';
export { buildTimeline } from './timeline.js';
export type * from './types.js';

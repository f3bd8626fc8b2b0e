import type { HtmlParser } from './internal/parse.js';

/** Options of the clean stage; every field has a default in `defaultCleanOptions`. */
export interface CleanOptions {
  /**
   * Fingerprints (see `lineFingerprint`) of lines seen across many articles of one outlet: such a
   * line is boilerplate wherever it appears. Empty by default; the pipeline may feed it from the store.
   */
  readonly knownBoilerplate: ReadonlySet<string>;
  /** Replace typographic quotes with ASCII ones in the output text. */
  readonly asciiQuotes: boolean;
  /**
   * HTML front end: `tokenizer` builds the light tree straight from htmlparser2 events (linkedom's
   * own tokenizer, no DOM); `linkedom` walks a full linkedom DOM (same tree, ~2.5× slower).
   */
  readonly parser: HtmlParser;
  /** Largest input body cleaned, in characters; larger bodies raise `CleanError('too-large')`. */
  readonly maxChars: number;
}

/**
 * 20 M characters: the ingest reader already caps files at 20 MB, so this only guards direct
 * callers (the API); the largest bench page is ~1 MB.
 */
export const DEFAULT_MAX_CHARS = 20_000_000;

export const defaultCleanOptions: CleanOptions = {
  knownBoilerplate: new Set(),
  asciiQuotes: false,
  parser: 'tokenizer',
  maxChars: DEFAULT_MAX_CHARS,
};

import type { CleanedArticle, RawInput } from '../types.js';
import { CleanError } from './errors.js';
import { cleanHtml } from './html.js';
import { looksBinary } from './internal/binary.js';
import { type CleanOptions, defaultCleanOptions } from './options.js';
import { cleanPlain } from './plain.js';

export { knownBoilerplate, linesFingerprints, MIN_OUTLET_ARTICLES, recordOutletLines } from './boilerplate.js';
export { CleanError, type CleanErrorCode } from './errors.js';
export { lineFingerprint } from './internal/fingerprint.js';
export { detectLanguage, normaliseLanguageTag } from './language.js';
export { type CleanOptions, defaultCleanOptions } from './options.js';
export { cleanSchema } from './schema.js';

/** The clean stage: turns one raw input into an article's text and metadata, keeping what it removed. */
export interface Cleaner {
  clean(input: RawInput): CleanedArticle;
}

/**
 * Cleans one input: HTML pages through DOM extraction (container vote, metadata, fallbacks),
 * text through line-level cleaning. Throws `CleanError` for input it cannot handle (too large,
 * unparseable); never returns a merged blob for a non-article page (isArticle false, reason set).
 */
export function clean(input: RawInput, options: Partial<CleanOptions> = {}): CleanedArticle {
  const opts: CleanOptions = { ...defaultCleanOptions, ...options };
  if (input.body.length > opts.maxChars) throw new CleanError('too-large', `input has ${input.body.length} characters (limit ${opts.maxChars})`);
  if (looksBinary(input.body)) throw new CleanError('binary', 'input looks like binary data (control characters), not text or HTML');
  return input.format === 'html' ? cleanHtml(input, opts) : cleanPlain(input, opts);
}

/** Builds a cleaner with fixed options (e.g. an outlet's known boilerplate lines). */
export function createCleaner(options: Partial<CleanOptions> = {}): Cleaner {
  return { clean: (input) => clean(input, options) };
}

export const defaultCleaner: Cleaner = createCleaner();

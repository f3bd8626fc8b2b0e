/** Why an input (a file or one record inside it) could not be ingested. */
export type SkipCode =
  | 'unsupported-type'
  | 'unreadable'
  | 'too-large'
  | 'empty'
  | 'binary'
  | 'bad-encoding'
  | 'bad-gzip'
  | 'bad-json'
  | 'no-text'
  | 'not-article';

/** A specific, user-facing reason an input was skipped. */
export class InputError extends Error {
  readonly code: SkipCode;
  constructor(code: SkipCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InputError';
    this.code = code;
  }
}

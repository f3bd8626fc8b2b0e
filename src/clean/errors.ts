/** Codes for the clean stage's specific failures. */
export type CleanErrorCode = 'html-parse' | 'html-empty' | 'too-large' | 'binary' | 'timeout';

/** A page the clean stage cannot turn into an article, with the specific reason. */
export class CleanError extends Error {
  override readonly name = 'CleanError';
  readonly code: CleanErrorCode;
  constructor(code: CleanErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Errors of the compare stage. */
export class CompareError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CompareError';
  }
}

/** The story or event id does not exist. */
export class CompareNotFoundError extends CompareError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CompareNotFoundError';
  }
}

/** The abstractive endpoint failed or answered in an unexpected shape. */
export class AbstractiveError extends CompareError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AbstractiveError';
  }
}

/** Raised when a stage component fails in a way the caller should see. */
export class ExtractError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExtractError';
  }
}

/** Raised when stored annotations cannot be written or read. */
export class AnnotationStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AnnotationStoreError';
  }
}

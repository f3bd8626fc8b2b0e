/** Raised when the provenance stage cannot index or link an article. */
export class ProvenanceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProvenanceError';
  }
}

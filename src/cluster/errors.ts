/** Errors of the clustering stage. */
export class ClusterError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ClusterError';
  }
}

/** An id that names no event, storyline or article (after following redirects). */
export class ClusterNotFoundError extends ClusterError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ClusterNotFoundError';
  }
}

/** Machine-readable error codes the API returns in `{ error: { code, message } }`. */
export type ApiErrorCode =
  | 'invalid-request'
  | 'malformed-json'
  | 'empty-body'
  | 'body-too-large'
  | 'unsupported-media-type'
  | 'unauthorized'
  | 'read-only'
  | 'not-found'
  | 'no-article'
  | 'unavailable'
  | 'too-many-listeners'
  | 'internal';

/** An error the API reports to the client with an HTTP status and a stable code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: unknown;
  constructor(status: number, code: ApiErrorCode, message: string, options?: { cause?: unknown; details?: unknown }) {
    super(message, options);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = options?.details;
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: ApiErrorCode; readonly message: string; readonly details?: unknown };
}

export function errorBody(code: ApiErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export const notFound = (what: string, id: string): ApiError => new ApiError(404, 'not-found', `${what} ${JSON.stringify(id)} not found`);

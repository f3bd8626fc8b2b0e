/** The serve stage: HTTP API, web UI and live updates over one database. */
export { createServer, DEFAULT_BODY_LIMIT, type ServerOptions } from './server.js';
export { ApiError, type ApiErrorCode, type ErrorBody } from './errors.js';
export { LiveFeed, notifyIngested, type LiveEvent } from './live.js';
export { storylineSections, type StorylineSection } from './sections/index.js';
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './internal/headers.js';

/** The serve stage: HTTP API, web UI and live updates over one database. */

export { ApiError, type ApiErrorCode, type ErrorBody } from './errors.js';
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './internal/headers.js';
export { type LiveEvent, LiveFeed, notifyIngested } from './live.js';
export { type StorylineSection, storylineSections } from './sections/index.js';
export { createServer, DEFAULT_BODY_LIMIT, type ServerOptions } from './server.js';

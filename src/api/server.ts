import './internal/schema-docs.js';
import type { Database } from 'better-sqlite3';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ApiContext } from './context.js';
import { requireToken } from './internal/auth.js';
import { installErrorHandling } from './internal/error-handler.js';
import { installEtags } from './internal/etag.js';
import { installSecurityHeaders } from './internal/headers.js';
import { routeCollector } from './internal/openapi.js';
import { installResponseCache, ResponseCache } from './internal/response-cache.js';
import { findUiDir } from './internal/static-files.js';
import { LiveFeed, POLL_INTERVAL_MS, registerFeed } from './live.js';
import { articleRoutes } from './routes/articles.js';
import { duplicateRoutes } from './routes/duplicates.js';
import { eventRoutes } from './routes/events.js';
import { ingestRoutes } from './routes/ingest.js';
import { liveRoutes } from './routes/live.js';
import { metaRoutes } from './routes/meta.js';
import { searchRoutes } from './routes/search.js';
import { storylineRoutes } from './routes/storylines.js';
import { uiRoutes } from './routes/ui.js';

/** Largest request body (bytes): a big article page is ~1 MB of HTML; 5 MB leaves room for a JSON batch. */
export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;
/**
 * Live-update streams open at once. Each costs a socket and a listener but no polling of its own (one poll per
 * database); 1,000 is far above a newsroom's open tabs and well below the default file-descriptor limit (1,024 is
 * the lowest common soft limit, and SQLite and the listening socket need some).
 */
export const DEFAULT_MAX_LIVE_CLIENTS = 1000;

export interface ServerOptions {
  readonly db: Database;
  /** Bearer token for writes; without one the server is read-only. */
  readonly token?: string;
  /** Folder holding the built UI (`index.html`, `assets/`); found next to the package by default; null disables the UI. */
  readonly uiDir?: string | null;
  readonly bodyLimit?: number;
  /** Fastify logger setting (off by default; request logs never include headers, so tokens stay out). */
  readonly logger?: FastifyServerOptions['logger'];
  /** Cache GET API responses until the database changes (default true; the benchmark measures both). */
  readonly cache?: boolean;
  /** How often live updates poll for articles stored by other processes (ms; 0 disables polling). */
  readonly pollMs?: number;
  /** Most live-update streams open at once (default DEFAULT_MAX_LIVE_CLIENTS); further ones get 503 `too-many-listeners`. */
  readonly maxLiveClients?: number;
}

/** Builds the API + UI server without listening: tests call `inject`, `storyline serve` calls `listen`. */
export function createServer(options: ServerOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Unknown query parameters are errors, not silently dropped.
    ajv: { customOptions: { removeAdditional: false, allErrors: false } },
    return503OnClosing: true,
  });
  const feed = new LiveFeed(options.db, options.pollMs ?? POLL_INTERVAL_MS);
  const unregister = registerFeed(options.db, feed);
  app.addHook('onClose', async () => {
    feed.close();
    unregister();
  });
  const collector = routeCollector();
  app.addHook('onRoute', collector.onRoute);
  installSecurityHeaders(app);
  installErrorHandling(app);
  installEtags(app);
  if (options.cache !== false) installResponseCache(app, new ResponseCache(options.db));

  const ctx: ApiContext = {
    db: options.db,
    feed,
    requireWrite: requireToken(options.token),
    maxLiveClients: options.maxLiveClients ?? DEFAULT_MAX_LIVE_CLIENTS,
  };
  storylineRoutes(app, ctx);
  eventRoutes(app, ctx);
  articleRoutes(app, ctx);
  ingestRoutes(app, ctx);
  duplicateRoutes(app, ctx);
  searchRoutes(app, ctx);
  liveRoutes(app, ctx);
  metaRoutes(app, ctx, collector.routes);
  uiRoutes(app, options.uiDir === undefined ? findUiDir() : options.uiDir);
  return app;
}

import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { escapeHtml } from '../internal/docs-page.js';
import { StaticFiles } from '../internal/static-files.js';

const ASSETS_PREFIX = '/assets';

/** Hashed build assets never change under the same name: cache them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function notBuilt(reply: FastifyReply): FastifyReply {
  return reply
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Storyline</title></head><body><h1>Storyline</h1><p>The web UI has not been built. Run <code>${escapeHtml('npm run build')}</code>, then reload. The API is running: <a href="/api">API reference</a>.</p></body></html>`,
    );
}

/** The web UI: `/` is the app shell (hash routes inside), `/assets/*` the bundled scripts and styles. */
export function uiRoutes(app: FastifyInstance, uiDir: string | null): void {
  const files = uiDir ? new StaticFiles(uiDir) : null;
  // Assets get their own root, so `/assets/..%2f<file>` cannot reach other files of the build.
  const assets = uiDir ? new StaticFiles(join(uiDir, 'assets')) : null;
  const hidden = { schema: { hide: true } };
  app.get('/', hidden, async (_request, reply) => {
    const index = files?.get('/index.html');
    if (!index) return notBuilt(reply);
    return reply.type(index.type).send(index.body);
  });
  app.get('/assets/*', hidden, async (request, reply) => {
    const path = (request.url.split('?')[0] ?? '').slice(ASSETS_PREFIX.length);
    const file = assets?.get(path);
    if (!file) return reply.callNotFound();
    return reply.type(file.type).header('cache-control', IMMUTABLE).send(file.body);
  });
  app.get('/favicon.svg', hidden, async (_request, reply) => {
    const file = files?.get('/favicon.svg');
    if (!file) return reply.callNotFound();
    return reply.type(file.type).send(file.body);
  });
}

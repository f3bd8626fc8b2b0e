import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.js';
import { maxSeq } from '../internal/articles.js';
import { DOCS_CSS, docsPage } from '../internal/docs-page.js';
import { type CollectedRoute, openApiDocument } from '../internal/openapi.js';
import { countStories } from '../internal/stories.js';

export const API_INFO = { title: 'Storyline', version: '0.1.0' } as const;

export function metaRoutes(app: FastifyInstance, { db }: ApiContext, routes: readonly CollectedRoute[]): void {
  const hidden = { schema: { hide: true } };
  let doc: Record<string, unknown> | null = null;
  const document = () => {
    doc ??= openApiDocument(routes, API_INFO);
    return doc;
  };
  app.get('/openapi.json', hidden, async () => document());
  app.get('/api', hidden, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(docsPage(document() as unknown as Parameters<typeof docsPage>[0])),
  );
  app.get('/api/docs.css', hidden, async (_request, reply) => reply.type('text/css; charset=utf-8').send(DOCS_CSS));
  app.get('/api/health', { schema: { summary: 'Liveness and database size', tags: ['meta'] } }, async () => ({
    ok: true,
    articles: maxSeq(db),
    storylines: countStories(db),
  }));
}

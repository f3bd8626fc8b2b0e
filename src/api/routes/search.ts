import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.js';
import { type PageParams, page, pageQuery } from '../internal/pagination.js';
import { searchCount, searchPage } from '../internal/search.js';

/** Longest search text accepted; far above any sensible query. */
const MAX_QUERY_CHARS = 500;

export function searchRoutes(app: FastifyInstance, { db }: ApiContext): void {
  app.get(
    '/api/search',
    {
      schema: {
        summary: 'Full-text search over titles and texts; every word must match; snippets come as plain/matched parts',
        tags: ['search'],
        querystring: {
          type: 'object',
          properties: { ...pageQuery, q: { type: 'string', minLength: 1, maxLength: MAX_QUERY_CHARS } },
          required: ['q'],
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const q = request.query as PageParams & { q: string };
      return { query: q.q, ...page(searchPage(db, q.q, q), searchCount(db, q.q), q) };
    },
  );
}

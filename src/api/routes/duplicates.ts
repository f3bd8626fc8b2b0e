import type { FastifyInstance } from 'fastify';
import { listDuplicates } from '../../dedup/index.js';
import type { ApiContext } from '../context.js';
import { type PageParams, page, pageQuery } from '../internal/pagination.js';

export function duplicateRoutes(app: FastifyInstance, { db }: ApiContext): void {
  app.get(
    '/api/duplicates',
    {
      schema: {
        summary: 'Copy links between articles (b copies a), with kind, score, likely origin and evidence',
        tags: ['provenance'],
        querystring: {
          type: 'object',
          properties: { ...pageQuery, kind: { type: 'string', enum: ['exact', 'near', 'rewrite', 'partial'] } },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const q = request.query as PageParams & { kind?: string };
      const all = listDuplicates(db).filter((l) => !q.kind || l.kind === q.kind);
      return page(all.slice(q.offset, q.offset + q.limit), all.length, q);
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { listDuplicates } from '../../dedup/index.js';
import { getArticle, removedBlocks } from '../../store/articles.js';
import { type ApiContext, idParams } from '../context.js';
import { notFound } from '../errors.js';
import { countArticles, listArticleSummaries } from '../internal/articles.js';
import { articleHighlights } from '../internal/highlights.js';
import { type PageParams, page, pageQuery } from '../internal/pagination.js';
import { placementOf } from '../internal/stories.js';

export function articleRoutes(app: FastifyInstance, { db }: ApiContext): void {
  app.get(
    '/api/articles',
    {
      schema: {
        summary: 'List articles, most recently ingested first',
        tags: ['articles'],
        querystring: {
          type: 'object',
          properties: { ...pageQuery, outlet: { type: 'string', minLength: 1, maxLength: 200 } },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const q = request.query as PageParams & { outlet?: string };
      return page(listArticleSummaries(db, q, { outlet: q.outlet }), countArticles(db, { outlet: q.outlet }), q);
    },
  );

  app.get(
    '/api/articles/:id',
    {
      schema: {
        summary: 'One article: cleaned text and paragraphs, the boilerplate cleaning removed, its event and storyline, its copy links',
        tags: ['articles'],
        params: idParams,
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const article = getArticle(db, id);
      if (!article) throw notFound('article', id);
      const placement = placementOf(db, id);
      return {
        ...article,
        removed: removedBlocks(db, id),
        eventId: placement?.eventId ?? null,
        storyId: placement?.storyId ?? null,
        duplicates: listDuplicates(db, [id]),
      };
    },
  );

  app.get(
    '/api/articles/:id/highlights',
    {
      schema: {
        summary: 'Entity, quote and number highlights as character ranges inside the article’s paragraphs (from the extract stage)',
        tags: ['articles'],
        params: idParams,
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const article = getArticle(db, id);
      if (!article) throw notFound('article', id);
      return articleHighlights(article);
    },
  );
}

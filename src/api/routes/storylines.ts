import type { FastifyInstance } from 'fastify';
import { type ApiContext, idParams } from '../context.js';
import { notFound } from '../errors.js';
import { type PageParams, page, pageQuery } from '../internal/pagination.js';
import { countStories, getStorySummary, listStories, type StoryOrder } from '../internal/stories.js';
import { storyView } from '../internal/story-view.js';
import { storylineSections } from '../sections/index.js';

export function storylineRoutes(app: FastifyInstance, { db }: ApiContext): void {
  app.get(
    '/api/storylines',
    {
      schema: {
        summary: 'List storylines with freshness and independent-source counts',
        tags: ['storylines'],
        querystring: {
          type: 'object',
          properties: { ...pageQuery, order: { type: 'string', enum: ['recent', 'size'], default: 'recent' } },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const q = request.query as PageParams & { order: StoryOrder };
      return page(listStories(db, q, q.order), countStories(db), q);
    },
  );

  app.get(
    '/api/storylines/:id',
    {
      schema: { summary: 'A storyline page: summary, events in order, and each event’s articles with a cited passage', tags: ['storylines'], params: idParams },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const view = storyView(db, id);
      if (!view) throw notFound('storyline', id);
      return view;
    },
  );

  for (const section of storylineSections) {
    app.get(`/api/storylines/:id/${section.name}`, { schema: { summary: section.summary, tags: ['storylines'], params: idParams } }, async (request) => {
      const { id } = request.params as { id: string };
      if (!getStorySummary(db, id)) throw notFound('storyline', id);
      return section.load(db, id);
    });
  }
}

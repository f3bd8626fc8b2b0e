import type { FastifyInstance } from 'fastify';
import { type ApiContext, idParams, idSchema } from '../context.js';
import { notFound } from '../errors.js';
import { type PageParams, page, pageQuery } from '../internal/pagination.js';
import { countEvents, getEvent, listEvents, membersOfEvent } from '../internal/stories.js';
import { MAX_LISTED_ARTICLES } from '../internal/story-view.js';

export function eventRoutes(app: FastifyInstance, { db }: ApiContext): void {
  app.get(
    '/api/events',
    {
      schema: {
        summary: 'List events, newest first, optionally of one storyline',
        tags: ['events'],
        querystring: { type: 'object', properties: { ...pageQuery, story: idSchema }, additionalProperties: false },
      },
    },
    async (request) => {
      const q = request.query as PageParams & { story?: string };
      return page(listEvents(db, q, q.story), countEvents(db, q.story), q);
    },
  );

  app.get(
    '/api/events/:id',
    { schema: { summary: 'One event with its articles (up to 500, oldest first)', tags: ['events'], params: idParams } },
    async (request) => {
      const { id } = request.params as { id: string };
      const event = getEvent(db, id);
      if (!event) throw notFound('event', id);
      const articles = membersOfEvent(db, id, MAX_LISTED_ARTICLES).map(({ explanation: _e, eventId: _ev, ...rest }) => rest);
      return { ...event, articles };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { ingestInputs } from '../../pipeline.js';
import type { InputMeta, RawInput } from '../../types.js';
import type { ApiContext } from '../context.js';
import { ApiError } from '../errors.js';

/** Most articles in one JSON POST; larger batches belong to `storyline ingest`. */
export const MAX_ARTICLES_PER_POST = 100;
/** Where API-posted inputs say they came from in the ingest log (when no URL is given). */
export const API_LOCATION = 'api:POST /api/articles';

const str = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;
/** Longest metadata field accepted (titles, names, dates). */
const MAX_META_CHARS = 1000;
/** Longest URL accepted (common browser limit). */
const MAX_URL_CHARS = 2048;
const urlSchema = { type: 'string', maxLength: MAX_URL_CHARS, pattern: '^https?://[^\\s]+$' } as const;

const articleObject = {
  type: 'object',
  properties: {
    title: str(MAX_META_CHARS),
    url: urlSchema,
    outlet: str(MAX_META_CHARS),
    author: str(MAX_META_CHARS),
    published: str(MAX_META_CHARS),
    modified: str(MAX_META_CHARS),
    language: str(MAX_META_CHARS),
    text: { type: 'string', minLength: 1, description: 'plain article text (paragraphs separated by blank lines)' },
    html: { type: 'string', minLength: 1, description: 'the article page as HTML (cleaned like an ingested page)' },
  },
  additionalProperties: false,
  anyOf: [{ required: ['text'] }, { required: ['html'] }],
} as const;

type ArticleBody = { text?: string; html?: string } & InputMeta;

function fromObject(a: ArticleBody, record: number): RawInput {
  const { text, html, ...meta } = a;
  const location = meta.url ?? API_LOCATION;
  return html
    ? { source: { location, record }, format: 'html', body: html, raw: JSON.stringify(a), meta }
    : { source: { location, record }, format: 'json', body: text ?? '', raw: JSON.stringify(a), meta };
}

export function ingestRoutes(app: FastifyInstance, { db, feed, requireWrite }: ApiContext): void {
  app.addContentTypeParser('text/html', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.post(
    '/api/articles',
    {
      preHandler: requireWrite,
      schema: {
        summary: 'Ingest articles: a JSON article (or array of them), or an HTML page. Needs the bearer token.',
        tags: ['articles'],
        querystring: {
          type: 'object',
          properties: { url: urlSchema, outlet: str(MAX_META_CHARS) },
          additionalProperties: false,
          description: 'for HTML bodies: the page address and outlet, when the page does not say',
        },
        body: {
          content: {
            'application/json': {
              schema: { anyOf: [articleObject, { type: 'array', items: articleObject, minItems: 1, maxItems: MAX_ARTICLES_PER_POST }] },
            },
            'text/html': { schema: { type: 'string', minLength: 1 } },
          },
        },
      },
    },
    async (request, reply) => {
      const query = request.query as { url?: string; outlet?: string };
      let inputs: RawInput[];
      if (typeof request.body === 'string') {
        const meta: InputMeta = {};
        if (query.url) meta.url = query.url;
        if (query.outlet) meta.outlet = query.outlet;
        inputs = [{ source: { location: query.url ?? API_LOCATION, record: 0 }, format: 'html', body: request.body, raw: request.body, meta }];
      } else {
        const body = request.body as ArticleBody | ArticleBody[];
        inputs = (Array.isArray(body) ? body : [body]).map(fromObject);
      }
      const summary = ingestInputs(db, inputs);
      feed.check();
      if (summary.ingested === 0 && summary.present === 0) {
        throw new ApiError(422, 'no-article', 'nothing was ingested: every input was skipped', { details: summary.entries });
      }
      return reply.status(summary.ingested > 0 ? 201 : 200).send(summary);
    },
  );
}

/** Builds an OpenAPI 3.1 document from the routes' own JSON schemas, so the docs cannot drift from validation. */
import './schema-docs.js';
import type { FastifySchema, RouteOptions } from 'fastify';

interface JsonObjectSchema {
  properties?: Record<string, Record<string, unknown>>;
  required?: readonly string[];
  description?: string;
}

export interface CollectedRoute {
  readonly method: string;
  readonly url: string;
  readonly schema: FastifySchema;
}

/** Records each route with a schema as it is registered. */
export function routeCollector(): { routes: CollectedRoute[]; onRoute: (r: RouteOptions) => void } {
  const routes: CollectedRoute[] = [];
  return {
    routes,
    onRoute(r) {
      const schema = r.schema as CollectedRoute['schema'] | undefined;
      if (!schema || schema.hide) return;
      for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method: method.toLowerCase(), url: r.url, schema });
    },
  };
}

const errorRef = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: errorRef } } });

function parameters(schema: JsonObjectSchema | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema?.properties) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    schema: s,
  }));
}

function requestBody(body: unknown): unknown {
  if (!body) return undefined;
  const b = body as { content?: Record<string, { schema: unknown }> };
  const content = b.content ?? { 'application/json': { schema: body } };
  return { required: true, content };
}

function responses(route: CollectedRoute): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (route.method === 'post') {
    out['201'] = { description: 'stored; the ingest summary (one entry per input with its outcome)' };
    out['200'] = { description: 'already stored; nothing new' };
  } else out['200'] = { description: 'OK (JSON; `ETag` set, `If-None-Match` answered with 304)' };
  const s = route.schema;
  if (s.params || s.querystring || s.body) out['400'] = errorResponse('invalid-request / malformed-json / empty-body: the input failed validation');
  if (route.method === 'post') {
    out['401'] = errorResponse('unauthorized: missing or wrong bearer token');
    out['403'] = errorResponse('read-only: the server was started without a token');
    out['413'] = errorResponse('body-too-large');
    out['415'] = errorResponse('unsupported-media-type: send application/json or text/html');
    out['422'] = errorResponse('no-article: every input was skipped (details list the reasons)');
  }
  if (s.params) out['404'] = errorResponse('not-found');
  return out;
}

export function openApiDocument(routes: readonly CollectedRoute[], info: { title: string; version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const s = r.schema;
    const op: Record<string, unknown> = {
      summary: s.summary ?? `${r.method.toUpperCase()} ${path}`,
      ...(s.description ? { description: s.description } : {}),
      ...(s.tags ? { tags: s.tags } : {}),
      parameters: [...parameters(s.params as JsonObjectSchema, 'path'), ...parameters(s.querystring as JsonObjectSchema, 'query')],
      responses: responses(r),
    };
    const body = requestBody(s.body);
    if (body) op.requestBody = body;
    if (r.method === 'post') op.security = [{ bearer: [] }];
    paths[path] = { ...(paths[path] ?? {}), [r.method]: op };
  }
  return {
    openapi: '3.1.0',
    info: {
      ...info,
      description:
        'Read endpoints are open; writes need `Authorization: Bearer <token>` (the server is read-only when started without one). Lists are paginated with `limit`/`offset` and return `{ items, total, limit, offset, next }`. Errors are `{ error: { code, message, details? } }`.',
    },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
            },
          },
        },
      },
    },
  };
}

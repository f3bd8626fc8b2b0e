import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError, type ApiErrorCode, errorBody } from '../errors.js';

/** Fastify's own error codes mapped to the API's status and code. */
const FASTIFY_ERRORS: Readonly<Record<string, { status: number; code: ApiErrorCode }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body-too-large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported-media-type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid-request' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'empty-body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed-json' },
};

/** Every failure becomes `{ error: { code, message } }` with a matching status; internals are logged, not sent. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof ApiError) {
      return reply.status(err.status).send(errorBody(err.code, err.message, err.details));
    }
    if (err.validation) {
      const details = err.validation.map((v) => ({ in: err.validationContext ?? 'request', path: v.instancePath || '/', message: v.message ?? 'invalid' }));
      return reply.status(400).send(errorBody('invalid-request', err.message, details));
    }
    const known = err.code ? FASTIFY_ERRORS[err.code] : undefined;
    if (known) return reply.status(known.status).send(errorBody(known.code, err.message));
    if (err instanceof SyntaxError) return reply.status(400).send(errorBody('malformed-json', err.message));
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.status(status).send(errorBody('invalid-request', err.message));
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('internal', 'internal server error'));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody('not-found', `no route for ${request.method} ${request.url.split('?')[0]}`));
  });
}

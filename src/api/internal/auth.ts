import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/**
 * A pre-handler for write routes. Without a configured token the server is read-only (403
 * `read-only`); with one, `Authorization: Bearer <token>` must match (401 `unauthorized`).
 * Tokens are compared as hashes in constant time and never logged or echoed.
 */
export function requireToken(token: string | undefined): (request: FastifyRequest) => Promise<void> {
  const expected = token ? digest(token) : null;
  return async (request) => {
    if (!expected) throw new ApiError(403, 'read-only', 'this server is read-only: start it with --token or STORYLINE_TOKEN to allow writes');
    const header = request.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m?.[1] || !timingSafeEqual(digest(m[1]), expected)) {
      throw new ApiError(401, 'unauthorized', 'a valid bearer token is required for writes (Authorization: Bearer <token>)');
    }
  };
}

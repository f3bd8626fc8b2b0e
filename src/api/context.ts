import type { Database } from 'better-sqlite3';
import type { LiveFeed } from './live.js';

/** What every route module receives. */
export interface ApiContext {
  readonly db: Database;
  readonly feed: LiveFeed;
  /** Pre-handler guarding write routes (token check, or read-only refusal). */
  readonly requireWrite: (request: import('fastify').FastifyRequest) => Promise<void>;
  /** Most live-update streams open at once; one more is refused with 503 so idle tabs cannot exhaust the server. */
  readonly maxLiveClients: number;
}

/** JSON schema for an id in a path: stage ids are short ASCII tokens (`a<hex>`, `st_<hex>`, `ev_<hex>`). */
export const idSchema = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' } as const;

export const idParams = {
  type: 'object',
  properties: { id: idSchema },
  required: ['id'],
  additionalProperties: false,
} as const;

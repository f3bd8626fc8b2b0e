import type { Database } from 'better-sqlite3';
import type { LiveFeed } from './live.js';

/** What every route module receives. */
export interface ApiContext {
  readonly db: Database;
  readonly feed: LiveFeed;
  /** Pre-handler guarding write routes (token check, or read-only refusal). */
  readonly requireWrite: (request: import('fastify').FastifyRequest) => Promise<void>;
}

/** JSON schema for an id in a path: stage ids are short ASCII tokens (`a<hex>`, `st_<hex>`, `ev_<hex>`). */
export const idSchema = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' } as const;

export const idParams = {
  type: 'object',
  properties: { id: idSchema },
  required: ['id'],
  additionalProperties: false,
} as const;

import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.js';
import { ApiError } from '../errors.js';
import { SECURITY_HEADERS } from '../internal/headers.js';
import type { LiveEvent } from '../live.js';

/** Comment line sent this often (ms) so proxies and browsers keep an idle stream open. */
export const HEARTBEAT_MS = 20_000;
/** Browser reconnect delay after a dropped stream (ms), sent as the SSE `retry` field. */
const RECONNECT_MS = 3000;
/** Seconds a refused client is told to wait (Retry-After) before trying again: long enough for tabs to close. */
const RETRY_AFTER_S = 30;

export function liveRoutes(app: FastifyInstance, { feed, maxLiveClients }: ApiContext): void {
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  app.get(
    '/api/live',
    { schema: { summary: 'Server-sent events: `article` when an article is stored, `batch` after a bulk import', tags: ['live'] } },
    (request, reply) => {
      if (open.size >= maxLiveClients) {
        reply.header('retry-after', String(RETRY_AFTER_S));
        throw new ApiError(503, 'too-many-listeners', `${open.size} live-update streams are open, the most this server allows; try again later`);
      }
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(`retry: ${RECONNECT_MS}\n: connected\n\n`);
      const send = (e: LiveEvent) => {
        res.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
      };
      const unsubscribe = feed.subscribe(send);
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
        if (!res.writableEnded) res.end();
      };
      open.add(end);
      request.raw.on('close', end);
    },
  );
}

/**
 * A cache of GET API responses keyed by URL and database version. The version combines SQLite's
 * `data_version` (bumped by commits from other connections, e.g. `storyline ingest`) and this
 * connection's `total_changes()` (bumped by our own ingest route), so any write invalidates every
 * entry and a reader never sees stale data. Reading the version costs two tiny statements.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Most bytes of cached response bodies (UTF-16 length as a proxy). The 10,000-article bench
 * database's 696 storyline pages total ~12 MB, so 32 MB holds every page of a large database
 * plus lists and searches, at a memory cost that is small for a server.
 */
export const MAX_CACHE_CHARS = 32 * 1024 * 1024;

interface Entry {
  readonly version: string;
  readonly body: string;
  readonly etag: string;
  readonly type: string;
}

/** Only GET API responses are cached (not HEAD, whose body is empty); never the live stream. */
function cacheable(request: FastifyRequest): boolean {
  return request.method === 'GET' && request.url.startsWith('/api/') && !request.url.startsWith('/api/live');
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly dataVersion: Statement;
  private readonly changes: Statement;

  private chars = 0;

  constructor(
    private readonly db: Database,
    private readonly maxChars = MAX_CACHE_CHARS,
  ) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.changes = db.prepare('SELECT total_changes()').pluck();
  }

  version(): string {
    return `${this.dataVersion.get() as number}:${this.changes.get() as number}`;
  }

  get(key: string, version: string): Entry | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.version !== version) {
      this.remove(key);
      return null;
    }
    // Refresh recency (Map keeps insertion order: the first key is the least recently used).
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  set(key: string, entry: Entry): void {
    if (entry.body.length > this.maxChars) return;
    this.remove(key);
    this.entries.set(key, entry);
    this.chars += entry.body.length;
    while (this.chars > this.maxChars) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.chars -= e.body.length;
    this.entries.delete(key);
  }

  /** False once the database is closed (then nothing is served from or stored in the cache). */
  get usable(): boolean {
    return this.db.open;
  }

  get size(): number {
    return this.entries.size;
  }
}

const VERSION = Symbol('storyline.cacheVersion');
type Tagged = FastifyRequest & { [VERSION]?: string; fromCache?: boolean };

/** Serves repeated GETs from the cache; stores fresh 200 JSON responses. Install after the ETag hook. */
export function installResponseCache(app: FastifyInstance, cache: ResponseCache): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!cacheable(request) || !cache.usable) return;
    const version = cache.version();
    (request as Tagged)[VERSION] = version;
    const hit = cache.get(request.url, version);
    if (!hit) return;
    (request as Tagged).fromCache = true;
    reply.header('etag', hit.etag).header('x-cache', 'hit').type(hit.type);
    return reply.send(hit.body);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const version = (request as Tagged)[VERSION];
    if (!version || (request as Tagged).fromCache || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const etag = reply.getHeader('etag');
    const type = reply.getHeader('content-type');
    if (typeof etag === 'string' && typeof type === 'string') cache.set(request.url, { version, body: payload, etag, type });
    return payload;
  });
}

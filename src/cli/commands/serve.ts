import type { Command } from 'commander';
import { createServer } from '../../api/index.js';
import { ingestPaths } from '../../pipeline.js';
import { openDatabase, resolveDbPath } from '../../store/db.js';
import { CliError, ExitCode } from '../context.js';
import { demoCorpusPath } from './demo.js';

/** Default port: a common unprivileged development port. */
export const DEFAULT_PORT = 8080;
/** Loopback only unless asked: the API has no per-user auth for reads. */
export const DEFAULT_HOST = '127.0.0.1';
/** Environment variable holding the write token (so it stays out of shell history and `ps`). */
export const TOKEN_ENV = 'STORYLINE_TOKEN';
/** Highest TCP port. */
const MAX_PORT = 65_535;

interface ServeOptions {
  db?: string;
  port: string;
  host: string;
  token?: string;
  demo?: boolean;
  log?: boolean;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API and the web UI over one database')
    .option('--db <file>', 'database file (default $STORYLINE_DB or ./storyline.db)')
    .option('--port <n>', 'port to listen on (0 picks a free one)', String(DEFAULT_PORT))
    .option('--host <addr>', 'address to bind', DEFAULT_HOST)
    .option('--token <token>', `bearer token allowing writes (default $${TOKEN_ENV}; without one the server is read-only)`)
    .option('--demo', 'ingest the bundled demo corpus (invented articles) before serving')
    .option('--log', 'log each request (never headers or tokens)')
    .action(async (opts: ServeOptions) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > MAX_PORT)
        throw new CliError(`--port must be an integer 0–${MAX_PORT}, got "${opts.port}"`, ExitCode.usage);
      const token = opts.token ?? process.env[TOKEN_ENV] ?? undefined;
      const dbPath = resolveDbPath(opts.db);
      const db = openDatabase(dbPath);
      if (opts.demo) {
        const s = ingestPaths(db, [demoCorpusPath()]);
        process.stderr.write(`demo corpus: ${s.ingested} new, ${s.present} already present, ${s.skipped} skipped\n`);
      }
      const app = createServer({ db, token: token || undefined, logger: opts.log ? { level: 'info' } : false });
      let address: string;
      try {
        address = await app.listen({ port, host: opts.host });
      } catch (cause) {
        db.close();
        throw new CliError(`cannot listen on ${opts.host}:${port}: ${(cause as Error).message}`, ExitCode.failure, { cause });
      }
      const shown = address.replace('://0.0.0.0:', '://localhost:').replace('://[::]:', '://localhost:');
      process.stdout.write(
        `Storyline is serving ${dbPath}\n  UI   ${shown}/\n  API  ${shown}/api  (OpenAPI: ${shown}/openapi.json)\n  writes ${token ? 'enabled (bearer token set)' : `disabled: read-only (set $${TOKEN_ENV} or --token)`}\nPress Ctrl+C to stop.\n`,
      );
      const stop = async () => {
        await app.close();
        db.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

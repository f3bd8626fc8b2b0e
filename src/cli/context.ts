import type { Database } from 'better-sqlite3';
import { openDatabase, resolveDbPath } from '../store/db.js';

/** Exit codes: 0 ok, 1 runtime failure, 2 bad usage, 3 not found, 4 partial (some inputs skipped). */
export const ExitCode = { ok: 0, failure: 1, usage: 2, notFound: 3, partial: 4 } as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error meant for the user: printed on stderr without a stack, with its exit code. */
export class CliError extends Error {
  readonly exitCode: ExitCodeValue;
  constructor(message: string, exitCode: ExitCodeValue = ExitCode.failure, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** Options every database command accepts. */
export interface DbOptions {
  db?: string;
}

/** Options every listing/reporting command accepts. */
export interface OutputOptions {
  json?: boolean;
}

/** Opens the database named by `--db` / `$STORYLINE_DB` / default, runs `fn`, always closes it. */
export function withDb<T>(opts: DbOptions, fn: (db: Database) => T): T {
  const db = openDatabase(resolveDbPath(opts.db));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Whether colour may be used on stdout: a TTY and `NO_COLOR` unset (https://no-color.org). */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '');
}

const codes = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] } as const;
export type Style = keyof typeof codes;

/** Wraps text in an ANSI style when colour is allowed. */
export function style(s: string, name: Style, enabled = useColor()): string {
  if (!enabled) return s;
  const [on, off] = codes[name];
  return `\u001b[${on}m${s}\u001b[${off}m`;
}

/** Prints `data` as JSON with `--json`, else the text rendering. */
export function output<T>(data: T, opts: OutputOptions, render: (data: T) => string): void {
  if (opts.json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  else {
    const text = render(data);
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}

/** A progress bar on stderr when it is a TTY; silent otherwise (pipes, CI). */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): { update(done: number, total: number): void; end(): void } {
  if (!stream.isTTY) return { update() {}, end() {} };
  const width = 30;
  let last = '';
  return {
    update(done, total) {
      const frac = total ? done / total : 1;
      const filled = Math.round(frac * width);
      const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
      if (line !== last) stream.write(`\r${line}`);
      last = line;
    },
    end() {
      if (last) stream.write('\n');
    },
  };
}

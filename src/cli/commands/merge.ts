import type { Command } from 'commander';
import { ClusterError, ClusterNotFoundError, type DecisionResult, mergeClusters } from '../../cluster/index.js';
import { CliError, type DbOptions, ExitCode, type OutputOptions, output, withDb } from '../context.js';

type Opts = DbOptions & OutputOptions & { note?: string };

/** Runs a clustering decision, turning the stage's errors into CLI errors with the right exit code. */
export function decide(opts: DbOptions, fn: Parameters<typeof withDb<DecisionResult>>[1]): DecisionResult {
  try {
    return withDb(opts, fn);
  } catch (err) {
    if (err instanceof ClusterNotFoundError) throw new CliError(err.message, ExitCode.notFound, { cause: err });
    if (err instanceof ClusterError) throw new CliError(err.message, ExitCode.usage, { cause: err });
    throw err;
  }
}

export function renderDecision(r: DecisionResult): string {
  const ids = Object.entries(r.ids).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`);
  return `${r.action} done (decision #${r.decision}, in the audit log)\n  ${ids.join('\n  ')}`;
}

export function register(program: Command): void {
  program
    .command('merge')
    .description('merge two events or two storylines; the first id is kept and the second redirects to it')
    .argument('<keep>', 'event or storyline id to keep')
    .argument('<merge>', 'event or storyline id to merge into it')
    .option('--note <text>', 'reason, kept in the audit log')
    .option('--db <file>', 'database file (default $STORYLINE_DB or ./storyline.db)')
    .option('--json', 'print as JSON')
    .action((keep: string, merge: string, opts: Opts) => {
      output(
        decide(opts, (db) => mergeClusters(db, keep, merge, opts.note ?? null)),
        opts,
        renderDecision,
      );
    });
}

import type { Command } from 'commander';
import { moveItem } from '../../cluster/index.js';
import { type DbOptions, type OutputOptions, output } from '../context.js';
import { decide, renderDecision } from './merge.js';

type Opts = DbOptions & OutputOptions & { note?: string };

export function register(program: Command): void {
  program
    .command('move')
    .description('move an article to another event, or an event to another storyline (pinned there)')
    .argument('<item>', 'article id or event id')
    .argument('<target>', 'event id (for an article) or storyline id (for an event)')
    .option('--note <text>', 'reason, kept in the audit log')
    .option('--db <file>', 'database file (default $STORYLINE_DB or ./storyline.db)')
    .option('--json', 'print as JSON')
    .action((item: string, target: string, opts: Opts) => {
      output(
        decide(opts, (db) => moveItem(db, item, target, opts.note ?? null)),
        opts,
        renderDecision,
      );
    });
}

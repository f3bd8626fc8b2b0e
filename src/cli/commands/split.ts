import type { Command } from 'commander';
import { splitEvent } from '../../cluster/index.js';
import { type DbOptions, type OutputOptions, output } from '../context.js';
import { decide, renderDecision } from './merge.js';

type Opts = DbOptions & OutputOptions & { note?: string };

export function register(program: Command): void {
  program
    .command('split')
    .description('move the named articles out of an event into a new event of the same storyline (automatic runs will not re-join them)')
    .argument('<event>', 'event id')
    .argument('<articles...>', 'article ids to split off')
    .option('--note <text>', 'reason, kept in the audit log')
    .option('--db <file>', 'database file (default $STORYLINE_DB or ./storyline.db)')
    .option('--json', 'print as JSON')
    .action((event: string, articles: string[], opts: Opts) => {
      output(
        decide(opts, (db) => splitEvent(db, event, articles, opts.note ?? null)),
        opts,
        renderDecision,
      );
    });
}

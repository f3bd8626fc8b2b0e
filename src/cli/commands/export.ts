import type { Command } from 'commander';
import { exportDatabase } from '../../export.js';
import { CliError, type DbOptions, ExitCode, withDb } from '../context.js';

export function register(program: Command): void {
  program
    .command('export')
    .description('print the whole database as one JSON document (see docs/export.md)')
    .option('--db <file>', 'database file (default $STORYLINE_DB or ./storyline.db)')
    .option('--format <format>', 'output format (json)', 'json')
    .action((opts: DbOptions & { format: string }) => {
      if (opts.format !== 'json') throw new CliError(`unsupported --format "${opts.format}" (supported: json)`, ExitCode.usage);
      const doc = withDb(opts, exportDatabase);
      process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    });
}

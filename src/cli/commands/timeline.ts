import type { Database } from 'better-sqlite3';
import type { Command } from 'commander';
import { CompareNotFoundError, compareSnapshot, formatDate, type InputSnapshot, snapshotId, type Timeline } from '../../compare/index.js';
import { CliError, type DbOptions, ExitCode, type OutputOptions, output, style, withDb } from '../context.js';

function render(t: Timeline): string {
  if (!t.entries.length) return 'no timeline entries';
  return t.entries
    .map((e) => {
      const head = `${formatDate(e.date, e.precision)}${e.kind === 'background' ? ' [background]' : ''}`;
      const src = `${e.independentSources} independent source${e.independentSources === 1 ? '' : 's'}`;
      return `${style(head, 'cyan')}  ${e.kind === 'event' ? style(e.title, 'bold') : e.title}\n    ${style(src, 'dim')}`;
    })
    .join('\n');
}

/** Reads what the command needs from the database (synchronously); an unknown id exits with "not found". */
function snapshot(db: Database, id: string): InputSnapshot {
  try {
    return snapshotId(db, id);
  } catch (err) {
    if (err instanceof CompareNotFoundError) throw new CliError(err.message, ExitCode.notFound, { cause: err });
    throw err;
  }
}

export function register(program: Command): void {
  program
    .command('timeline')
    .description('events of a storyline in date order, with independent source counts and background entries')
    .argument('<id>', 'storyline or event id')
    .option('--db <file>', 'database file (default $STORYLINE_DB or ./storyline.db)')
    .option('--json', 'print as JSON')
    .action((id: string, opts: DbOptions & OutputOptions) => {
      const timeline = compareSnapshot(withDb(opts, (db) => snapshot(db, id))).timeline;
      output(timeline, opts, render);
    });
}

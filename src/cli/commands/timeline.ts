import type { Command } from 'commander';
import { compareSnapshot, formatDate, type Timeline } from '../../compare/index.js';
import { type DbOptions, type OutputOptions, output, style, withDb } from '../context.js';
import { compareSnapshotOrNotFound } from './compare-snapshot.js';

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

export function register(program: Command): void {
  program
    .command('timeline')
    .description('events of a storyline in date order, with independent source counts and background entries')
    .argument('<id>', 'storyline or event id')
    .option('--db <file>', 'database file (default $STORYLINE_DB or ./storyline.db)')
    .option('--json', 'print as JSON')
    .action((id: string, opts: DbOptions & OutputOptions) => {
      const timeline = compareSnapshot(withDb(opts, (db) => compareSnapshotOrNotFound(db, id))).timeline;
      output(timeline, opts, render);
    });
}

import type { Command } from 'commander';
import { type ReannotateSummary, reannotateStored } from '../../pipeline.js';
import { type DbOptions, type OutputOptions, output, progressBar, style, withDb } from '../context.js';

interface ReannotateCliOptions extends DbOptions, OutputOptions {
  all?: boolean;
}

function render(s: ReannotateSummary): string {
  if (s.reannotated === 0) return `${style('up to date', 'green')}: every stored article has annotations of version ${s.version}`;
  return `${style('re-annotated', 'green')} ${s.reannotated} (now version ${s.version})   ${style('newly dated', 'cyan')} ${s.redated}   ${style('moved to another event', 'cyan')} ${s.moved}`;
}

export function register(program: Command): void {
  program
    .command('reannotate')
    .description(
      're-run entity, date, quote and number extraction on stored articles annotated by an older version (after an upgrade), and let clustering reconsider them',
    )
    .option('--db <file>', 'database file (default $STORYLINE_DB or ./storyline.db)')
    .option('--all', 're-annotate every stored article, not only stale ones')
    .option('--json', 'print the summary as JSON')
    .action((opts: ReannotateCliOptions) => {
      const summary = withDb(opts, (db) => {
        const bar = progressBar('reannotate');
        try {
          return reannotateStored(db, { all: Boolean(opts.all), onProgress: (d, t) => bar.update(d, t) });
        } finally {
          bar.end();
        }
      });
      output(summary, opts, render);
    });
}

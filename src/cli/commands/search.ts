import type { Command } from 'commander';
import { searchArticles } from '../../store/articles.js';
import { CliError, type DbOptions, ExitCode, type OutputOptions, output, style, withDb } from '../context.js';

export function register(program: Command): void {
  program
    .command('search')
    .description('full-text search over article titles and texts')
    .argument('<query...>', 'words to search for (all must match)')
    .option('--db <file>', 'database file (default $STORYLINE_DB or ./storyline.db)')
    .option('--limit <n>', 'most results to show', '20')
    .option('--json', 'print as JSON')
    .action((words: string[], opts: DbOptions & OutputOptions & { limit: string }) => {
      const limit = Number.parseInt(opts.limit, 10);
      if (!(limit > 0)) throw new CliError(`--limit must be a positive integer, got "${opts.limit}"`, ExitCode.usage);
      const hits = withDb(opts, (db) => searchArticles(db, words.join(' '), limit));
      output(hits, opts, (hs) =>
        hs.length === 0
          ? 'no matches'
          : hs
              .map((h) => `${style(h.id, 'cyan')}  ${style(h.title, 'bold')} ${style(`(${h.outlet ?? 'unknown outlet'})`, 'dim')}\n    ${h.snippet}`)
              .join('\n'),
      );
      if (hits.length === 0) process.exitCode = ExitCode.notFound;
    });
}

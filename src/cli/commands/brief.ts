import type { Command } from 'commander';
import { type BriefFormat, CompareNotFoundError, compareForStory, renderBrief } from '../../compare/index.js';
import { CliError, type DbOptions, ExitCode, withDb } from '../context.js';

const FORMATS: readonly BriefFormat[] = ['md', 'html', 'json'];

export function register(program: Command): void {
  program
    .command('brief')
    .description('a cited brief of a storyline or event: what happened, key numbers, who said what, where sources differ, timeline, coverage')
    .argument('<id>', 'storyline or event id')
    .option('--db <file>', 'database file (default $STORYLINE_DB or ./storyline.db)')
    .option('--since <time>', 'only what was published after this ISO time')
    .option('--format <format>', 'md, html or json', 'md')
    .action(async (id: string, opts: DbOptions & { since?: string; format: string }) => {
      if (!FORMATS.includes(opts.format as BriefFormat)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}`, ExitCode.usage);
      if (opts.since && Number.isNaN(Date.parse(opts.since))) throw new CliError(`--since is not a date/time: ${opts.since}`, ExitCode.usage);
      const text = await withDb(opts, async (db) => {
        try {
          return renderBrief((await compareForStory(db, id, { since: opts.since ?? null })).brief, opts.format as BriefFormat);
        } catch (err) {
          if (err instanceof CompareNotFoundError) throw new CliError(err.message, ExitCode.notFound, { cause: err });
          throw err;
        }
      });
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    });
}

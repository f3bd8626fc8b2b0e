import type { Command } from 'commander';
import { AbstractiveError, addAbstractiveSummary, type BriefFormat, compareSnapshot, llmConfigFromEnv, renderBrief } from '../../compare/index.js';
import { CliError, type DbOptions, ExitCode, withDb } from '../context.js';
import { compareSnapshotOrNotFound } from './compare-snapshot.js';

const FORMATS: readonly BriefFormat[] = ['md', 'html', 'json'];

export function register(program: Command): void {
  program
    .command('brief')
    .description('a cited brief of a storyline or event: what happened, key numbers, who said what, where sources differ, timeline, coverage')
    .argument('<id>', 'storyline or event id')
    .option('--db <file>', 'database file (default $STORYLINE_DB or ./storyline.db)')
    .option('--since <time>', 'only what was published after this ISO time')
    .option('--format <format>', 'md, html or json', 'md')
    .option('--abstractive', 'add a generated summary through $STORYLINE_LLM_URL / $STORYLINE_LLM_MODEL (every sentence checked against its sources)')
    .action(async (id: string, opts: DbOptions & { since?: string; format: string; abstractive?: boolean }) => {
      if (!FORMATS.includes(opts.format as BriefFormat)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}`, ExitCode.usage);
      if (opts.since && Number.isNaN(Date.parse(opts.since))) throw new CliError(`--since is not a date/time: ${opts.since}`, ExitCode.usage);
      const llm = opts.abstractive ? llmConfigFromEnv() : null;
      if (opts.abstractive && !llm) throw new CliError('--abstractive needs STORYLINE_LLM_URL and STORYLINE_LLM_MODEL', ExitCode.usage);
      const snap = withDb(opts, (db) => compareSnapshotOrNotFound(db, id));
      const cmp = compareSnapshot(snap, { since: opts.since ?? null });
      let brief = cmp.brief;
      if (llm) {
        try {
          brief = (await addAbstractiveSummary(brief, cmp.input, llm)).brief;
        } catch (err) {
          if (err instanceof AbstractiveError) throw new CliError(err.message, ExitCode.failure, { cause: err });
          throw err;
        }
      }
      const text = renderBrief(brief, opts.format as BriefFormat);
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    });
}

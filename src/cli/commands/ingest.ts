import type { Command } from 'commander';
import { type IngestSummary, ingestPaths } from '../../pipeline.js';
import { CliError, type DbOptions, ExitCode, type OutputOptions, output, progressBar, style, withDb } from '../context.js';

interface IngestCliOptions extends DbOptions, OutputOptions {
  maxSize: string;
}

function renderSummary(s: IngestSummary): string {
  const lines = [
    `${style('ingested', 'green')} ${s.ingested}   ${style('already present', 'cyan')} ${s.present}   ${style('skipped', s.skipped ? 'yellow' : 'dim')} ${s.skipped}`,
  ];
  for (const e of s.entries.filter((x) => x.status === 'skipped')) {
    lines.push(`  skipped ${e.location}${e.record ? `#${e.record}` : ''}: ${e.reason}`);
  }
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('ingest article files and folders (.txt .md .html .json .jsonl, optionally .gz) into the database')
    .argument('<paths...>', 'files or folders (folders are read recursively)')
    .option('--db <file>', 'database file (default $STORYLINE_DB or ./storyline.db)')
    .option('--max-size <mb>', 'skip files larger than this many megabytes', '20')
    .option('--json', 'print the full per-input log as JSON')
    .action((paths: string[], opts: IngestCliOptions) => {
      const mb = Number(opts.maxSize);
      if (!Number.isFinite(mb) || mb <= 0) throw new CliError(`--max-size must be a positive number of megabytes, got "${opts.maxSize}"`, ExitCode.usage);
      const summary = withDb(opts, (db) => {
        const bar = progressBar('ingest');
        try {
          return ingestPaths(db, paths, { maxBytes: Math.round(mb * 1024 * 1024), onProgress: (d, t) => bar.update(d, t) });
        } finally {
          bar.end();
        }
      });
      output(summary, opts, renderSummary);
      if (summary.skipped > 0) process.exitCode = ExitCode.partial;
    });
}

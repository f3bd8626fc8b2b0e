import { join } from 'node:path';
import type { Command } from 'commander';
import { listStories } from '../../cluster/index.js';
import { packageRoot } from '../../internal/package-root.js';
import { ingestPaths } from '../../pipeline.js';
import { resolveDbPath } from '../../store/db.js';
import { type DbOptions, type OutputOptions, output, progressBar, style, withDb } from '../context.js';

/** Folder of the bundled, invented demo articles. */
export function demoCorpusPath(): string {
  return join(packageRoot(), 'demo', 'corpus', 'articles');
}

export function register(program: Command): void {
  program
    .command('demo')
    .description('ingest the bundled demo corpus (invented articles) and print the stories it forms')
    .option('--db <file>', 'database file (default $STORYLINE_DB or ./storyline.db)')
    .option('--json', 'print as JSON')
    .action((opts: DbOptions & OutputOptions) => {
      const dbPath = resolveDbPath(opts.db);
      const result = withDb(opts, (db) => {
        const bar = progressBar('demo');
        const summary = ingestPaths(db, [demoCorpusPath()], { onProgress: (d, t) => bar.update(d, t) });
        bar.end();
        return { database: dbPath, ingested: summary.ingested, present: summary.present, skipped: summary.skipped, stories: listStories(db) };
      });
      output(result, opts, (r) => {
        const lines = [
          `Storyline demo — invented articles from ${demoCorpusPath()}`,
          `database ${r.database}: ${r.ingested} new, ${r.present} already present, ${r.skipped} skipped`,
          '',
        ];
        for (const s of r.stories) {
          lines.push(`${style(s.title, 'bold')}  ${style(s.id, 'cyan')}`);
          for (const e of s.events)
            lines.push(`  • ${e.title}${e.date ? ` (${e.date.slice(0, 10)})` : ''} — ${e.articles.length} article(s)  ${style(e.id, 'dim')}`);
          lines.push('');
        }
        lines.push('Next: storyline story <id> · storyline search <words> · storyline export > dump.json');
        return lines.join('\n');
      });
    });
}

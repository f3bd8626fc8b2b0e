import type { Command } from 'commander';
import { getStory, listStories, type StorySummary } from '../../cluster/index.js';
import { listArticles } from '../../store/articles.js';
import { CliError, type DbOptions, ExitCode, type OutputOptions, output, style, withDb } from '../context.js';

type Opts = DbOptions & OutputOptions;

function renderList(stories: StorySummary[]): string {
  if (stories.length === 0) return 'no stories yet: run `storyline ingest <paths>` first';
  return stories
    .map((s) => `${style(s.id, 'cyan')}  ${style(s.title, 'bold')}\n    ${s.events.length} event(s), ${s.articles.length} article(s), updated ${s.updated}`)
    .join('\n');
}

export function register(program: Command): void {
  program
    .command('stories')
    .description('list storylines, most recently updated first')
    .option('--db <file>', 'database file (default $STORYLINE_DB or ./storyline.db)')
    .option('--json', 'print as JSON')
    .action((opts: Opts) => {
      output(withDb(opts, listStories), opts, renderList);
    });

  program
    .command('story')
    .description('show one storyline: its events and articles')
    .argument('<id>', 'storyline id (from `storyline stories`)')
    .option('--db <file>', 'database file (default $STORYLINE_DB or ./storyline.db)')
    .option('--json', 'print as JSON')
    .action((id: string, opts: Opts) => {
      const data = withDb(opts, (db) => {
        const story = getStory(db, id);
        if (!story) throw new CliError(`no storyline with id "${id}"`, ExitCode.notFound);
        const articles = new Map(listArticles(db, story.articles).map((a) => [a.id, a]));
        return {
          ...story,
          events: story.events.map((e) => ({
            ...e,
            articles: e.articles
              .map((aid) => articles.get(aid))
              .filter((a) => a !== undefined)
              .map(({ text: _t, paragraphs: _p, ...rest }) => rest),
          })),
        };
      });
      output(data, opts, (s) => {
        const lines = [style(s.title, 'bold'), `${s.id} · ${s.events.length} event(s)`, ''];
        for (const e of s.events) {
          lines.push(`${style(e.title, 'bold')}  ${style(e.id, 'cyan')}${e.date ? `  ${e.date}` : ''}`);
          for (const a of e.articles)
            lines.push(`  - ${a.title} ${style(`(${a.outlet ?? 'unknown outlet'}${a.published ? `, ${a.published}` : ''})`, 'dim')}  ${a.id}`);
          lines.push('');
        }
        return lines.join('\n');
      });
    });
}

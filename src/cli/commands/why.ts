import type { Command } from 'commander';
import { explainArticle, type Why } from '../../cluster/index.js';
import { CliError, type DbOptions, ExitCode, type OutputOptions, output, style, withDb } from '../context.js';

type Opts = DbOptions & OutputOptions;

function render(w: Why): string {
  const e = w.explanation;
  const p = e.parts;
  const lines = [
    `${style(w.article.title, 'bold')}  ${style(w.article.id, 'dim')}`,
    `  event     ${style(w.event.id, 'cyan')}  ${w.event.title}${w.event.date ? `  (${w.event.date})` : ''}`,
    `  storyline ${style(w.story.id, 'cyan')}  ${w.story.title}`,
    '',
    e.rule.startsWith('new event')
      ? 'first article of its event (no score when placed)'
      : `score ${e.score.toFixed(3)} (threshold ${e.threshold}) = text ${p.text.toFixed(3)} · names ${p.entities.toFixed(3)} · numbers ${p.numbers.toFixed(3)} · date ${p.date >= 0 ? '+' : ''}${p.date.toFixed(3)}`,
    `rule: ${e.rule}`,
    `shared terms:    ${e.sharedTerms.join(', ') || '—'}`,
    `shared names:    ${e.sharedEntities.join(', ') || '—'}`,
    `shared numbers:  ${e.sharedNumbers.join(', ') || '—'}`,
    `dates:           article ${e.dates.article ?? 'unknown'}; event ${e.dates.event.join(', ') || 'unknown'}${e.dates.gapDays === null ? '' : `; gap ${e.dates.gapDays} day(s)`}`,
  ];
  if (w.now) {
    lines.push(
      `now, against the rest of the event: score ${w.now.score.toFixed(3)}; shared ${[...w.now.sharedTerms.slice(0, 5), ...w.now.sharedEntities.slice(0, 3), ...w.now.sharedNumbers.slice(0, 2)].join(', ') || '—'}`,
    );
  }
  if (e.alternatives.length) lines.push(`next best:       ${e.alternatives.map((a) => `${a.eventId} (${a.score.toFixed(3)})`).join(', ')}`);
  for (const d of w.decisions) lines.push(style(`decision #${d.id} ${d.origin} ${d.action} at ${d.at}${d.note ? ` — ${d.note}` : ''}`, 'yellow'));
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('why')
    .description('explain why an article is in its event: score, shared terms, names, numbers and dates')
    .argument('<article>', 'article id (from `storyline story <id>`)')
    .option('--db <file>', 'database file (default $STORYLINE_DB or ./storyline.db)')
    .option('--json', 'print as JSON')
    .action((article: string, opts: Opts) => {
      const data = withDb(opts, (db) => explainArticle(db, article));
      if (!data) throw new CliError(`no clustered article with id "${article}"`, ExitCode.notFound);
      output(data, opts, render);
    });
}

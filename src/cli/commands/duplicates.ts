import type { Database } from 'better-sqlite3';
import type { Command } from 'commander';
import { getStory } from '../../cluster/index.js';
import { independenceGroups, listDuplicates, type ProvenanceGroup, provenanceGraph } from '../../dedup/index.js';
import { getArticle } from '../../store/articles.js';
import { CliError, type DbOptions, ExitCode, type OutputOptions, output, style, withDb } from '../context.js';

type Opts = DbOptions & OutputOptions & { story?: string };

interface ArticleRef {
  readonly id: string;
  readonly title: string;
  readonly outlet: string | null;
  readonly published: string | null;
}

export interface DuplicatesReport {
  readonly story: string | null;
  /** Articles considered. */
  readonly articles: number;
  /** Independent sources among them (independence groups), the number to show instead of `articles`. */
  readonly sources: number;
  readonly duplicates: { a: string; b: string; kind: string; score: number; origin: string | null }[];
  /** Provenance of every group with more than one member. */
  readonly groups: ProvenanceGroup[];
  readonly titles: Record<string, ArticleRef>;
}

function report(db: Database, storyId: string | undefined): DuplicatesReport {
  let ids: string[];
  if (storyId) {
    const story = getStory(db, storyId);
    if (!story) throw new CliError(`no storyline with id "${storyId}"`, ExitCode.notFound);
    ids = [...new Set(story.articles)];
  } else {
    ids = db.prepare('SELECT id FROM articles ORDER BY seq').pluck().all() as string[];
  }
  const duplicates = listDuplicates(db, storyId ? ids : undefined).map(({ a, b, kind, score, origin }) => ({ a, b, kind, score, origin }));
  const linked = [...new Set(duplicates.flatMap((d) => [d.a, d.b]))];
  const groups = provenanceGraph(db, linked).filter((g) => g.members.length > 1);
  const titles: Record<string, ArticleRef> = {};
  for (const id of new Set(groups.flatMap((g) => g.members.map((m) => m.id)))) {
    const a = getArticle(db, id);
    if (a) titles[id] = { id, title: a.title, outlet: a.outlet, published: a.published };
  }
  return { story: storyId ?? null, articles: ids.length, sources: independenceGroups(db, ids).length, duplicates, groups, titles };
}

function label(r: DuplicatesReport, id: string): string {
  const a = r.titles[id];
  if (!a) return id;
  const meta = [a.outlet ?? 'unknown outlet', a.published].filter(Boolean).join(', ');
  return `${a.title} ${style(`(${meta})`, 'dim')} ${style(id, 'cyan')}`;
}

function render(r: DuplicatesReport): string {
  const lines = [`${r.articles} article(s), ${r.sources} independent source(s), ${r.duplicates.length} derivation link(s)`];
  if (r.groups.length === 0) {
    lines.push('no copies, rewrites or partial copies found');
    return lines.join('\n');
  }
  for (const g of r.groups) {
    lines.push('', `${style('origin', 'bold')}  ${label(r, g.origin)}`);
    for (const m of g.members) {
      if (!m.kind || !m.of) continue;
      const parent = m.of === g.origin ? '' : ` of ${m.of}`;
      lines.push(`  ${style(m.kind.padEnd(7), 'yellow')} ${(m.score ?? 0).toFixed(2)}${parent}  ${label(r, m.id)}`);
      if (m.evidence) lines.push(`          ${style(m.evidence.rule, 'dim')}`);
    }
  }
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('duplicates')
    .description('show who copied whom: exact copies, near-copies, partial copies and rewrites, grouped by origin')
    .option('--story <id>', 'only the articles of one storyline')
    .option('--db <file>', 'database file (default $STORYLINE_DB or ./storyline.db)')
    .option('--json', 'print as JSON')
    .action((opts: Opts) => {
      output(
        withDb(opts, (db) => report(db, opts.story)),
        opts,
        render,
      );
    });
}

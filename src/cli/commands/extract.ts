import type { Command } from 'commander';
import { CleanError, clean } from '../../clean/index.js';
import { readFile } from '../../ingest/read.js';
import type { CleanedArticle } from '../../types.js';
import { CliError, ExitCode, type OutputOptions, output, style } from '../context.js';

/** The `--json` shape: the issue's fields, then the audit extras. */
interface ExtractJson {
  title: string;
  text: string;
  byline: string | null;
  published: string | null;
  modified: string | null;
  siteName: string | null;
  url: string | null;
  language: string | null;
  isArticle: boolean;
  notArticleReason: string | null;
  removed: CleanedArticle['removed'];
  fieldSources: CleanedArticle['fieldSources'];
  fallbacks: string[];
}

function toJson(a: CleanedArticle): ExtractJson {
  return {
    title: a.title,
    text: a.text,
    byline: a.byline,
    published: a.published,
    modified: a.modified,
    siteName: a.siteName,
    url: a.url,
    language: a.language,
    isArticle: a.isArticle,
    notArticleReason: a.notArticleReason,
    removed: a.removed,
    fieldSources: a.fieldSources,
    fallbacks: a.fallbacks,
  };
}

/** Longest removed-block text shown in the text rendering. */
const SHOWN_REMOVED_CHARS = 160;

function render(a: ExtractJson): string {
  const lines: string[] = [];
  lines.push(style(a.title || '(untitled)', 'bold'));
  const field = (name: string, value: string | null, key: string) =>
    lines.push(`${style(name.padEnd(10), 'dim')} ${value ?? '—'}${value && a.fieldSources[key] ? style(`  (${a.fieldSources[key]})`, 'dim') : ''}`);
  field('byline', a.byline, 'byline');
  field('published', a.published, 'published');
  field('modified', a.modified, 'modified');
  field('site', a.siteName, 'siteName');
  field('url', a.url, 'url');
  field('language', a.language, 'language');
  lines.push(`${style('article'.padEnd(10), 'dim')} ${a.isArticle ? 'yes' : style(`no — ${a.notArticleReason ?? ''}`, 'yellow')}`);
  for (const f of a.fallbacks) lines.push(`${style('fallback'.padEnd(10), 'dim')} ${f}`);
  lines.push('', a.text || style('(no article text)', 'dim'), '');
  lines.push(style(`Removed (${a.removed.length})`, 'bold'));
  for (const r of a.removed) {
    const t = r.text.length > SHOWN_REMOVED_CHARS ? `${r.text.slice(0, SHOWN_REMOVED_CHARS)}…` : r.text;
    lines.push(`  ${style(`[${r.rule}]`, 'cyan')} ${t}`, `    ${style(r.reason, 'dim')}`);
  }
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('extract')
    .description('extract the article from one HTML or text file: title, text, metadata and every removed block with its reason (no database)')
    .argument('<file>', 'an .html/.htm(.gz), .txt, .md or .json file')
    .option('--url <url>', 'the page URL (resolves a relative canonical link; used when the page gives none)')
    .option('--json', 'print as JSON')
    .action((file: string, opts: OutputOptions & { url?: string }) => {
      if (opts.url) {
        try {
          new URL(opts.url);
        } catch {
          throw new CliError(`--url is not a URL: ${opts.url}`, ExitCode.usage);
        }
      }
      const [item] = readFile(file);
      if (!item) throw new CliError(`${file}: no article record`, ExitCode.failure);
      if (!item.ok) throw new CliError(item.error.message, item.error.code === 'unreadable' ? ExitCode.notFound : ExitCode.failure, { cause: item.error });
      const input = opts.url ? { ...item.input, meta: { ...item.input.meta, url: opts.url } } : item.input;
      let article: CleanedArticle;
      try {
        article = clean(input);
      } catch (err) {
        if (err instanceof CleanError) throw new CliError(`${file}: ${err.message}`, ExitCode.failure, { cause: err });
        throw err;
      }
      output(toJson(article), opts, render);
    });
}

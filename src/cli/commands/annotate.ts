import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { annotate } from '../../extract/index.js';
import type { Annotations } from '../../extract/types.js';
import { CliError, ExitCode, type OutputOptions, output, style } from '../context.js';

function render(a: Annotations): string {
  const lines: string[] = [];
  const ip = a.inferredPublished;
  lines.push(style('Published (inferred)', 'bold'), ip ? `  ${ip.value}  confidence ${ip.confidence}\n    ${ip.evidence.join('\n    ')}` : '  (none)');
  lines.push(style('Entities', 'bold'));
  for (const e of a.entities)
    lines.push(
      `  ${style(e.type.padEnd(6), 'cyan')} ${e.name} ×${e.mentions.length}${e.aliases.length ? style(` aka ${e.aliases.join(', ')}`, 'dim') : ''}${e.descriptors.length ? ` — ${e.descriptors.join('; ')}` : ''}`,
    );
  lines.push(style('Dates', 'bold'));
  for (const d of a.dates) lines.push(`  "${d.text}" → ${d.value ?? '?'} (${d.kind}, ${d.tense})`);
  lines.push(style('Quotes', 'bold'));
  for (const q of a.quotes)
    lines.push(
      `  [${q.type}] ${q.speaker.name ?? 'unknown'} (${q.speaker.kind}) ${q.cue ?? ''}: "${q.text.length > 100 ? `${q.text.slice(0, 100)}…` : q.text}"`,
    );
  lines.push(style('Numbers', 'bold'));
  for (const n of a.numbers) lines.push(`  ${n.raw} = ${n.value}${n.unit ? ` ${n.unit}` : ''}${n.noun ? ` — ${n.noun}` : ''}`);
  if (a.fallbacks.length) lines.push(style('Fallbacks', 'bold'), ...a.fallbacks.map((f) => `  ${f}`));
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('annotate')
    .description('extract entities, dates, quotes and numbers from a text file (no database)')
    .argument('<file>', 'plain-text article (first line is taken as the title)')
    .option('--published <date>', 'publication date, if known (ISO)')
    .option('--reference <date>', 'reference date for year-less expressions when no date is found (default today)')
    .option('--json', 'print as JSON')
    .action((file: string, opts: OutputOptions & { published?: string; reference?: string }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (cause) {
        throw new CliError(`cannot read ${file}`, ExitCode.notFound, { cause });
      }
      if (opts.published && Number.isNaN(Date.parse(opts.published))) throw new CliError(`--published is not a date: ${opts.published}`, ExitCode.usage);
      const title =
        text
          .split('\n')
          .find((l) => l.trim())
          ?.trim() ?? '';
      const ann = annotate(
        { title, text, published: opts.published ?? null, language: null },
        opts.reference ? { reference: { date: opts.reference, source: 'flag' } } : {},
      );
      output(ann, opts, render);
    });
}

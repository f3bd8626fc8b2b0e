import type { Command } from 'commander';
import { compareSnapshot, type Ledger } from '../../compare/index.js';
import { type DbOptions, type OutputOptions, output, style, withDb } from '../context.js';
import { compareSnapshotOrNotFound } from './compare-snapshot.js';

function render(ledger: Ledger): string {
  const byId = new Map(ledger.claims.map((c) => [c.id, c]));
  const lines: string[] = [];
  for (const slot of ledger.slots) {
    lines.push(`${style(slot.label, 'bold')}  ${style(slot.status, slot.status === 'agreement' ? 'green' : 'yellow')}`);
    for (const id of slot.claims) {
      const c = byId.get(id);
      if (!c) continue;
      const src = c.singleSource ? 'single source' : `${c.independentSources} independent sources`;
      const when = c.time.date ?? (c.time.prior ? 'earlier version' : 'date unknown');
      const who = c.holders.length ? ` · held by ${c.holders.join(', ')}` : '';
      const att = c.attributions.length ? ` · ${c.attributions.join(', ')}` : '';
      lines.push(`  ${c.kind === 'quote' ? `“${c.value}”` : c.value}  ${style(`${src} · first ${c.firstReported.outlet} · ${when}${who}${att}`, 'dim')}`);
    }
    for (const r of slot.relations) lines.push(style(`    ${r.kind}: ${r.reason}`, 'dim'));
  }
  return lines.length ? lines.join('\n') : 'no claims found';
}

export function register(program: Command): void {
  program
    .command('ledger')
    .description('the claim ledger of a storyline or event: each claim with its independent sources, conflicts and changes over time')
    .argument('<id>', 'storyline or event id')
    .option('--db <file>', 'database file (default $STORYLINE_DB or ./storyline.db)')
    .option('--json', 'print as JSON')
    .action((id: string, opts: DbOptions & OutputOptions) => {
      const ledger = compareSnapshot(withDb(opts, (db) => compareSnapshotOrNotFound(db, id))).ledger;
      output(ledger, opts, render);
    });
}

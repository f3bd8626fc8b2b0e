/** The why/merge/split/move CLI commands against a database file, text and --json output, errors. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Command } from 'commander';
import { register as registerMerge } from '../../src/cli/commands/merge.js';
import { register as registerMove } from '../../src/cli/commands/move.js';
import { register as registerSplit } from '../../src/cli/commands/split.js';
import { register as registerWhy } from '../../src/cli/commands/why.js';
import { CliError, ExitCode } from '../../src/cli/context.js';
import { createClusterer, storyOfArticle } from '../../src/cluster/index.js';
import { storeBare } from '../../src/cluster/internal/streams.js';
import { openDatabase } from '../../src/store/db.js';
import { FIXTURES } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-cluster-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function makeDb(name: string): string {
  const file = join(dir, name);
  const db = openDatabase(file);
  const c = createClusterer(db);
  for (const f of FIXTURES) db.transaction(() => c.assign(storeBare(db, { id: f.id, title: f.title, text: f.text, lang: f.lang, published: f.published })))();
  db.close();
  return file;
}

async function run(args: string[]): Promise<string> {
  const program = new Command('storyline').exitOverride();
  for (const r of [registerWhy, registerMerge, registerSplit, registerMove]) r(program);
  for (const c of program.commands) c.exitOverride();
  let out = '';
  const orig = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((s: string) => {
    out += s;
    return true;
  }) as typeof process.stdout.write;
  try {
    await program.parseAsync(['node', 'storyline', ...args]);
  } finally {
    process.stdout.write = orig;
  }
  return out;
}

function placeIn(file: string, article: string) {
  const db = openDatabase(file);
  try {
    return storyOfArticle(db, article)!;
  } finally {
    db.close();
  }
}

describe('storyline why', () => {
  const file = makeDb('why.db');
  it('prints the score and shared evidence as text', async () => {
    const text = await run(['why', 'aferry2', '--db', file]);
    assert.match(text, /score \d\.\d{3}/);
    assert.match(text, /shared terms: +\S/);
    assert.match(text, /event +ev_/);
  });
  it('prints JSON with --json', async () => {
    const data = JSON.parse(await run(['why', 'aferry2', '--db', file, '--json'])) as {
      explanation: { score: number; sharedTerms: string[] };
      now: { score: number } | null;
    };
    assert.ok(data.explanation.score > 0);
    assert.ok(data.explanation.sharedTerms.length > 0);
    assert.ok(data.now && data.now.score > 0, 'scored against the rest of its event now');
  });
  it('the first article of an event gets a current score too', async () => {
    const data = JSON.parse(await run(['why', 'aferry1', '--db', file, '--json'])) as { explanation: { rule: string }; now: { score: number } | null };
    assert.match(data.explanation.rule, /^new event/);
    assert.ok(data.now && data.now.score > 0);
  });
  it('unknown article is a not-found CLI error', async () => {
    await assert.rejects(run(['why', 'anope', '--db', file]), (e: unknown) => e instanceof CliError && e.exitCode === ExitCode.notFound);
  });
});

describe('storyline merge / split / move', () => {
  it('split then merge back, with JSON results naming the decision', async () => {
    const file = makeDb('edit.db');
    const ev = placeIn(file, 'aferry1').eventId;
    const split = JSON.parse(await run(['split', ev, 'aferry3', '--db', file, '--json', '--note', 'follow-up piece'])) as {
      decision: number;
      ids: { newEvent: string };
    };
    assert.ok(split.decision > 0);
    assert.equal(placeIn(file, 'aferry3').eventId, split.ids.newEvent);
    const merged = await run(['merge', ev, split.ids.newEvent, '--db', file]);
    assert.match(merged, /merge-events done \(decision #\d+/);
    assert.equal(placeIn(file, 'aferry3').eventId, ev);
  });
  it('move an article and get usage errors for impossible moves', async () => {
    const file = makeDb('move.db');
    const target = placeIn(file, 'achess1').eventId;
    await run(['move', 'aflood1', target, '--db', file, '--json']);
    assert.equal(placeIn(file, 'aflood1').eventId, target);
    await assert.rejects(run(['move', 'aflood1', target, '--db', file]), (e: unknown) => e instanceof CliError && e.exitCode === ExitCode.usage);
    await assert.rejects(run(['merge', target, 'ev_missing', '--db', file]), (e: unknown) => e instanceof CliError && e.exitCode === ExitCode.notFound);
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Command } from 'commander';
import { register } from '../../src/cli/commands/annotate.js';

async function run(args: string[]): Promise<string> {
  const program = new Command().name('storyline').exitOverride();
  register(program);
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    await program.parseAsync(['node', 'storyline', ...args]);
  } finally {
    process.stdout.write = write;
  }
  return out;
}

test('storyline annotate prints text and JSON', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-annotate-'));
  const file = join(dir, 'a.txt');
  writeFileSync(file, 'Talks resume\n\nKremlin spokesman Dmitry Peskov said on Tuesday that the 28-point plan “needs work,” according to reporters.');
  const text = await run(['annotate', file, '--published', '2025-12-03']);
  assert.match(text, /Dmitry Peskov/);
  assert.match(text, /Kremlin spokesman/);
  assert.match(text, /2025-12-02/);
  const json = JSON.parse(await run(['annotate', file, '--published', '2025-12-03', '--json'])) as {
    quotes: { speaker: { name: string } }[];
    numbers: { unit: string }[];
  };
  assert.ok(json.quotes.some((q) => q.speaker.name === 'Dmitry Peskov'));
  assert.ok(json.numbers.some((n) => n.unit === 'point'));
  await assert.rejects(run(['annotate', join(dir, 'missing.txt')]), /cannot read/);
});

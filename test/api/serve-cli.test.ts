import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Command } from 'commander';
import { register } from '../../src/cli/commands/serve.js';
import { CliError, ExitCode } from '../../src/cli/context.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-serve-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function program(): Command {
  const p = new Command('storyline').exitOverride();
  register(p);
  for (const c of p.commands) c.exitOverride();
  return p;
}

const bad = [
  { args: ['--port', '70000'], message: /--port must be an integer/ },
  { args: ['--port', 'http'], message: /--port must be an integer/ },
  { args: ['--port', '-1'], message: /--port must be an integer/ },
  { args: ['--port', '0', '--host', '203.0.113.77'], message: /cannot listen on 203\.0\.113\.77/ },
];

for (const c of bad) {
  test(`serve ${c.args.join(' ')} fails with a clear error`, async () => {
    await assert.rejects(program().parseAsync(['node', 'storyline', 'serve', '--db', join(dir, 'x.db'), ...c.args]), (err: unknown) => {
      assert.ok(err instanceof CliError);
      assert.match(err.message, c.message);
      assert.ok(err.exitCode === ExitCode.usage || err.exitCode === ExitCode.failure);
      return true;
    });
  });
}

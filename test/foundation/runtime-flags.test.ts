/** Storyline's processes run with the shipped V8 flags: bin/storyline relaunches itself with them, npm scripts pass them. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../../src/internal/package-root.js';
import { NO_RELAUNCH_ENV, SHIPPED_V8_FLAGS } from '../../src/internal/runtime-flags.js';

const root = packageRoot();
const flagsModule = JSON.stringify(resolve(root, 'src/internal/runtime-flags.ts'));

test('bin/storyline has a plain node shebang (BusyBox env has no -S) and relaunches through runtime-flags', () => {
  const bin = readFileSync(resolve(root, 'bin/storyline'), 'utf8');
  assert.equal(bin.split('\n')[0], '#!/usr/bin/env node');
  assert.match(bin, /relaunchWithShippedFlags\(/);
});

test('npm start and npm run bench:cluster pass the shipped flags', () => {
  const scripts = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  for (const name of ['start', 'bench:cluster']) {
    const words = (scripts[name] ?? '').split(/\s+/);
    for (const flag of SHIPPED_V8_FLAGS) assert.ok(words.includes(flag), `${name}: ${scripts[name]} lacks ${flag}`);
  }
});

test('runsWithShippedFlags sees the flags on the command line and in NODE_OPTIONS, and their absence', () => {
  const probe = `import { runsWithShippedFlags } from ${flagsModule}; console.log(runsWithShippedFlags());`;
  const run = (args: string[], env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, [...args, '--import', 'tsx', '--input-type=module', '-e', probe], { env: { ...process.env, ...env }, encoding: 'utf8' });
  assert.equal(run([...SHIPPED_V8_FLAGS], { NODE_OPTIONS: '' }).stdout.trim(), 'true');
  assert.equal(run([], { NODE_OPTIONS: SHIPPED_V8_FLAGS.join(' ') }).stdout.trim(), 'true');
  assert.equal(run([], { NODE_OPTIONS: '' }).stdout.trim(), 'false');
});

test('a script relaunched with the flags gets its arguments, and its exit code comes back; opting out runs it in place', () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-relaunch-'));
  try {
    const script = join(dir, 'script.mjs');
    writeFileSync(
      script,
      `import { relaunchWithShippedFlags } from ${flagsModule};
if (!(await relaunchWithShippedFlags(${JSON.stringify(script)}))) {
  console.log(JSON.stringify({ execArgv: process.execArgv, args: process.argv.slice(2) }));
  process.exit(7);
}`,
    );
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ['--import', 'tsx', script, 'a b', '--c'], { env: { ...process.env, NODE_OPTIONS: '', ...env }, encoding: 'utf8' });
    const relaunched = run({});
    assert.equal(relaunched.status, 7, relaunched.stderr);
    const seen = JSON.parse(relaunched.stdout) as { execArgv: string[]; args: string[] };
    for (const flag of SHIPPED_V8_FLAGS) assert.ok(seen.execArgv.includes(flag), `relaunched with ${seen.execArgv.join(' ')}`);
    assert.deepEqual(seen.args, ['a b', '--c']);
    const inPlace = run({ [NO_RELAUNCH_ENV]: '1' });
    assert.equal(inPlace.status, 7);
    const here = JSON.parse(inPlace.stdout) as { execArgv: string[] };
    for (const flag of SHIPPED_V8_FLAGS) assert.ok(!here.execArgv.includes(flag), 'ran in the starting process');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The V8 flags Storyline ships with are the same in bin/storyline's shebang and in the npm scripts that start Node. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../../src/internal/package-root.js';
import { SHIPPED_V8_FLAGS } from '../../src/internal/runtime-flags.js';

const root = packageRoot();

test('bin/storyline starts Node with the shipped flags', () => {
  const shebang = readFileSync(resolve(root, 'bin/storyline'), 'utf8').split('\n')[0] ?? '';
  assert.match(shebang, /^#!\/usr\/bin\/env -S node( |$)/);
  assert.deepEqual(shebang.split(/\s+/).slice(3), [...SHIPPED_V8_FLAGS]);
});

test('npm start and npm run bench:cluster pass the same flags', () => {
  const scripts = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  for (const name of ['start', 'bench:cluster']) {
    const words = (scripts[name] ?? '').split(/\s+/);
    for (const flag of SHIPPED_V8_FLAGS) assert.ok(words.includes(flag), `${name}: ${scripts[name]} lacks ${flag}`);
  }
});

test('runsWithShippedFlags sees the flags on the command line and in NODE_OPTIONS, and their absence', () => {
  const probe = `import { runsWithShippedFlags } from ${JSON.stringify(resolve(root, 'src/internal/runtime-flags.ts'))}; console.log(runsWithShippedFlags());`;
  const tsx = ['--import', 'tsx', '--input-type=module', '-e', probe];
  const run = (args: string[], env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [...args, ...tsx], { env: { ...process.env, ...env }, encoding: 'utf8' });
  assert.equal(run([...SHIPPED_V8_FLAGS], { NODE_OPTIONS: '' }).stdout.trim(), 'true');
  assert.equal(run([], { NODE_OPTIONS: SHIPPED_V8_FLAGS.join(' ') }).stdout.trim(), 'true');
  assert.equal(run([], { NODE_OPTIONS: '' }).stdout.trim(), 'false');
});

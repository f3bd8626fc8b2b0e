import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { Command } from 'commander';
import { register } from '../../src/cli/commands/extract.js';
import { articleBody, PROSE, page } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'storyline-extract-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `storyline extract …` in-process and returns what it printed. */
async function run(args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  register(program);
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((s: string) => {
    chunks.push(String(s));
    return true;
  }) as typeof process.stdout.write;
  try {
    await program.parseAsync(['node', 'storyline', 'extract', ...args]);
  } finally {
    process.stdout.write = write;
  }
  return chunks.join('');
}

describe('storyline extract', () => {
  const html = path.join(dir, 'page.html');
  writeFileSync(
    html,
    page(
      '<meta property="og:title" content="Night buses"><link rel="canonical" href="/news/night-buses">',
      `<nav><a href="/">Home</a> <a href="/x">World</a></nav>${articleBody('en')}`,
    ),
  );
  const txt = path.join(dir, 'story.txt');
  writeFileSync(txt, `Night buses reach the north\n${PROSE.en.join('\n')}\nFollow us on:\n`);

  it('--json prints the issue fields', async () => {
    const out = JSON.parse(await run([html, '--json', '--url', 'https://news.example.org/x']));
    for (const k of ['title', 'text', 'byline', 'published', 'modified', 'siteName', 'url', 'language', 'isArticle', 'removed']) assert.ok(k in out, k);
    assert.equal(out.title, 'Night buses');
    assert.equal(out.url, 'https://news.example.org/news/night-buses');
    assert.ok(out.text.includes(PROSE.en[0]));
    assert.ok(Array.isArray(out.removed) && out.removed.every((r: { rule: string; reason: string }) => r.rule && r.reason));
  });
  it('text output shows the title, text and removed blocks with reasons', async () => {
    const out = await run([txt]);
    assert.ok(out.startsWith('Night buses reach the north'));
    assert.ok(out.includes(PROSE.en[1]));
    assert.match(out, /Removed \(1\)\n {2}\[promo-line\] Follow us on:\n {4}\S/);
  });
  it('a missing file is a CliError', async () => {
    await assert.rejects(run([path.join(dir, 'nope.html')]), (e: Error) => e.name === 'CliError');
  });
  it('a bad --url is a usage error', async () => {
    await assert.rejects(run([html, '--url', 'not a url']), (e: Error) => e.name === 'CliError' && /--url/.test(e.message));
  });
});

/** The brief, ledger and timeline commands on the demo corpus, through a commander program of their own. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Command } from 'commander';
import { register as brief } from '../../src/cli/commands/brief.js';
import { register as ledger } from '../../src/cli/commands/ledger.js';
import { register as timeline } from '../../src/cli/commands/timeline.js';
import { CliError } from '../../src/cli/context.js';
import { listStories } from '../../src/cluster/index.js';
import { ingestPaths } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/db.js';

const root = path.resolve(import.meta.dirname, '../..');
let dir = '';
let dbFile = '';
let storyId = '';

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyline-compare-'));
  dbFile = path.join(dir, 'demo.db');
  const db = openDatabase(dbFile);
  ingestPaths(db, [path.join(root, 'demo/corpus/articles')]);
  // the storyline with the most articles
  storyId = [...listStories(db)].sort((a, b) => b.articles.length - a.articles.length)[0]?.id ?? '';
  db.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<string> {
  const program = new Command('storyline').exitOverride();
  for (const r of [brief, ledger, timeline]) r(program);
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  // the test runner reports over stdout with binary frames: pass those through, keep the command's text
  process.stdout.write = ((s: string | Uint8Array, ...rest: unknown[]) => {
    if (typeof s !== 'string') return (write as (...a: unknown[]) => boolean)(s, ...rest);
    chunks.push(s);
    return true;
  }) as typeof process.stdout.write;
  try {
    await program.parseAsync(['node', 'storyline', ...args, '--db', dbFile]);
  } finally {
    process.stdout.write = write;
  }
  return chunks.join('');
}

test('cli: brief in md, html and json; every json item cited', async () => {
  assert.ok(storyId);
  const md = await run(['brief', storyId]);
  assert.match(md, /^# /u);
  assert.match(md, /## Where sources differ/u);
  const html = await run(['brief', storyId, '--format', 'html']);
  assert.match(html, /<article class="storyline-brief">/u);
  const json = JSON.parse(await run(['brief', storyId, '--format', 'json'])) as { sections: { items: { citations: unknown[] }[] }[] };
  assert.ok(json.sections.flatMap((s) => s.items).length > 0);
  assert.ok(json.sections.every((s) => s.items.every((i) => i.citations.length > 0)));
});

test('cli: --since prints less than the full brief', async () => {
  const full = JSON.parse(await run(['brief', storyId, '--format', 'json'])) as { sections: { items: unknown[] }[] };
  const later = JSON.parse(await run(['brief', storyId, '--format', 'json', '--since', '2026-04-01'])) as { sections: { items: unknown[] }[] };
  const count = (b: { sections: { items: unknown[] }[] }) => b.sections.reduce((n, s) => n + s.items.length, 0);
  assert.ok(count(later) < count(full));
});

test('cli: ledger and timeline as JSON and text', async () => {
  const l = JSON.parse(await run(['ledger', storyId, '--json'])) as { claims: unknown[]; slots: unknown[] };
  assert.ok(l.claims.length > 0);
  assert.ok((await run(['ledger', storyId])).length > 0);
  const t = JSON.parse(await run(['timeline', storyId, '--json'])) as { entries: { kind: string }[] };
  assert.ok(t.entries.some((e) => e.kind === 'event'));
});

test('cli: an unknown id is a not-found CliError; a bad format is a usage error', async () => {
  await assert.rejects(run(['ledger', 'no-such-story']), (e: unknown) => e instanceof CliError && e.exitCode === 3);
  await assert.rejects(run(['brief', storyId, '--format', 'pdf']), (e: unknown) => e instanceof CliError && e.exitCode === 2);
});

test('cli: --abstractive adds a checked summary from the configured endpoint; invented sentences are dropped', async () => {
  // a fake OpenAI-compatible server: repeats the first numbered sentence it is given, then invents one
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const prompt = (JSON.parse(body) as { messages: { content: string }[] }).messages[1]?.content ?? '';
      const first = (prompt.split('\n')[0] ?? '').replace(/^\[1\]\s*/u, '');
      const content = `${first} [1]\nAn invented delegation from Zarnovia walked out of the talks [1].`;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const saved = { url: process.env.STORYLINE_LLM_URL, model: process.env.STORYLINE_LLM_MODEL };
  process.env.STORYLINE_LLM_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.STORYLINE_LLM_MODEL = 'fake';
  try {
    const out = JSON.parse(await run(['brief', storyId, '--format', 'json', '--abstractive'])) as { sections: { key: string; items: { text: string }[] }[] };
    const summary = out.sections.find((s) => s.key === 'summary');
    assert.equal(summary?.items.length, 1);
    assert.ok(!JSON.stringify(out).includes('Zarnovia'));
  } finally {
    if (saved.url === undefined) delete process.env.STORYLINE_LLM_URL;
    else process.env.STORYLINE_LLM_URL = saved.url;
    if (saved.model === undefined) delete process.env.STORYLINE_LLM_MODEL;
    else process.env.STORYLINE_LLM_MODEL = saved.model;
    await new Promise<void>((r) => server.close(() => r()));
  }
});

test('cli: --abstractive without an endpoint is a usage error', async () => {
  const saved = process.env.STORYLINE_LLM_URL;
  delete process.env.STORYLINE_LLM_URL;
  try {
    await assert.rejects(run(['brief', storyId, '--abstractive']), (e: unknown) => e instanceof CliError && e.exitCode === 2);
  } finally {
    if (saved !== undefined) process.env.STORYLINE_LLM_URL = saved;
  }
});

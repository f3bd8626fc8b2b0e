/** Abstractive mode against a fake OpenAI-compatible server on loopback. */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { AbstractiveError, addAbstractiveSummary, buildBrief, type LlmConfig, llmConfigFromEnv, parseCited } from '../../src/compare/index.js';
import { makeInput } from './helpers.js';

let server: Server;
let baseUrl = '';
let reply = '';
let status = 200;
const seen: { auth: string | undefined; body: { model: string; messages: { role: string; content: string }[] } }[] = [];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => {
      data += c;
    });
    req.on('end', () => resolve(data));
  });
}

before(async () => {
  server = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req));
    seen.push({ auth: req.headers.authorization, body });
    if (req.url !== '/v1/chat/completions') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: reply } }] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

const input = makeInput([
  {
    id: 'a',
    outlet: 'Alpha',
    published: '2026-03-03',
    paragraphs: [
      'Veloria tabled a 14-point plan for sharing the Sarvin River at talks in Halvenport on Tuesday.',
      '"Our farmers cannot wait for another dry summer," Adela Korvin said after the meeting.',
    ],
  },
  {
    id: 'b',
    outlet: 'Beta',
    published: '2026-04-21',
    paragraphs: ['Veloria cut its plan for the Sarvin River to a 9-point plan at the second round of talks in Halvenport.'],
  },
]);

test('abstractive: supported sentences are kept with their citations; invented or uncited ones are dropped', async () => {
  const brief = buildBrief(input);
  const config: LlmConfig = { baseUrl, model: 'fake-model', apiKey: 'sekret', timeoutMs: 5000 };
  // the sentences handed to the model are numbered in the order the brief lists them; find the ones we need
  const listed = [
    ...new Set(brief.sections.filter((s) => ['what-happened', 'key-numbers', 'who-said-what'].includes(s.key)).flatMap((s) => s.items.map((i) => i.text))),
  ];
  const n14 = listed.findIndex((t) => t.includes('14-point')) + 1;
  const n9 = listed.findIndex((t) => t.includes('9-point')) + 1;
  assert.ok(n14 > 0 && n9 > 0);
  reply = [
    `Veloria tabled a 14-point plan for the Sarvin River at talks in Halvenport [${n14}].`,
    `Veloria later cut the plan for the Sarvin River to a 9-point plan [${n9}].`,
    `Veloria tabled a 20-point plan with Norland [${n14}].`,
    'Tarsk rejected everything.',
  ].join(' ');
  const r = await addAbstractiveSummary(brief, input, config);
  const summary = r.brief.sections[0];
  assert.equal(summary?.key, 'summary');
  assert.equal(summary?.items.length, 2);
  assert.deepEqual(
    summary?.items[0]?.citations.map((c) => c.articleId),
    ['a'],
  );
  assert.deepEqual(
    summary?.items[1]?.citations.map((c) => c.articleId),
    ['b'],
  );
  assert.deepEqual(
    r.dropped.map((d) => d.why),
    ['number-missing', 'no valid citation'],
  );
  const req = seen[seen.length - 1];
  assert.equal(req?.auth, 'Bearer sekret');
  assert.equal(req?.body.model, 'fake-model');
  assert.match(req?.body.messages[1]?.content ?? '', /^\[1\] /u);
});

test('abstractive: an HTTP error becomes an AbstractiveError', async () => {
  status = 500;
  try {
    await assert.rejects(addAbstractiveSummary(buildBrief(input), input, { baseUrl, model: 'm', apiKey: null, timeoutMs: 5000 }), AbstractiveError);
  } finally {
    status = 200;
  }
});

test('abstractive: off unless URL and model are configured', () => {
  assert.equal(llmConfigFromEnv({}), null);
  assert.equal(llmConfigFromEnv({ STORYLINE_LLM_URL: 'http://127.0.0.1:1/v1' }), null);
  assert.deepEqual(llmConfigFromEnv({ STORYLINE_LLM_URL: 'http://127.0.0.1:1/v1/', STORYLINE_LLM_MODEL: 'm' }), {
    baseUrl: 'http://127.0.0.1:1/v1',
    model: 'm',
    apiKey: null,
    timeoutMs: 60000,
  });
});

test('abstractive: citation markers are parsed per sentence', () => {
  assert.deepEqual(parseCited('First thing happened [1]. Second thing [2][3].\nNo marker here.'), [
    { text: 'First thing happened.', refs: [1] },
    { text: 'Second thing.', refs: [2, 3] },
    { text: 'No marker here.', refs: [] },
  ]);
});

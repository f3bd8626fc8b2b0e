import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { notifyIngested } from '../../src/api/index.js';
import { ingestInputs } from '../../src/pipeline.js';
import { fixtureServer, TOKEN } from './fixtures.js';

/** Longest wait for an expected live message (ms). */
const WAIT_MS = 5000;

const { app, db } = fixtureServer();
after(() => app.close());

/** Opens the SSE stream and collects parsed `event:`/`data:` messages. */
async function openStream(
  port: number,
): Promise<{ messages: { event: string; data: unknown }[]; headers: Record<string, unknown>; close: () => void; next: (n: number) => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/live', headers: { accept: 'text/event-stream' } }, (res) => {
      const messages: { event: string; data: unknown }[] = [];
      const waiters: { n: number; done: () => void }[] = [];
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i = buf.indexOf('\n\n');
        while (i >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) messages.push({ event, data: JSON.parse(data) });
          i = buf.indexOf('\n\n');
        }
        for (const w of [...waiters]) if (messages.length >= w.n) w.done();
      });
      resolve({
        messages,
        headers: res.headers,
        close: () => req.destroy(),
        next: (n) =>
          new Promise<void>((ok, fail) => {
            if (messages.length >= n) return ok();
            const t = setTimeout(() => fail(new Error(`no live message #${n} within ${WAIT_MS} ms`)), WAIT_MS);
            waiters.push({
              n,
              done: () => {
                clearTimeout(t);
                ok();
              },
            });
          }),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

test('live stream announces a POSTed article and one stored by the pipeline directly', async () => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const stream = await openStream(port);
  assert.match(String(stream.headers['content-type']), /^text\/event-stream/);
  assert.ok(stream.headers['content-security-policy']);

  const post = await fetch(`http://127.0.0.1:${port}/api/articles`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Lighthouse keeper retires after forty years',
      outlet: 'Coast Weekly',
      text: 'The keeper of the Skerry lighthouse retired on Sunday after forty years tending its lamp.\n\nThe light has been automatic since spring, and the island council plans to open the tower to visitors next summer.',
    }),
  });
  assert.equal(post.status, 201);
  await stream.next(1);
  const first = stream.messages[0];
  assert.ok(first);
  assert.equal(first.event, 'article');
  const data = first.data as { title: string; storyId: string | null };
  assert.equal(data.title, 'Lighthouse keeper retires after forty years');
  assert.ok(data.storyId, 'the message names the storyline');

  ingestInputs(db, [
    {
      source: { location: 'direct.json', record: 0 },
      format: 'json',
      body: 'A new pier opened in the harbour on Monday morning with a brass band.\n\nThe mayor cut the ribbon and said the pier would bring ferries and fishing boats back to the old harbour front.',
      raw: '{}',
      meta: { title: 'New pier opens', outlet: 'Coast Weekly' },
    },
  ]);
  notifyIngested(db);
  await stream.next(2);
  const second = stream.messages[1];
  assert.ok(second);
  assert.equal((second.data as { title: string }).title, 'New pier opens');
  stream.close();
});

test('live streams beyond the cap are refused with 503 too-many-listeners and Retry-After; a freed slot is reusable', async () => {
  const capped = fixtureServer({ db, maxLiveClients: 1 }).app;
  await capped.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { port } = capped.server.address() as AddressInfo;
    const first = await openStream(port);
    const refused = await fetch(`http://127.0.0.1:${port}/api/live`);
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get('retry-after'), '30');
    const body = (await refused.json()) as { error: { code: string } };
    assert.equal(body.error.code, 'too-many-listeners');
    first.close();
    // the server notices the closed socket asynchronously; retry briefly until the slot is free
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      const ac = new AbortController();
      const res = await fetch(`http://127.0.0.1:${port}/api/live`, { signal: ac.signal });
      status = res.status;
      ac.abort();
      if (status !== 200) await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(status, 200);
  } finally {
    await capped.close();
  }
});

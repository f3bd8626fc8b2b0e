/** Step 7 of the pipeline: weakly dated articles of a run are re-dated against the corpus and their placement reconsidered. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingestInputs } from '../../src/pipeline.js';
import { getArticle } from '../../src/store/articles.js';
import { openDatabase } from '../../src/store/db.js';
import type { RawInput } from '../../src/types.js';

const para = (s: string) =>
  `${s} The harbour authority said crews worked through the night and that the quay would reopen once inspectors had checked the cranes.`;

function input(location: string, title: string, body: string, published?: string): RawInput {
  return { source: { location, record: 0 }, format: 'json', body, raw: '{}', meta: { title, outlet: 'Test Wire', ...(published ? { published } : {}) } };
}

test('an article whose year-less wire dateline came before any dated article is dated at the end of the run', () => {
  const db = openDatabase(':memory:');
  const wire = input(
    'wire.json',
    'Crane collapse closes Tern Quay',
    `TERNMOUTH, March 11 (Test Wire) — ${para('A crane collapsed on Tern Quay on Tuesday, injuring two dock workers.')}\n\n${para('Ships were diverted to the north basin.')}`,
  );
  const dated = input(
    'dated.json',
    'Inspectors begin checks at Tern Quay',
    `${para('Inspectors began checking the remaining cranes on Tern Quay on Thursday.')}\n\n${para('Two workers remain in hospital.')}`,
    '2026-03-12T09:00:00Z',
  );
  const run = ingestInputs(db, [wire, dated]);
  assert.equal(run.ingested, 2);
  const id = run.entries[0]?.articleId;
  assert.ok(id);
  const stored = getArticle(db, id);
  assert.equal(stored?.published?.slice(0, 10), '2026-03-11');
  // still clustered, and the event it sits in is a real one
  const placed = db.prepare('SELECT event_id FROM article_events WHERE article_id = ?').get(id) as { event_id: string } | undefined;
  assert.ok(placed?.event_id);
  db.close();
});

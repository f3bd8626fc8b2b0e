/**
 * Since schema v6 a posting is deleted by its full primary key (key, t_hi, t_lo, event_id): the writer must know the
 * window each event's postings carry. After assignments, automatic and human merges, splits, moves, reconsiderations
 * and a rolled-back transaction, the table must hold exactly each event's `indexed` keys at its stored window, nothing
 * for an event without a profile, and every delete must have gone by the full key (no fallback).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type BetterSqlite3 from 'better-sqlite3';
import { createClusterer, mergeClusters, moveItem, splitEvent } from '../../src/cluster/index.js';
import { postingsFallbacks } from '../../src/cluster/internal/state.js';
import { storeBare } from '../../src/cluster/internal/streams.js';
import { syntheticStream } from '../../src/cluster/internal/synthetic.js';
import { openDatabase } from '../../src/store/db.js';
import type { StoredArticle } from '../../src/types.js';
import { tempDir } from '../helpers/tmp.js';

/** Articles per phase (enough for merges and multi-article events; small enough to keep the file fast). */
const PHASE = 150;
/** Articles reconsidered in place (each reindexes its event with a rewritten window). */
const RECONSIDERED = 20;
/**
 * The synthetic stream dates every article of an event alike, so no event's window would ever move after its first
 * article: each article's publication date is moved by 0 to SPREAD_DAYS − 1 days (a fixed cycle) and the date in its
 * text dropped, so windows grow as events do and merges join different windows.
 */
const SPREAD_DAYS = 4;
const DAY_MS = 86_400_000;

type Db = BetterSqlite3.Database;

/** The table against the profiles: a list of differences (empty when consistent) and how many rows were compared. */
function differences(db: Db): { diffs: string[]; rows: number } {
  const diffs: string[] = [];
  const profiles = db.prepare("SELECT id, t_lo, t_hi, indexed FROM cluster_profiles WHERE kind = 'event'").raw().all() as [string, number, number, string][];
  const postings = db.prepare('SELECT event_id, key, t_lo, t_hi FROM cluster_postings').raw().all() as [string, string, number, number][];
  const byEvent = new Map<string, [string, number, number][]>();
  for (const [id, key, lo, hi] of postings) {
    const list = byEvent.get(id) ?? [];
    list.push([key, lo, hi]);
    byEvent.set(id, list);
  }
  for (const [id, lo, hi, indexed] of profiles) {
    const want = (JSON.parse(indexed) as string[]).map((k) => `${k}@${lo}..${hi}`).sort();
    const got = (byEvent.get(id) ?? []).map(([k, l, h]) => `${k}@${l}..${h}`).sort();
    if (JSON.stringify(want) !== JSON.stringify(got)) diffs.push(`${id}: want ${want.length} rows, got ${got.length}`);
    byEvent.delete(id);
  }
  for (const id of byEvent.keys()) diffs.push(`${id}: postings without an event profile`);
  return { diffs, rows: postings.length };
}

function assertConsistent(db: Db, phase: string): void {
  const { diffs, rows } = differences(db);
  assert.ok(rows > 0, `${phase}: the index has rows`);
  assert.deepEqual(diffs.slice(0, 5), [], `${phase}: ${diffs.length} events differ`);
}

/** Events ordered by size (largest first), with their storyline. */
function eventsBySize(db: Db): { id: string; story: string; n: number }[] {
  return db
    .prepare(`SELECT e.id AS id, e.story_id AS story, COUNT(*) AS n FROM article_events a JOIN events e ON e.id = a.event_id
      GROUP BY e.id ORDER BY n DESC, e.id`)
    .all() as { id: string; story: string; n: number }[];
}

test('after merges, splits, moves, reconsiderations and a rollback every event’s postings are its indexed keys at its window', () => {
  const db = openDatabase(join(tempDir(), 'postings.db'));
  const fallbacks = postingsFallbacks();
  const stream = syntheticStream(3 * PHASE + 10);
  const stored = new Map<string, StoredArticle>();
  const c = createClusterer(db);
  let count = 0;
  const assignSome = (n: number) => {
    for (let i = 0; i < n; i++) {
      const a = stream.next().value;
      if (!a) return;
      const published = new Date(Date.parse(a.published) + ((count++ * 7) % SPREAD_DAYS) * DAY_MS).toISOString();
      const text = a.text.replace(/ on \d+ \w+ \d+\.$/, '.');
      db.transaction(() => {
        const s = storeBare(db, { id: `a${a.id}`, title: a.title, text, lang: 'xx', published });
        stored.set(s.id, s);
        c.assign(s);
      })();
    }
  };
  assignSome(PHASE);
  assertConsistent(db, 'assigned');
  const spread = db.prepare("SELECT COUNT(*) FROM cluster_profiles WHERE kind = 'event' AND t_hi > t_lo").pluck().get() as number;
  assert.ok(spread > 10, `events whose window grew (${spread})`);

  // Human edits: merge two events, split an article off the largest, move an article and an event.
  const [big, second, third] = eventsBySize(db);
  assert.ok(big && second && third && big.n >= 3, 'events large enough to edit');
  mergeClusters(db, big.id, second.id, 'test merge');
  assertConsistent(db, 'merged');
  const members = db.prepare('SELECT article_id FROM article_events WHERE event_id = ? ORDER BY article_id').pluck().all(big.id) as string[];
  splitEvent(db, big.id, members.slice(0, 1), 'test split');
  assertConsistent(db, 'split');
  moveItem(db, members[1] as string, third.id, 'test move');
  assertConsistent(db, 'article moved');
  const otherStory = eventsBySize(db).find((e) => e.story !== third.story);
  assert.ok(otherStory, 'a second storyline');
  moveItem(db, third.id, otherStory.story, 'test event move');
  assertConsistent(db, 'event moved');

  // The clusterer continues after the edits (its caches dropped by the generation bump), then reconsiders in place.
  assignSome(PHASE);
  assertConsistent(db, 'assigned after edits');
  for (const s of [...stored.values()].slice(-RECONSIDERED)) db.transaction(() => c.reconsider(s))();
  assertConsistent(db, 'reconsidered');

  // A transaction rolled back after it changed postings, then more of the stream.
  assert.throws(() =>
    db.transaction(() => {
      assignSome(5);
      throw new Error('later step failed');
    })(),
  );
  c.invalidate();
  assignSome(PHASE);
  assertConsistent(db, 'after a rollback');

  const actions = db.prepare('SELECT DISTINCT action FROM cluster_decisions ORDER BY action').pluck().all() as string[];
  for (const a of ['merge-events', 'split-event', 'move-article']) assert.ok(actions.includes(a), `exercised ${a} (${actions.join(', ')})`);
  assert.equal(postingsFallbacks(), fallbacks, 'every posting delete went by its full primary key');
  db.close();
});

test('a rollback without invalidate() is noticed when another connection’s commit brings the document count back', () => {
  // Connection A's transaction is rolled back after assign() changed its caches, and A's caller does not call
  // invalidate(); connection B then commits one article, so the stored document count equals the one A expects. A must
  // still drop its caches (SQLite's data_version tells it another connection committed), or it keeps the undone
  // article's profiles, indexed keys and posting windows and writes postings the profiles do not list.
  const file = join(tempDir(), 'aba.db');
  const dbA = openDatabase(file);
  const dbB = openDatabase(file);
  const a = createClusterer(dbA);
  const b = createClusterer(dbB);
  const stream = syntheticStream(400);
  let count = 0;
  const feed = (db: Db, c: ReturnType<typeof createClusterer>, n: number, inTransaction = true) => {
    for (let i = 0; i < n; i++) {
      const x = stream.next().value;
      if (!x) return;
      const published = new Date(Date.parse(x.published) + ((count++ * 7) % SPREAD_DAYS) * DAY_MS).toISOString();
      const text = x.text.replace(/ on \d+ \w+ \d+\.$/, '.');
      const run = () => c.assign(storeBare(db, { id: `a${x.id}`, title: x.title, text, lang: 'xx', published }));
      if (inTransaction) db.transaction(run)();
      else run();
    }
  };
  feed(dbA, a, 120);
  for (let r = 0; r < 20; r++) {
    assert.throws(() =>
      dbA.transaction(() => {
        feed(dbA, a, 1, false);
        throw new Error('later step failed');
      })(),
    );
    feed(dbB, b, 1);
    feed(dbA, a, 5);
  }
  assertConsistent(dbA, 'after rollbacks without invalidate()');
  dbA.close();
  dbB.close();
});

/**
 * The inverted index's layout changed twice: version 3 stored it by event (primary key event_id, key, plus a window
 * index), version 6 as one B-tree keyed (key, t_hi, t_lo, event_id). A store built with an older layout (versions 1–2,
 * or 3–5) must upgrade in place with every posting and every lookup unchanged, and clustering must continue exactly as
 * on a store that had the new layout from the start, deleting postings by their full key (no fallback).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { createClusterer } from '../../src/cluster/index.js';
import { postingsFallbacks, UNKNOWN_TIME } from '../../src/cluster/internal/state.js';
import { storeBare } from '../../src/cluster/internal/streams.js';
import { type SyntheticArticle, syntheticStream } from '../../src/cluster/internal/synthetic.js';
import { clusterSchema } from '../../src/cluster/schema.js';
import { openDatabase } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { allSchemas } from '../../src/store/schemas.js';

/** Articles clustered before the upgrade, and after it (enough for a few hundred events and thousands of postings). */
const BEFORE = 240;
const AFTER = 60;
/** Per-key limit of the lookups compared (the options' default is of this order; small makes ties at the cut likely). */
const LIMIT = 5;

type Db = BetterSqlite3.Database;

function assignAll(db: Db, articles: readonly SyntheticArticle[]): void {
  const c = createClusterer(db);
  for (const a of articles)
    db.transaction(() => c.assign(storeBare(db, { id: `a${a.id}`, title: a.title, text: a.text, lang: 'xx', published: a.published })))();
}

/** Everything a reader can ask the index: all rows, and per key the windowed, unwindowed and memory-load queries. */
function snapshot(db: Db): { rows: unknown[]; lookups: Record<string, unknown> } {
  const rows = db.prepare('SELECT key, event_id, t_lo, t_hi FROM cluster_postings ORDER BY key, event_id').all();
  const keys = db.prepare('SELECT DISTINCT key FROM cluster_postings ORDER BY key').pluck().all() as string[];
  const days = db.prepare('SELECT MIN(t_lo) AS lo, MAX(t_hi) AS hi FROM cluster_postings WHERE t_hi <> ?').get(UNKNOWN_TIME) as { lo: number; hi: number };
  const windowed = db.prepare(`SELECT event_id FROM (SELECT event_id FROM cluster_postings WHERE key = @key AND t_hi >= @lo AND t_lo <= @hi
      ORDER BY t_hi DESC, t_lo DESC, event_id DESC LIMIT @n)
    UNION ALL SELECT event_id FROM (SELECT event_id FROM cluster_postings WHERE key = @key AND t_hi = @unknown ORDER BY t_lo, event_id LIMIT @n)`);
  const all = db.prepare('SELECT event_id FROM cluster_postings WHERE key = ? ORDER BY t_hi DESC, t_lo DESC, event_id DESC LIMIT ?').pluck();
  const load = db.prepare(`SELECT event_id, t_lo, t_hi FROM cluster_postings WHERE key = @key AND t_hi >= @floor AND t_hi <> @unknown
    UNION ALL SELECT * FROM (SELECT event_id, t_lo, t_hi FROM cluster_postings WHERE key = @key AND t_hi = @unknown ORDER BY t_lo, event_id LIMIT @n)`);
  const byEvent = db.prepare('SELECT key FROM cluster_postings WHERE event_id = ? ORDER BY key').pluck();
  const lookups: Record<string, unknown> = {};
  const mid = Math.floor((days.lo + days.hi) / 2);
  for (const key of keys) {
    lookups[key] = {
      early: windowed.all({ key, lo: days.lo, hi: mid, n: LIMIT, unknown: UNKNOWN_TIME }),
      late: windowed.all({ key, lo: mid, hi: days.hi, n: LIMIT, unknown: UNKNOWN_TIME }),
      all: all.all(key, LIMIT),
      load: load.all({ key, floor: mid, n: LIMIT, unknown: UNKNOWN_TIME }),
    };
  }
  for (const id of db.prepare('SELECT DISTINCT event_id FROM cluster_postings').pluck().all() as string[]) lookups[`event ${id}`] = byEvent.all(id);
  return { rows, lookups };
}

function primaryKey(db: Db): string[] {
  const cols = db.prepare("SELECT name, pk FROM pragma_table_info('cluster_postings') WHERE pk > 0 ORDER BY pk").all() as { name: string }[];
  return cols.map((c) => c.name);
}

/** The primary key of version 6. */
const V6_KEY = ['key', 't_hi', 't_lo', 'event_id'];

function indexes(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cluster_postings' ORDER BY name").pluck().all() as string[]).filter(
    (n) => !n.startsWith('sqlite_autoindex'),
  );
}

/**
 * The rest of the stream on the upgraded store, against the whole stream on a store that had the new layout from the
 * start (also a new clusterer at the same point): same assignments, same index. Closes both stores.
 */
function continueLikeFresh(upgraded: Db, freshPath: string, stream: readonly SyntheticArticle[]): void {
  assignAll(upgraded, stream.slice(BEFORE));
  const fresh = openDatabase(freshPath);
  assignAll(fresh, stream.slice(0, BEFORE));
  assignAll(fresh, stream.slice(BEFORE));
  const links = 'SELECT article_id, event_id, score FROM article_events ORDER BY article_id';
  const got = upgraded.prepare(links).all();
  assert.equal(got.length, BEFORE + AFTER);
  assert.deepEqual(got, fresh.prepare(links).all(), 'same assignments after the upgrade as with the new layout throughout');
  assert.deepEqual(snapshot(upgraded), snapshot(fresh), 'same index');
  upgraded.close();
  fresh.close();
}

test('a store with the key-ordered postings (versions 1–2) upgrades in place: same rows, same lookups, same clustering after', () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-postings-layout-'));
  try {
    const stream = [...syntheticStream(BEFORE + AFTER)];
    assert.equal(stream.length, BEFORE + AFTER);

    // The old layout, as the code before version 3 created it.
    const oldPath = join(dir, 'old.db');
    const old = new BetterSqlite3(oldPath);
    old.pragma('journal_mode = WAL');
    const upTo2 = { ...clusterSchema, migrations: clusterSchema.migrations.filter((m) => m.version <= 2) };
    migrate(
      old,
      allSchemas.map((s) => (s.stage === 'cluster' ? upTo2 : s)),
    );
    assert.deepEqual(primaryKey(old), ['key', 'event_id'], 'built with the old primary key');
    assert.deepEqual(indexes(old), ['cluster_postings_event', 'cluster_postings_window']);
    // Today's clusterer fills it; it writes the df journal under the name version 4 gave it, so the table carries that
    // name while it does and gets its version-2 name back before the upgrade.
    old.exec('ALTER TABLE cluster_df_journal RENAME TO cluster_df_log');
    assignAll(old, stream.slice(0, BEFORE));
    old.exec('ALTER TABLE cluster_df_log RENAME TO cluster_df_journal');
    const before = snapshot(old);
    assert.ok(before.rows.length > 1_000, `a store with many postings (${before.rows.length})`);
    old.close();

    const upgraded = openDatabase(oldPath);
    assert.deepEqual(primaryKey(upgraded), V6_KEY, 'rebuilt (through version 3) with the key-and-window primary key of version 6');
    assert.deepEqual(indexes(upgraded), [], 'no secondary index (the primary key serves every read)');
    assert.deepEqual(snapshot(upgraded), before, 'every posting and every lookup unchanged by the upgrade');
    continueLikeFresh(upgraded, join(dir, 'fresh.db'), stream);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a store with the event-ordered postings (versions 3–5) upgrades to one B-tree: same rows, same lookups, same clustering after', () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-postings-v6-'));
  try {
    const stream = [...syntheticStream(BEFORE + AFTER)];
    const oldPath = join(dir, 'v5.db');
    const old = new BetterSqlite3(oldPath);
    old.pragma('journal_mode = WAL');
    const upTo5 = { ...clusterSchema, migrations: clusterSchema.migrations.filter((m) => m.version <= 5) };
    migrate(
      old,
      allSchemas.map((s) => (s.stage === 'cluster' ? upTo5 : s)),
    );
    assert.deepEqual(primaryKey(old), ['event_id', 'key'], 'built with the version 3–5 primary key');
    assert.deepEqual(indexes(old), ['cluster_postings_window']);
    // The clusterer writes the same rows on either layout (its statements name every column they filter on).
    const fallbacksBefore = postingsFallbacks();
    assignAll(old, stream.slice(0, BEFORE));
    const before = snapshot(old);
    assert.ok(before.rows.length > 1_000, `a store with many postings (${before.rows.length})`);
    // Rows no profile lists (left by a process that kept an undone article's caches): a key its event does not list,
    // and an event without a profile. Version 6 deletes by the keys each profile lists, so the upgrade leaves them out.
    const listed = old.prepare("SELECT id, t_lo, t_hi FROM cluster_profiles WHERE kind = 'event' ORDER BY id LIMIT 1").raw().get() as [string, number, number];
    const stray = old.prepare('INSERT INTO cluster_postings (key, event_id, t_lo, t_hi) VALUES (?, ?, ?, ?)');
    stray.run('stray-key-not-listed', listed[0], listed[1], listed[2]);
    stray.run((before.rows[0] as { key: string }).key, 'ev_without_profile', listed[1], listed[2]);
    old.close();

    const upgraded = openDatabase(oldPath);
    assert.deepEqual(primaryKey(upgraded), V6_KEY, 'rebuilt with the key-and-window primary key');
    assert.deepEqual(indexes(upgraded), [], 'the window index is gone (the primary key serves it)');
    assert.deepEqual(snapshot(upgraded), before, 'every listed posting and every lookup unchanged by the upgrade, the unlisted rows gone');
    continueLikeFresh(upgraded, join(dir, 'fresh.db'), stream);
    assert.equal(postingsFallbacks(), fallbacksBefore, 'every posting delete went by its full primary key');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

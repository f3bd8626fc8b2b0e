/**
 * The clusterer's stored state: an old store (schema version 1) upgrades in place; document frequencies
 * written in batches (journal + fold) read back exactly in a new process; caches notice other processes'
 * assignments and rolled-back transactions.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { createClusterer } from '../../src/cluster/index.js';
import { featuresOf } from '../../src/cluster/internal/features.js';
import { dfKeys } from '../../src/cluster/internal/idf.js';
import { ClusterState } from '../../src/cluster/internal/state.js';
import { storeBare } from '../../src/cluster/internal/streams.js';
import { clusterSchema } from '../../src/cluster/schema.js';
import { openDatabase } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { allSchemas } from '../../src/store/schemas.js';
import { FIXTURES } from './fixtures.js';

function tempDb(): { path: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-cluster-'));
  return { path: join(dir, 'store.db'), done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** True document frequencies of the fixtures' keys (what cluster_df plus the journal must add up to). */
function trueDf(count: number): Map<string, number> {
  const df = new Map<string, number>();
  for (const x of FIXTURES.slice(0, count)) {
    const f = featuresOf({ title: x.title, text: x.text, published: x.published, language: x.lang });
    for (const k of new Set(dfKeys(f))) df.set(k, (df.get(k) ?? 0) + 1);
  }
  return df;
}

function store(db: BetterSqlite3.Database, from: number, to: number) {
  return FIXTURES.slice(from, to).map((f) => storeBare(db, { id: f.id, title: f.title, text: f.text, lang: f.lang, published: f.published }));
}

test('a store made with schema version 1 upgrades in place and keeps its document frequencies', () => {
  const t = tempDb();
  try {
    const old = new BetterSqlite3(t.path);
    const v1 = { ...clusterSchema, migrations: clusterSchema.migrations.filter((m) => m.version === 1) };
    migrate(
      old,
      allSchemas.map((s) => (s.stage === 'cluster' ? v1 : s)),
    );
    old.prepare("INSERT INTO cluster_df (key, df) VALUES ('harbour', 7), ('e:brandvik', 3)").run();
    old.prepare("UPDATE cluster_meta SET value = '9' WHERE key = 'docs'").run();
    old.close();

    const db = openDatabase(t.path);
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')").all() as { name: string }[]).map((r) => r.name);
    assert.ok(names.includes('cluster_df_log') && !names.includes('cluster_df_journal'), 'journal table added (renamed by version 4)');
    // Version 2 replaced the time index by a window index; version 6 made the window the primary key (no index left).
    assert.ok(!names.includes('cluster_postings_window') && !names.includes('cluster_postings_time'), 'postings indexes replaced');
    const state = new ClusterState(db);
    assert.equal(state.df('harbour'), 7);
    assert.equal(state.df('e:brandvik'), 3);
    assert.equal(state.docs, 9);
    // Clustering continues on the upgraded store.
    const c = createClusterer(db);
    for (const a of store(db, 0, 3)) db.transaction(() => c.assign(a))();
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM article_events').get() as { n: number }).n, 3);
    assert.equal(new ClusterState(db).docs, 12);
    db.close();
  } finally {
    t.done();
  }
});

test('journalled and folded document frequencies read back exactly in a new process', () => {
  const t = tempDb();
  try {
    const n = FIXTURES.length;
    const db = openDatabase(t.path);
    const c = createClusterer(db);
    for (const a of store(db, 0, n)) db.transaction(() => c.assign(a))();
    const journalRows = (db.prepare('SELECT COUNT(*) AS n FROM cluster_df_log').get() as { n: number }).n;
    assert.equal(journalRows, n, 'fewer articles than a fold: every article is in the journal');
    db.close();

    const want = trueDf(n);
    const again = openDatabase(t.path);
    const fresh = new ClusterState(again);
    for (const [k, v] of want) assert.equal(fresh.df(k), v, `df of ${k} after reopening`);
    again.transaction(() => fresh.cells.fold())();
    assert.equal((again.prepare('SELECT COUNT(*) AS n FROM cluster_df_log').get() as { n: number }).n, 0);
    const afterFold = new ClusterState(again);
    for (const [k, v] of want) assert.equal(afterFold.df(k), v, `df of ${k} after folding`);
    again.close();
  } finally {
    t.done();
  }
});

test("caches follow another connection's writes and a rolled-back transaction", () => {
  const t = tempDb();
  try {
    const a = openDatabase(t.path);
    const b = openDatabase(t.path);
    const sa = new ClusterState(a);
    const sb = new ClusterState(b);
    const keysOf = (x: (typeof FIXTURES)[number]) => dfKeys(featuresOf({ title: x.title, text: x.text, published: x.published, language: x.lang }));
    FIXTURES.forEach((x, i) => {
      const [db, st] = i % 2 === 0 ? [a, sa] : [b, sb];
      db.transaction(() => {
        st.sync();
        st.observe(keysOf(x));
      })();
    });
    // A fold in one connection must carry the other's journalled counts too.
    a.transaction(() => {
      sa.sync();
      sa.cells.fold();
    })();
    // A transaction that fails after counting must leave no trace in memory either.
    const first = FIXTURES[0] as (typeof FIXTURES)[number];
    assert.throws(
      () =>
        a.transaction(() => {
          sa.sync();
          sa.observe(keysOf(first));
          throw new Error('later stage failed');
        })(),
      /later stage failed/,
    );
    const want = trueDf(FIXTURES.length);
    for (const st of [sa, sb, new ClusterState(a)]) {
      st.sync();
      assert.equal(st.docs, FIXTURES.length);
      for (const [k, v] of want) assert.equal(st.df(k), v, `df of ${k} in state ${[sa, sb].indexOf(st)}`);
    }
    a.close();
    b.close();
  } finally {
    t.done();
  }
});

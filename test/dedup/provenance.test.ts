import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { createProvenance, independenceGroups, listDuplicates, listRepeats, provenanceGraph } from '../../src/dedup/index.js';
import { openDatabase } from '../../src/store/db.js';
import { tempDir } from '../helpers/tmp.js';
import { EXACT, NEAR, ORIGIN, PARTIAL, REPEATED_BODY, REWRITE, SAME_TOPIC, UNRELATED } from './fixtures.js';
import { store } from './store-helpers.js';

test('links are found incrementally and persist: a new process sees the stored index', () => {
  const file = join(tempDir(), 'p.db');
  let db = openDatabase(file);
  store(db, createProvenance(db), 'origin', ORIGIN, '2025-03-01T08:00:00Z');
  store(db, createProvenance(db), 'other', UNRELATED, '2025-03-01T09:00:00Z');
  db.close();
  // reopen: no rebuild, the index is in SQLite
  db = openDatabase(file);
  const stage = createProvenance(db);
  assert.equal(stage.stats.backfilled, 0, 'nothing re-indexed on reopen');
  const copy = store(db, null, 'copy', NEAR, '2025-03-01T12:00:00Z');
  const links = db.transaction(() => stage.add(copy))();
  assert.equal(links.length, 1);
  assert.deepEqual([links[0]!.a, links[0]!.b, links[0]!.kind], ['origin', 'copy', 'near']);
  assert.deepEqual(
    listDuplicates(db).map((l) => [l.a, l.b, l.kind, l.origin]),
    [['origin', 'copy', 'near', 'origin']],
  );
  db.close();
});

test('articles stored before the stage existed are indexed once (backfill) and then linked', () => {
  const db = openDatabase(':memory:');
  store(db, null, 'origin', ORIGIN);
  store(db, null, 'exact', EXACT);
  const stage = createProvenance(db);
  assert.equal(stage.stats.backfilled, 2);
  assert.deepEqual(
    listDuplicates(db).map((l) => l.kind),
    ['exact'],
  );
  assert.equal(createProvenance(db).stats.backfilled, 0);
  db.close();
});

test('direction and origin: the earliest reliable publication is the source, whatever the insert order', () => {
  const db = openDatabase(':memory:');
  const stage = createProvenance(db);
  store(db, stage, 'rewrite', REWRITE, '2025-03-02T10:00:00Z');
  store(db, stage, 'near', NEAR, '2025-03-01T12:00:00Z');
  store(db, stage, 'origin', ORIGIN, '2025-03-01T08:00:00Z');
  store(db, stage, 'partial', PARTIAL, '2025-03-03T07:00:00Z');
  store(db, stage, 'independent', SAME_TOPIC, '2025-03-01T09:00:00Z');
  const links = listDuplicates(db);
  for (const l of links) assert.equal(l.origin, 'origin', `${l.a}→${l.b}`);
  const [group, alone] = provenanceGraph(db, ['rewrite', 'near', 'origin', 'partial', 'independent']).sort((x, y) => y.members.length - x.members.length);
  assert.equal(group!.origin, 'origin');
  assert.deepEqual(
    group!.members.map((m) => m.id),
    ['origin', 'near', 'partial', 'rewrite'],
  );
  const byId = new Map(group!.members.map((m) => [m.id, m]));
  assert.equal(byId.get('origin')!.kind, null);
  assert.equal(byId.get('near')!.kind, 'near');
  assert.equal(byId.get('partial')!.of !== null, true);
  assert.equal(byId.get('rewrite')!.kind, 'rewrite');
  assert.equal(byId.get('rewrite')!.of, 'origin');
  // evidence is oriented: its `a` side is the parent's sentence
  const pair = byId.get('rewrite')!.evidence!.pairs!.find((p) => p.a.includes('Okafor'))!;
  assert.ok(ORIGIN.some((para) => para.includes(pair.a.slice(0, 40))));
  assert.deepEqual(
    alone!.members.map((m) => m.id),
    ['independent'],
  );
  db.close();
});

test('without dates the most complete text is the origin', () => {
  const db = openDatabase(':memory:');
  const stage = createProvenance(db);
  store(db, stage, 'short', ORIGIN.slice(0, 3));
  store(db, stage, 'full', ORIGIN);
  assert.equal(provenanceGraph(db, ['short', 'full'])[0]!.origin, 'full');
  db.close();
});

test('independence groups: derived articles count as one source, also through articles outside the selection', () => {
  const db = openDatabase(':memory:');
  const stage = createProvenance(db);
  store(db, stage, 'o', ORIGIN, '2025-03-01T08:00:00Z');
  store(db, stage, 'n', NEAR, '2025-03-01T10:00:00Z');
  store(db, stage, 'r', REWRITE, '2025-03-01T11:00:00Z');
  store(db, stage, 's', SAME_TOPIC, '2025-03-01T09:00:00Z');
  store(db, stage, 'u', UNRELATED, '2025-03-01T09:00:00Z');
  assert.deepEqual(independenceGroups(db, ['u', 's', 'r', 'n', 'o']), [['n', 'o', 'r'], ['s'], ['u']]);
  // 'n' and 'r' both derive from 'o' although 'o' is not selected: still one source
  assert.deepEqual(independenceGroups(db, ['r', 'n', 's']), [['n', 'r'], ['s']]);
  assert.deepEqual(independenceGroups(db, []), []);
  db.close();
});

test('repeated blocks are flagged on the stored article', () => {
  const db = openDatabase(':memory:');
  const stage = createProvenance(db);
  store(db, stage, 'twice', REPEATED_BODY);
  store(db, stage, 'once', ORIGIN);
  assert.equal(listRepeats(db, 'twice').length, 1);
  assert.equal(listRepeats(db, 'twice')[0]!.sentences, 6);
  assert.equal(listRepeats(db, 'once').length, 0);
  db.close();
});

test('listDuplicates filters by article', () => {
  const db = openDatabase(':memory:');
  const stage = createProvenance(db);
  store(db, stage, 'o', ORIGIN);
  store(db, stage, 'e', EXACT);
  store(db, stage, 'g', UNRELATED);
  store(db, stage, 'g2', [...UNRELATED.slice(0, 1), UNRELATED[1]!.replace('free', 'gratis')]);
  assert.equal(listDuplicates(db).length, 2);
  assert.deepEqual(
    listDuplicates(db, ['g2']).map((l) => [l.a, l.b].sort()),
    [['g', 'g2']],
  );
  db.close();
});

test('a stored text that cannot be read is skipped and recorded, not fatal to the new article', () => {
  const db = openDatabase(':memory:');
  const stage = createProvenance(db);
  store(db, stage, 'origin', ORIGIN);
  db.prepare("UPDATE articles SET paragraphs = 'not json' WHERE id = 'origin'").run();
  store(db, stage, 'copy', EXACT);
  assert.equal(stage.stats.failedCandidates, 1);
  assert.match(stage.stats.lastFailure ?? '', /candidate origin/);
  assert.equal(stage.stats.added, 2);
  db.close();
});

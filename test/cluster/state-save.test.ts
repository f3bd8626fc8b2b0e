/**
 * ClusterState.saveProfile updates a stored row in place and inserts a row the store does not hold (a new one, or one
 * deleted behind the row object), with the columns the earlier upsert wrote: the stored kind is left as it is on an
 * update, everything else follows the row.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featuresOf } from '../../src/cluster/internal/features.js';
import { addToProfile, emptyProfile } from '../../src/cluster/internal/profile.js';
import { decodeProfile } from '../../src/cluster/internal/profile-codec.js';
import { ClusterState, type ProfileRow, UNKNOWN_TIME } from '../../src/cluster/internal/state.js';
import { syntheticStream } from '../../src/cluster/internal/synthetic.js';
import { openDatabase } from '../../src/store/db.js';

interface Stored {
  id: string;
  kind: string;
  profile: Buffer;
  t_lo: number;
  t_hi: number;
  size: number;
  rep_article: string | null;
  rep_score: number;
  locked: number;
  indexed: string;
}

test('saveProfile inserts new rows, updates stored ones (kind kept) and re-inserts rows deleted behind it', () => {
  const db = openDatabase(':memory:');
  const state = new ClusterState(db);
  const read = (id: string) => db.prepare('SELECT * FROM cluster_profiles WHERE id = ?').get(id) as Stored | undefined;
  const feats = [...syntheticStream(6)].map((a) => featuresOf({ title: a.title, text: a.text, published: a.published, language: 'xx' }));
  const row: ProfileRow = { id: 'ev_1', kind: 'event', profile: emptyProfile(), repArticle: 'a0', repScore: 0.25, locked: false, indexed: [] };
  state.saveProfile(row);
  let got = read('ev_1');
  assert.ok(got, 'inserted');
  assert.deepEqual(
    [got.kind, got.t_lo, got.t_hi, got.size, got.rep_article, got.rep_score, got.locked, got.indexed],
    ['event', UNKNOWN_TIME, UNKNOWN_TIME, 0, 'a0', 0.25, 0, '[]'],
  );
  for (const f of feats.slice(0, 3)) addToProfile(row.profile, f);
  row.repArticle = 'a2';
  row.repScore = 0.75;
  row.locked = true;
  row.indexed = ['k1', 'e:k2'];
  // A changed kind is not written on an update, as the upsert's update left it.
  (row as { kind: string }).kind = 'story';
  state.saveProfile(row);
  got = read('ev_1');
  assert.ok(got);
  assert.deepEqual(
    [got.kind, got.t_lo, got.t_hi, got.size, got.rep_article, got.rep_score, got.locked, JSON.parse(got.indexed)],
    ['event', row.profile.tLo, row.profile.tHi, 3, 'a2', 0.75, 1, ['k1', 'e:k2']],
  );
  assert.equal(JSON.stringify(decodeProfile(got.profile)), JSON.stringify(row.profile));
  assert.equal(db.prepare('SELECT count(*) FROM cluster_profiles').pluck().get(), 1);
  // Deleted behind the row object: saved again, it is inserted with the row's kind.
  db.prepare('DELETE FROM cluster_profiles WHERE id = ?').run('ev_1');
  addToProfile(row.profile, feats[3] as (typeof feats)[number]);
  state.saveProfile(row);
  got = read('ev_1');
  assert.ok(got, 're-inserted');
  assert.deepEqual([got.kind, got.size, got.locked], ['story', 4, 1]);
  assert.equal(JSON.stringify(decodeProfile(got.profile)), JSON.stringify(row.profile));
  db.close();
});

/**
 * A planned review (storyline.ts planReview) must make the changes a whole review makes and say beforehand whether it
 * reads the candidate storylines: the engine reads the storyline hits before the article changes the index only when
 * `needsCandidates` is true, so a review that reads them while planned not to would see the index after the article.
 * Random placements of the fixtures' events in twin stores: one reviewed whole, one planned then finished.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Database } from 'better-sqlite3';
import { createClusterer } from '../../src/cluster/index.js';
import { type Ctx, rebuildStory, storyOf } from '../../src/cluster/internal/ops.js';
import { DEFAULT_OPTIONS } from '../../src/cluster/internal/options.js';
import { ClusterState } from '../../src/cluster/internal/state.js';
import { planReview, reviewStoryline } from '../../src/cluster/internal/storyline.js';
import { mulberry32 } from '../../src/internal/random.js';
import { storedFixtures } from './fixtures.js';

/** The fixtures clustered without automatic merges (so every review below starts from the same store). */
function clustered(): { db: Database; ctx: Ctx } {
  const { db, articles } = storedFixtures();
  const c = createClusterer(db, { autoMerge: false });
  for (const a of articles) db.transaction(() => c.assign(a))();
  return { db, ctx: { db, state: new ClusterState(db), indexKeys: DEFAULT_OPTIONS.indexKeys } };
}

const ids = (db: Database, sql: string) => (db.prepare(sql).all() as { id: string }[]).map((r) => r.id);

/** Moves an event into a storyline (or a new one) as a weak first assignment would have. */
function place(ctx: Ctx, eventId: string, storyId: string | null, fresh: string): void {
  const from = storyOf(ctx.db, eventId) as string;
  let target = storyId;
  if (!target) {
    target = fresh;
    ctx.db.prepare("INSERT INTO stories (id, title, created_at, updated_at) VALUES (?, 'test', '', '')").run(target);
  }
  ctx.db.prepare('UPDATE events SET story_id = ? WHERE id = ?').run(target, eventId);
  rebuildStory(ctx, from);
  rebuildStory(ctx, target);
}

const TRIALS = 24;
/** Storyline thresholds tried (the default and two that make splits and merges likelier). */
const THRESHOLDS = [DEFAULT_OPTIONS.storyThreshold, 0.1, 0.35];

test('planned reviews make the same changes as whole reviews and read the candidates exactly when they said so', () => {
  const whole = clustered();
  const planned = clustered();
  const rand = mulberry32(5);
  const counts = { needs: 0, not: 0, changed: 0 };
  for (let trial = 0; trial < TRIALS; trial++) {
    const o = { ...DEFAULT_OPTIONS, storyThreshold: THRESHOLDS[trial % THRESHOLDS.length] as number };
    const events = ids(whole.db, 'SELECT id FROM events ORDER BY id');
    const stories = ids(whole.db, 'SELECT id FROM stories WHERE id IN (SELECT story_id FROM events) ORDER BY id');
    const ev = events[Math.floor(rand() * events.length)] as string;
    const target = rand() < 0.3 ? null : (stories[Math.floor(rand() * stories.length)] as string);
    const candidates = stories.filter(() => rand() < 0.6);
    for (const s of [whole, planned]) place(s.ctx, ev, target, `st_trial${trial}`);

    let wholeReads = 0;
    const a = reviewStoryline(whole.ctx, o, ev, () => {
      wholeReads++;
      return candidates;
    });
    let plannedReads = 0;
    const plan = planReview(planned.ctx, o, ev);
    const b = plan.finish(() => {
      plannedReads++;
      return candidates;
    });
    assert.deepEqual(b, a, `trial ${trial}: same changes`);
    assert.equal(plannedReads, wholeReads, `trial ${trial}: same reads`);
    assert.equal(plan.needsCandidates, wholeReads > 0, `trial ${trial}: needsCandidates says whether the review reads them`);
    counts[plan.needsCandidates ? 'needs' : 'not']++;
    if (a.length > 0) counts.changed++;
    // The twins stay equal.
    assert.deepEqual(
      ids(planned.db, "SELECT id || '>' || story_id AS id FROM events ORDER BY id"),
      ids(whole.db, "SELECT id || '>' || story_id AS id FROM events ORDER BY id"),
    );
  }
  assert.ok(counts.needs >= 3 && counts.not >= 3 && counts.changed >= 2, `both kinds of review and some changes: ${JSON.stringify(counts)}`);
});

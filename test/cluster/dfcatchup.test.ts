/**
 * Two writers on one store, each with its own DfCells (its own connection), interleaving articles, full folds,
 * rolled-back articles, restarts and cleared clusters at random. Before each of its writes a writer catches up
 * (DfCells.catchUp, what ClusterState.sync does when the other has written) or, at random, reads everything back
 * (reset). After every step every key's df in the writer that acted, and often in the other, must equal a count
 * made from scratch by the test; and the cheap catch-up must actually be taken most of the time.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Database } from 'better-sqlite3';
import { DfCells } from '../../src/cluster/internal/dfcells.js';
import { DF_FOLD_EVERY, DF_FOLD_SPREAD } from '../../src/cluster/internal/dfjournal.js';
import { resetClusters } from '../../src/cluster/internal/rebuild.js';
import { openDatabase } from '../../src/store/db.js';

/** Small vocabulary, skewed, so slices of a snapshot hold repeats and one-offs. */
const VOCABULARY = 300;
const KEYS_PER_ARTICLE = 8;
/**
 * Steps of the random walk: enough for two full snapshot cycles (start, slices by both writers, completion) and for the
 * first full fold (FULL_FOLDS) to land part-way through the third sliced fold, whatever the spread (snapshots begin
 * every DF_FOLD_EVERY articles).
 */
const STEPS = 3 * DF_FOLD_EVERY + DF_FOLD_SPREAD + 400;
/** The step at which the clusters are cleared (late, so the walk first goes through whole snapshot cycles). */
const CLEAR_AT = STEPS - 300;
/**
 * The second writer idles (neither writes nor syncs) from part-way through the first snapshot's fold until the next
 * snapshot is part-way through: it must not take the new snapshot's progress for its old one's.
 */
const IDLE_AFTER_ROWS = 20;
interface Idle {
  /** The snapshot (its last journal row) in progress when the idling began. */
  upTo?: number;
  /** That snapshot's last folded key then; the idling ends once the next snapshot has folded past it. */
  after?: string;
  done: boolean;
}

function foldMark(db: Database): { upTo?: number; after?: string } | null {
  const v = db.prepare("SELECT value FROM cluster_meta WHERE key = 'df_fold'").pluck().get() as string | undefined;
  return v === undefined ? null : (JSON.parse(v) as { upTo?: number; after?: string });
}
/** Full folds: one part-way through the third sliced fold, one on the cleared store. */
const FULL_FOLDS = new Set([3 * DF_FOLD_EVERY + 230, STEPS - 150]);

function keyName(i: number): string {
  return i % 3 === 0 ? `e:n${i}` : i % 3 === 1 ? `t${(i * 7919) % 997}` : `n:${i}`;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

interface Writer {
  readonly db: Database;
  cells: DfCells;
  /** Reads back the journal whole, summed over this writer's DfCells instances. */
  readsBefore: number;
}

function reads(w: Writer): number {
  return w.readsBefore + w.cells.journalReads;
}

function assertExact(w: Writer, truth: Map<string, number>, when: string): void {
  for (let i = 0; i < VOCABULARY; i++) {
    const k = keyName(i);
    assert.equal(w.cells.cell(k).df, truth.get(k) ?? 0, `df of ${k} ${when}`);
  }
}

test('two writers catching up on each other keep every df exact through folds, rollbacks, restarts and clears', () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-dfcatchup-'));
  try {
    const path = join(dir, 'store.db');
    const first = openDatabase(path);
    const second = openDatabase(path);
    const writers: Writer[] = [first, second].map((db) => ({ db, cells: new DfCells(db), readsBefore: 0 }));
    const rnd = rng(20261121);
    const truth = new Map<string, number>();
    const idleState: Idle = { done: false };
    const seen = { rollbacks: 0, folds: 0, restarts: 0, clears: 0, snapshotsInProgress: 0, catchUps: 0 };
    for (let step = 0; step < STEPS; step++) {
      const now = foldMark(first);
      // Some articles into the first snapshot's fold, so the writer's last journal row outlives that snapshot.
      const rowsAfter = now?.upTo === undefined ? 0 : (first.prepare('SELECT COUNT(*) FROM cluster_df_log WHERE seq > ?').pluck().get(now.upTo) as number);
      if (!idleState.done && idleState.upTo === undefined && rowsAfter >= IDLE_AFTER_ROWS && now?.after !== undefined && now.upTo !== undefined) {
        idleState.upTo = now.upTo;
        idleState.after = now.after;
        // It syncs last now, holding this snapshot part-way through.
        (writers[1] as Writer).cells.catchUp();
      }
      const past = now?.after !== undefined && now.after > (idleState.after ?? '');
      if (idleState.upTo !== undefined && past && now?.upTo !== undefined && now.upTo !== idleState.upTo) {
        idleState.upTo = undefined;
        idleState.done = true;
      }
      const idle = idleState.upTo !== undefined;
      const w = writers[idle || rnd() < 0.5 ? 0 : 1] as Writer;
      const other = writers.find((x) => x !== w) as Writer;
      const keys = new Set<string>();
      while (keys.size < KEYS_PER_ARTICLE) keys.add(keyName(Math.floor(VOCABULARY * rnd() ** 2)));
      const article = [...keys];
      const roll = rnd();
      let what: string;
      if (step === CLEAR_AT) {
        // rebuild.ts empties the tables and bumps the generation: every process reads back (ClusterState.sync).
        resetClusters(w.db);
        truth.clear();
        for (const x of writers) x.cells.reset();
        seen.clears++;
        what = 'clear';
      } else if (roll < 0.004) {
        w.readsBefore += w.cells.journalReads;
        w.cells = new DfCells(w.db);
        seen.restarts++;
        what = 'restart';
      } else if (FULL_FOLDS.has(step)) {
        w.db.transaction(() => {
          w.cells.catchUp();
          w.cells.fold();
        })();
        seen.folds++;
        what = 'full fold';
      } else if (roll < 0.0448) {
        assert.throws(
          () =>
            w.db.transaction(() => {
              w.cells.catchUp();
              w.cells.increment(article);
              throw new Error('later stage failed');
            })(),
          /later stage failed/,
        );
        seen.rollbacks++;
        what = 'rollback';
        // Half the time the writer catches up at once (the engine on a failed article); otherwise the other writer
        // may write first, reusing the rolled-back row's seq, before this one's next sync.
        if (rnd() < 0.5) {
          w.cells.catchUp();
          assertExact(w, truth, `in the writer after step ${step} (${what})`);
        }
        continue;
      } else {
        w.db.transaction(() => {
          if (rnd() < 0.1) w.cells.reset();
          else {
            w.cells.catchUp();
            seen.catchUps++;
          }
          w.cells.increment(article);
        })();
        for (const k of article) truth.set(k, (truth.get(k) ?? 0) + 1);
        what = 'article';
      }
      if (foldMark(w.db)?.upTo !== undefined) seen.snapshotsInProgress++;
      w.cells.catchUp();
      assertExact(w, truth, `in the writer after step ${step} (${what})`);
      if (!idle && rnd() < 0.3) {
        other.cells.catchUp();
        assertExact(other, truth, `in the other writer after step ${step} (${what})`);
      }
    }
    // A new reader from scratch agrees too.
    assertExact({ db: first, cells: new DfCells(first), readsBefore: 0 }, truth, 'in a new reader at the end');
    assert.ok(idleState.done, 'the second writer slept through a whole snapshot and woke up during the next');
    assert.ok(seen.rollbacks > 20 && seen.folds >= 2 && seen.restarts > 3 && seen.clears >= 1, JSON.stringify(seen));
    // A snapshot of this small vocabulary folds one key per article (~VOCABULARY articles): two cycles at least.
    assert.ok(seen.snapshotsInProgress > VOCABULARY * 1.5, `sliced folds were in progress (${JSON.stringify(seen)})`);
    // Most catch-ups are cheap: full reads only at restarts, resets, rollbacks and snapshots begun or ended elsewhere.
    const full = reads(writers[0] as Writer) + reads(writers[1] as Writer);
    assert.ok(full < seen.catchUps / 3, `full journal reads ${full} against ${seen.catchUps} catch-ups (${JSON.stringify(seen)})`);
    first.close();
    second.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

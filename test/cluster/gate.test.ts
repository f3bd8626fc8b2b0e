/**
 * Regression gate for bench:cluster (fast subset). Floors sit just under the full run of 2026-11-21
 * (`npx tsx bench/cluster.ts --quick`):
 *   demo corpus, file order, extract signals: event BCubed F1 1.000, storyline F1 0.909;
 *   pair similarity, same-language Pearson 0.749 on all 900 same-language pairs (0.647 before the √-shaped text,
 *   within-language IDF, text floor and year-less date rule of 2026-11-21; 0.724 before that day's junk-body test
 *   and logarithmic text tails; this subset: the first 300).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { bcubed, pearson } from '../../src/cluster/internal/eval.js';
import { loadDemoLabels, predicted } from '../../src/cluster/internal/labelled.js';
import { pairScorer } from '../../src/cluster/internal/pairs.js';
import { readSimilarity, sharedDir } from '../../src/cluster/internal/streams.js';
import { ingestPaths } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/db.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEMO_EVENT_F1_FLOOR = 0.95;
const DEMO_STORY_F1_FLOOR = 0.87;
const SAME_LANGUAGE_PAIRS = 300;
/**
 * The first 300 same-language pairs scored 0.762 on 2026-11-21 after the junk-body test and text tails (0.727 before
 * them, 0.629 before that day's first changes; IDF over their own texts). Per-language backgrounds sampled from those
 * texts (background.ts) leave it at 0.762: only German (138 texts) reaches the trusted minimum there, and its scale
 * falls in the dead zone; the full run rose 0.749 → 0.755 (Chinese scaled), so the floor stays.
 */
const PEARSON_FLOOR = 0.75;

test('gate: demo corpus clustering quality (BCubed, through the pipeline)', () => {
  const corpus = resolve(root, 'demo/corpus');
  const gold = loadDemoLabels(corpus);
  const db = openDatabase(':memory:');
  ingestPaths(db, [gold.root]);
  const p = predicted(db, gold.root);
  const ev = bcubed(gold.event, p.event);
  const st = bcubed(gold.story, p.story);
  assert.ok(ev.f1 >= DEMO_EVENT_F1_FLOOR, `event F1 ${ev.f1.toFixed(3)} < ${DEMO_EVENT_F1_FLOOR}`);
  assert.ok(st.f1 >= DEMO_STORY_F1_FLOOR, `storyline F1 ${st.f1.toFixed(3)} < ${DEMO_STORY_F1_FLOOR}`);
});

test('gate: pair similarity on same-language SemEval pairs (subset)', (t) => {
  const shared = sharedDir(root);
  if (!existsSync(resolve(shared, 'bench/similarity'))) {
    t.skip(`similarity data not found under ${shared}`);
    return;
  }
  const rows = readSimilarity(shared)
    .filter((r) => r.langA === r.langB)
    .slice(0, SAME_LANGUAGE_PAIRS);
  const pairs = pairScorer(rows);
  const xs = rows.map((row) => pairs.total(row));
  const r = pearson(
    xs,
    rows.map((x) => -x.overall),
  );
  assert.ok(r >= PEARSON_FLOOR, `Pearson ${r.toFixed(3)} < ${PEARSON_FLOOR}`);
});

// Regression gate for bench/nlp.ts. 2026-11-21 (first session) full run (840 PolNeAR files): direct-quote
// F1 0.839, all-attribution F1 0.617. Raised 2026-11-21 (attribution work, issue 5): full run direct
// 0.876, all 0.677 (held-out odd half 0.870 / 0.677); TempEval-3 dates span F1 0.921, value accuracy
// 0.976. On the gate's 120-file subset that day: direct 0.841, all 0.681. Raised again 2026-11-21 (issue 5,
// second pass): full run direct 0.882, all 0.689 (held-out odd half 0.877 / 0.688); 120-file subset direct
// 0.854, all 0.698. 2026-11-21 (third session): the metric stopped counting quotes whose speaker is
// `unknown` towards recall (they were excluded from precision only), which moved the second session's
// full run to direct 0.882, all 0.684; after this session's first rules, full run direct 0.885, all 0.686,
// 120-file subset direct 0.856, all 0.694. Raised 2026-11-21 (third session, end): full run direct 0.896,
// all 0.693 (even half 0.904 / 0.695, held-out odd half 0.888 / 0.691); 120-file subset direct 0.866, all
// 0.702. Raised 2026-11-21 (third session, round 2, end): full run direct 0.9001, all 0.6990 (even half 0.9061 /
// 0.7002, held-out odd half 0.8939 / 0.6979); 120-file subset direct 0.872, all 0.709. Raised 2026-11-21 (third
// session, round 3, end): full run direct 0.9001, all 0.7004 (even half 0.9061 / 0.7019, held-out odd half
// 0.8939 / 0.6991); 120-file subset direct 0.8721, all 0.7109. Raised 2026-11-21 (third session, round 4, end):
// full run direct 0.90185, all 0.70103 (even half 0.90859 / 0.70264, held-out odd half 0.89496 / 0.69956);
// 120-file subset direct 0.8732, all 0.7112. Floors sit about 0.006 under those (direct 0.867, all 0.705): a margin of about one rule's worth of change, so the gate catches a regression, not a re-tokenisation
// that moves one quote (a floor 0.001 under the subset would fail on a single prediction).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runAttribution, runDates } from '../../bench/nlp.js';

const shared = process.env.STORYLINE_SHARED ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared');
/** Attribution files scored by the gate (first N by name) — keeps it under ~15 s. */
const GATE_FILES = 120;

test('extract gate: attribution and dates do not regress', (t) => {
  if (!existsSync(resolve(shared, 'bench/attribution')) || !existsSync(resolve(shared, 'bench/dates'))) {
    t.skip(`no bench data under ${shared}`);
    return;
  }
  const a = runAttribution(GATE_FILES);
  const d = runDates();
  console.log(
    `gate: direct F1 ${a.direct.f1.toFixed(3)}, all F1 ${a.all.f1.toFixed(3)}, dates span F1 ${d.f1.toFixed(3)}, value acc ${d.valueAccuracy.toFixed(3)}`,
  );
  assert.ok(a.direct.f1 >= Number(process.env.GATE_DIRECT ?? 0.867), `direct F1 ${a.direct.f1}`);
  assert.ok(a.all.f1 >= Number(process.env.GATE_ALL ?? 0.705), `all F1 ${a.all.f1}`);
  assert.ok(d.f1 >= 0.9, `dates span F1 ${d.f1}`);
  assert.ok(d.valueAccuracy >= 0.95, `dates value accuracy ${d.valueAccuracy}`);
});

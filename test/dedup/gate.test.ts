/**
 * Regression gate for bench/dedup.ts on a small subset (< 30 s). Floors sit just under the
 * full run of 2026-11-21 (`npx tsx bench/dedup.ts`, 30 families per transform, 427 SemEval
 * same-story pairs): precision and recall 1.000 for exact, near, partial and rewrite; 0 same-story
 * pairs called copies. Speed, full runs on the shared 2-core machine (inserts per CPU-second): before
 * the log-structured index 5,021 / 3,704 / 1,777 at 10k / 100k / 1M stored; after it 4,967 / 3,173 at
 * 100k / 1M; with the key filters (2026-11-21, third session, `npm run bench:dedup -- --sizes
 * 100000,1000000 --skip-accuracy`) 6,093 / 3,815, see docs/provenance.md; index 278 bytes per article
 * at 4k, 292 at 100k, 298 at 1M (290 before the filters). With 6 shingle bands (2026-11-21, third
 * session, same command, 1M window now 60,000 inserts): 6,850 / 5,363, index 261 / 269 bytes per article.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runAccuracy, runSpeed, SHARED } from '../../bench/dedup.js';

/** Floors for the subset (8 families per transform): one miss per kind is tolerated. */
const MIN_COPY_PRECISION = 0.95;
const MIN_COPY_RECALL = 0.95;
const MIN_PARTIAL_RECALL = 0.85;
const MIN_REWRITE_RECALL = 0.85;
const MIN_REWRITE_PRECISION = 0.95;
/**
 * Index bytes per article on this gate's 4k store: 278 with 8 shingle bands, 256 with 6 (2026-11-21,
 * third session, two runs). The ceiling sits just above 256, well inside the 300-byte budget.
 */
const MAX_INDEX_BYTES = 265;
/**
 * This gate's own 4k-article store ran at 6,718 / 7,154 / 8,201 inserts per CPU-second after the
 * log-structured index and the plain-text paths (2026-11-21, three runs, load average 8–10 on the
 * shared 2-core machine; 1,000 was the floor before), and at 8,191 / 8,109 / 9,716 with the key
 * filters (2026-11-21, third session; 278 index bytes per article). The floor stays at less than half
 * of that because the suite runs test files in parallel on that machine: it catches a collapse, not
 * noise (3,000 before the filters).
 */
const MIN_INSERTS_PER_CPU_SEC = 4000;

test('dedup gate: accuracy per kind on a labelled subset', (t) => {
  if (!existsSync(join(SHARED, 'bench', 'attribution')) || !existsSync(join(SHARED, 'bench', 'similarity'))) {
    t.skip(`benchmark data not found under ${SHARED}`);
    return;
  }
  const acc = runAccuracy({ familiesPerTransform: 8, distractors: 80, sameStoryPairs: 150 });
  const kind = (k: string) => acc.perKind.find((p) => p.kind === k)!;
  assert.ok(acc.copies.precision >= MIN_COPY_PRECISION, `exact+near precision ${acc.copies.precision}`);
  assert.ok(acc.copies.recall >= MIN_COPY_RECALL, `exact+near recall ${acc.copies.recall}`);
  assert.ok(kind('partial').recall >= MIN_PARTIAL_RECALL, `partial recall ${kind('partial').recall}`);
  assert.ok(kind('rewrite').recall >= MIN_REWRITE_RECALL, `rewrite recall ${kind('rewrite').recall}`);
  assert.ok(kind('rewrite').precision >= MIN_REWRITE_PRECISION, `rewrite precision ${kind('rewrite').precision}`);
  assert.equal(acc.sameStoryCalledCopies, 0, 'same-story different articles are never called copies');
  assert.equal(acc.falsePositives.length, 0, JSON.stringify(acc.falsePositives));
});

test('dedup gate: index size and insert rate on a synthetic store', () => {
  const sp = runSpeed([4000], 0);
  const p = sp.points.at(-1)!;
  assert.ok(p.indexBytesPerArticle <= MAX_INDEX_BYTES, `${p.indexBytesPerArticle} index bytes per article`);
  assert.ok(p.insertsPerCpuSec >= MIN_INSERTS_PER_CPU_SEC, `${p.insertsPerCpuSec} inserts per CPU-second`);
  assert.ok(p.candidatesPerInsert < 1, `${p.candidatesPerInsert} candidates verified per insert`);
});

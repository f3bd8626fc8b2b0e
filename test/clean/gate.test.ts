/**
 * Regression gate for the extraction benchmark: the first 40 pages (by id) of
 * ../shared/bench/extraction must keep F1 above a floor just under today's score.
 *
 * 2026-11-21: full run (121 pages, `npm run bench:extract`) F1 0.977 (P 0.970, R 0.983);
 * this 40-page subset F1 0.979. Floor 0.970.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { it } from 'node:test';
import { EXTRACTION_DIR, loadPages, oursExtract, scorePage, summarise } from '../../bench/extract.js';

const SUBSET = 40;
const F1_FLOOR = 0.97;

it(`extraction F1 on ${SUBSET} bench pages stays ≥ ${F1_FLOOR}`, {
  skip: existsSync(EXTRACTION_DIR) ? false : `benchmark data not found at ${EXTRACTION_DIR}`,
}, () => {
  const pages = loadPages(SUBSET);
  assert.equal(pages.length, SUBSET);
  const s = summarise(pages.map((p) => scorePage(oursExtract(p), p.truth)));
  assert.ok(s.f1 >= F1_FLOOR, `F1 ${s.f1.toFixed(3)} (P ${s.precision.toFixed(3)}, R ${s.recall.toFixed(3)}) below ${F1_FLOOR}`);
});

/**
 * The real seed articles (../shared/corpus/seeds, read at run time). Its README states what to
 * expect: exactly one article is a reworded copy of another, one article's whole body appears
 * twice, and the rest are independent reports. The assertions are those properties; no file name,
 * sentence or answer from the folder is written here.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createProvenance, independenceGroups, listDuplicates, listRepeats, repeatedBlocks } from '../../src/dedup/index.js';
import { openDatabase } from '../../src/store/db.js';
import { sharedDir } from '../helpers/tmp.js';
import { store } from './store-helpers.js';

const SEEDS = join(sharedDir, 'corpus', 'seeds');

/** A seed as read: first line the title, every further non-empty line a paragraph. */
function readSeed(file: string): { title: string; paragraphs: string[] } {
  const [title, ...rest] = readFileSync(join(SEEDS, file), 'utf8').split('\n');
  return { title: title!.trim(), paragraphs: rest.map((l) => l.trim()).filter(Boolean) };
}

test('seeds: one rewrite link, one repeated body, independent reports unlinked', (t) => {
  if (!existsSync(SEEDS)) {
    t.skip(`seed corpus not found at ${SEEDS}`);
    return;
  }
  const files = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  assert.ok(files.length >= 5);
  const db = openDatabase(':memory:');
  const stage = createProvenance(db);
  const ids = files.map((f, k) => {
    store(db, stage, `seed${k}`, readSeed(f).paragraphs);
    return `seed${k}`;
  });

  const links = listDuplicates(db);
  // the reworded copy is linked to its original, as a rewrite, with aligned sentences as evidence
  assert.equal(links.length, 1, JSON.stringify(links.map((l) => [l.a, l.b, l.kind, l.evidence.rule])));
  const [rw] = links;
  assert.equal(rw!.kind, 'rewrite');
  assert.ok((rw!.evidence.pairs?.length ?? 0) >= 3);
  // …and nothing else: the independent reports are separate sources
  assert.equal(independenceGroups(db, ids).length, ids.length - 1);

  // exactly one article has a repeated block, and it is most of a body (the body appears twice)
  const flagged = ids.map((id, k) => ({ id, k, repeats: listRepeats(db, id) })).filter((x) => x.repeats.length > 0 && x.repeats.some((b) => b.sentences >= 5));
  assert.equal(flagged.length, 1, JSON.stringify(flagged.map((f) => [f.id, f.repeats.length])));
  const seed = readSeed(files[flagged[0]!.k]!);
  const words = seed.paragraphs.join(' ').split(/\s+/).length;
  const repeated = flagged[0]!.repeats.reduce((n, b) => n + b.words, 0);
  assert.ok(repeated >= 0.4 * words, `repeat covers ${repeated} of ${words} words`);
  // the detector is callable on the raw paragraphs too and agrees
  assert.equal(repeatedBlocks(seed.paragraphs).length, flagged[0]!.repeats.length);
  db.close();
});

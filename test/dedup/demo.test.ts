/**
 * The hand-written demo corpus (demo/corpus/articles, invented articles) ingested through the real
 * pipeline: every labelled duplicate pair of demo/corpus/LABELS.json is found with its kind and
 * direction (the labelled `a` is the origin), and no other pair is linked. Labels are read at run
 * time; nothing about the files is written here.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEMO_CORPUS, type DemoLabels, resolveLabel, runDemo } from '../../bench/dedup.js';
import { listDuplicates, provenanceGraph } from '../../src/dedup/index.js';
import { ingestPaths } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/db.js';
import { tempDir } from '../helpers/tmp.js';

const LABELS = join(DEMO_CORPUS, 'LABELS.json');

test('demo corpus: every labelled duplicate found with its kind and origin, nothing else linked', (t) => {
  if (!existsSync(LABELS)) {
    t.skip(`demo corpus not found under ${DEMO_CORPUS}`);
    return;
  }
  const labels = JSON.parse(readFileSync(LABELS, 'utf8')) as DemoLabels;
  const pairs = labels.duplicates ?? [];
  assert.ok(pairs.length > 0, 'LABELS.json lists duplicate pairs');
  const root = join(DEMO_CORPUS, labels.root ?? 'articles');
  const db = openDatabase(join(tempDir(), 'demo.db'));
  ingestPaths(db, [root]);

  const links = listDuplicates(db);
  const key = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);
  const byPair = new Map(links.map((l) => [key(l.a, l.b), l]));
  const graph = provenanceGraph(db, [...new Set(links.flatMap((l) => [l.a, l.b]))]);
  const member = new Map(graph.flatMap((g) => g.members.map((m) => [m.id, m] as const)));
  const expected = new Set<string>();

  for (const p of pairs) {
    const a = resolveLabel(db, root, p.a);
    const b = resolveLabel(db, root, p.b);
    assert.ok(a, `${p.a} was ingested`);
    assert.ok(b, `${p.b} was ingested`);
    if (a === b) {
      // byte-identical texts are stored once by ingest; only an exact pair may collapse like this
      assert.equal(p.kind, 'exact', `${p.a} and ${p.b} were stored as one article but are labelled ${p.kind}`);
      continue;
    }
    expected.add(key(a, b));
    const link = byPair.get(key(a, b));
    assert.ok(link, `${p.kind} ${p.a} → ${p.b} not linked`);
    assert.equal(link.kind, p.kind, `${p.a} → ${p.b}: kind`);
    assert.equal(link.a, a, `${p.a} → ${p.b}: direction (link source)`);
    assert.equal(link.origin, a, `${p.a} → ${p.b}: family origin`);
    assert.equal(member.get(b)?.of, a, `${p.a} → ${p.b}: parent in the provenance graph`);
  }
  const where = (id: string) => (db.prepare('SELECT path FROM articles WHERE id = ?').pluck().get(id) as string | null) ?? id;
  const extra = links.filter((l) => !expected.has(key(l.a, l.b))).map((l) => `${l.kind} ${where(l.a)} ~ ${where(l.b)}`);
  assert.deepEqual(extra, [], 'no link outside the labels (precision)');
  db.close();
});

test('demo bench block: scores the same corpus per kind (precision and recall 1, every origin right)', async (t) => {
  const d = await runDemo();
  if (!d) {
    t.skip(`demo corpus not found under ${DEMO_CORPUS}`);
    return;
  }
  assert.deepEqual(d.problems, []);
  for (const k of d.perKind) {
    assert.equal(k.precision, 1, `${k.kind} precision`);
    assert.equal(k.recall, 1, `${k.kind} recall`);
  }
  assert.equal(d.rightDirection, d.linked);
  assert.ok(d.linked > 0);
});

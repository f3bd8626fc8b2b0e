/**
 * On the five real seed articles (read from ../shared at run time): the four reports on the December
 * Moscow meeting share one event; the January article is a different event in the same storyline.
 * Asserted by structure (which articles go together), in several arrival orders.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createClusterer, listStories } from '../../src/cluster/index.js';
import { resetClusters } from '../../src/cluster/internal/rebuild.js';
import { sharedDir } from '../../src/cluster/internal/streams.js';
import { annotate, corpusReference } from '../../src/extract/index.js';
import { clusterSignals, ingestPaths } from '../../src/pipeline.js';
import { listArticles } from '../../src/store/articles.js';
import { openDatabase } from '../../src/store/db.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const seeds = resolve(sharedDir(root), 'corpus/seeds');

test('seeds: four December reports form one event; the January article is another event of the same storyline', (t) => {
  if (!existsSync(seeds)) {
    t.skip(`seed corpus not found at ${seeds}`);
    return;
  }
  const db = openDatabase(':memory:');
  ingestPaths(db, [seeds]);
  const articles = listArticles(db);
  assert.equal(articles.length, 5, 'five seed articles stored');
  // Re-runs get the extract stage's signals as the pipeline gives them.
  const reference = corpusReference(db);
  const signals = new Map(
    articles.map((a) => [
      a.id,
      clusterSignals(annotate({ id: a.id, title: a.title, text: a.text, published: a.published, language: a.language }, { reference })),
    ]),
  );
  const orders = [articles, [...articles].reverse(), [articles[3]!, articles[0]!, articles[4]!, articles[1]!, articles[2]!]];
  orders.forEach((order, k) => {
    if (k > 0) {
      resetClusters(db);
      const c = createClusterer(db);
      for (const a of order) db.transaction(() => c.assign(a, signals.get(a.id)))();
    }
    const stories = listStories(db);
    assert.equal(stories.length, 1, `order ${k}: one storyline`);
    const sizes = stories[0]!.events.map((e) => e.articles.length).sort((a, b) => b - a);
    assert.deepEqual(sizes, [4, 1], `order ${k}: a four-article event and a one-article event`);
    const [big, small] = [...stories[0]!.events].sort((a, b) => b.articles.length - a.articles.length);
    // The odd one out is the article whose resolved dates fall in January; the four share early-December dates.
    const loner = articles.find((a) => a.id === small!.articles[0])!;
    assert.ok(!big!.articles.includes(loner.id));
    assert.ok(small!.date === null || small!.date > (big!.date ?? ''), `order ${k}: the lone event is the later one (${small!.date} vs ${big!.date})`);
  });
});

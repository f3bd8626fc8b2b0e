/**
 * The shared suite every `Clusterer` implementation must pass: one event and one storyline per
 * article, stable ids, explanations, persistence across processes, same-event reports together,
 * unrelated stories apart, and the export shape.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Database } from 'better-sqlite3';
import type { Clusterer } from '../../src/cluster/index.js';
import { listStories, storyOfArticle } from '../../src/cluster/index.js';
import { FIXTURES, storedFixtures } from './fixtures.js';

export type ClustererFactory = (db: Database) => Clusterer;

function assignAll(factory: ClustererFactory) {
  const { db, articles } = storedFixtures();
  const c = factory(db);
  const results = articles.map((a) => db.transaction(() => c.assign(a))());
  return { db, articles, results };
}

export function clustererSuite(name: string, factory: ClustererFactory): void {
  describe(`Clusterer contract: ${name}`, () => {
    it('puts every article in exactly one event, and every event in one storyline', () => {
      const { db, results } = assignAll(factory);
      assert.equal(results.length, FIXTURES.length);
      const links = db.prepare('SELECT article_id, event_id FROM article_events').all() as { article_id: string; event_id: string }[];
      assert.equal(links.length, FIXTURES.length);
      for (const r of results) {
        const place = storyOfArticle(db, r.articleId);
        assert.ok(place, `article ${r.articleId} has a place`);
        assert.ok(db.prepare('SELECT 1 FROM events WHERE id = ? AND story_id = ?').get(place.eventId, place.storyId));
      }
    });

    it('keeps reports of one happening together and unrelated stories apart', () => {
      const { db } = assignAll(factory);
      const ev = (id: string) => storyOfArticle(db, id)!.eventId;
      const st = (id: string) => storyOfArticle(db, id)!.storyId;
      assert.equal(ev('aferry1'), ev('aferry2'), 'preview and report of one meeting share an event');
      assert.equal(ev('aferry2'), ev('aferry3'));
      assert.equal(ev('achess1'), ev('achess2'));
      assert.notEqual(st('achess1'), st('aferry1'), 'chess and ferries are different storylines');
      assert.notEqual(st('aflood1'), st('aferry1'));
      assert.notEqual(st('aflood1'), st('achess1'));
    });

    it('separates two meetings of the same people in the same city weeks apart, in one storyline', () => {
      const { db } = assignAll(factory);
      const p1 = storyOfArticle(db, 'aferry2')!;
      const p2 = storyOfArticle(db, 'aferry4')!;
      assert.notEqual(p1.eventId, p2.eventId);
      assert.equal(p1.storyId, p2.storyId);
      assert.equal(storyOfArticle(db, 'aferry5')!.eventId, p2.eventId);
    });

    it('explains each link with a score and the shared evidence', () => {
      const { results } = assignAll(factory);
      const joined = results.filter((r) => !r.newEvent);
      assert.ok(joined.length > 0);
      for (const r of joined) {
        assert.ok(Number.isFinite(r.explanation.score));
        assert.ok(r.explanation.sharedTerms.length > 0, 'shared terms listed');
        assert.match(r.explanation.rule, /score/);
      }
    });

    it('returns the export shape: storylines with events inside, each with title, date and articles', () => {
      const { db } = assignAll(factory);
      const stories = listStories(db);
      assert.equal(
        stories.reduce((n, s) => n + s.articles.length, 0),
        FIXTURES.length,
      );
      for (const s of stories) {
        assert.ok(s.id && s.title, 'storyline id and title');
        for (const e of s.events) {
          assert.ok(e.id && e.title && e.articles.length > 0);
          assert.ok(e.date === null || /^(\d{4}|-)-\d{2}-\d{2}$/.test(e.date), `event date ${e.date}`);
        }
      }
      const ferry = stories.find((s) => s.articles.includes('aferry1'))!;
      assert.ok(
        FIXTURES.some((f) => f.title === ferry.title),
        'storyline title is a headline of one of its articles',
      );
    });

    it('continues incrementally in a new process (state read back from the database)', () => {
      const { db, articles } = storedFixtures();
      const first = factory(db);
      const half = Math.ceil(articles.length / 2);
      for (const a of articles.slice(0, half)) db.transaction(() => first.assign(a))();
      const second = factory(db);
      for (const a of articles.slice(half)) db.transaction(() => second.assign(a))();
      const ev = (id: string) => storyOfArticle(db, id)!.eventId;
      assert.equal(ev('aferry1'), ev('aferry3'));
      assert.equal(ev('aferry4'), ev('aferry5'));
      assert.notEqual(ev('aferry1'), ev('aferry4'));
    });
  });
}

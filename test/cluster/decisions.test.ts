/** Human control: merge, split and move round trips, redirects, the audit log, and automatic runs respecting them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  auditLog,
  ClusterError,
  ClusterNotFoundError,
  createClusterer,
  explainArticle,
  getStory,
  listStories,
  mergeClusters,
  moveItem,
  splitEvent,
  storyOfArticle,
} from '../../src/cluster/index.js';
import { storeBare } from '../../src/cluster/internal/streams.js';
import { storedFixtures } from './fixtures.js';

function clustered() {
  const { db, articles } = storedFixtures();
  const c = createClusterer(db);
  for (const a of articles) db.transaction(() => c.assign(a))();
  return { db, c };
}
const place = (db: ReturnType<typeof clustered>['db'], id: string) => storyOfArticle(db, id)!;

describe('merge', () => {
  it('merges two events; the merged id redirects; logged as human', () => {
    const { db } = clustered();
    const e1 = place(db, 'aferry1').eventId;
    const e2 = place(db, 'aferry4').eventId;
    const r = mergeClusters(db, e1, e2, 'same saga');
    assert.equal(place(db, 'aferry4').eventId, e1);
    assert.equal(db.prepare('SELECT 1 FROM events WHERE id = ?').get(e2), undefined);
    assert.equal(getStory(db, e2)?.id, place(db, 'aferry1').storyId, 'old event id still finds its storyline');
    const log = auditLog(db);
    assert.equal(log[0]!.id, r.decision);
    assert.equal(log[0]!.origin, 'human');
    assert.equal(log[0]!.note, 'same saga');
  });

  it('merges two storylines and redirects the old storyline id', () => {
    const { db } = clustered();
    const s1 = place(db, 'aferry1').storyId;
    const s2 = place(db, 'achess1').storyId;
    mergeClusters(db, s1, s2);
    assert.equal(place(db, 'achess1').storyId, s1);
    assert.equal(getStory(db, s2)!.id, s1);
    assert.ok(getStory(db, s2)!.articles.includes('achess2'));
  });

  it('refuses mixed kinds and unknown ids with named errors', () => {
    const { db } = clustered();
    assert.throws(() => mergeClusters(db, place(db, 'aferry1').eventId, place(db, 'achess1').storyId), ClusterError);
    assert.throws(() => mergeClusters(db, 'ev_nope', place(db, 'achess1').eventId), ClusterNotFoundError);
  });
});

describe('split', () => {
  it('splits articles into a new event of the same storyline; a later similar article does not re-merge them', () => {
    const { db, c } = clustered();
    const ev = place(db, 'aferry1').eventId;
    const r = splitEvent(db, ev, ['aferry3']);
    const newEvent = r.ids.newEvent as string;
    assert.equal(place(db, 'aferry3').eventId, newEvent);
    assert.equal(place(db, 'aferry1').eventId, ev);
    assert.equal(place(db, 'aferry3').storyId, place(db, 'aferry1').storyId);
    // A new report resembling both halves arrives: automatic merging must not undo the split.
    const late = storeBare(db, {
      id: 'aferry6',
      title: 'Lindqvist ferry deal: 14 daily sailings to Skarholm agreed by Brandvik and Okonjo',
      text: 'Commuters welcomed the ferry timetable agreed in Lindqvist on Tuesday by Mayor Ilsa Brandvik and harbour chief Tomas Okonjo, with 14 daily sailings to Skarholm and the early crossing restored.',
      lang: 'en',
      published: '2031-05-07T12:00:00Z',
    });
    db.transaction(() => c.assign(late))();
    assert.notEqual(place(db, 'aferry1').eventId, place(db, 'aferry3').eventId, 'split respected');
    assert.ok(auditLog(db).some((d) => d.action === 'split-event' && d.origin === 'human'));
  });

  it('rejects splitting off every article or an article not in the event', () => {
    const { db } = clustered();
    const ev = place(db, 'achess1').eventId;
    assert.throws(() => splitEvent(db, ev, ['achess1', 'achess2']), ClusterError);
    assert.throws(() => splitEvent(db, ev, ['aflood1']), ClusterError);
  });
});

describe('move', () => {
  it('moves an article to another event and back (round trip), pinned and logged', () => {
    const { db } = clustered();
    const home = place(db, 'aferry2').eventId;
    const other = place(db, 'aferry4').eventId;
    moveItem(db, 'aferry2', other);
    assert.equal(place(db, 'aferry2').eventId, other);
    assert.ok(explainArticle(db, 'aferry2')!.decisions.some((d) => d.action === 'move-article'));
    moveItem(db, 'aferry2', home);
    assert.equal(place(db, 'aferry2').eventId, home);
    assert.equal(auditLog(db).filter((d) => d.action === 'move-article').length, 2);
  });

  it('moves an event to another storyline; an emptied storyline redirects', () => {
    const { db } = clustered();
    const flood = place(db, 'aflood1');
    const chess = place(db, 'achess1').storyId;
    moveItem(db, flood.eventId, chess);
    assert.equal(place(db, 'aflood1').storyId, chess);
    assert.equal(getStory(db, flood.storyId)!.id, chess);
    assert.equal(listStories(db).filter((s) => s.id === flood.storyId).length, 0);
  });

  it('moving an article out of a one-article event removes that event and redirects it', () => {
    const { db } = clustered();
    const flood = place(db, 'aflood1').eventId;
    const chess = place(db, 'achess1').eventId;
    moveItem(db, 'aflood1', chess);
    assert.equal(db.prepare('SELECT 1 FROM events WHERE id = ?').get(flood), undefined);
    assert.equal(getStory(db, flood)!.id, place(db, 'achess1').storyId);
  });
});

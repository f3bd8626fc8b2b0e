/**
 * A story that recurs (the same kind of report every 11 days, each a new event outside the 10-day event window of
 * the last) builds a storyline of many similar events. A follow-up one day after the latest report must still find
 * and join that latest event, however many older events of the storyline outrank it on shared words: candidates
 * active within the event window are ranked among themselves.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClusterer } from '../../src/cluster/index.js';
import { storeBare } from '../../src/cluster/internal/streams.js';
import { openDatabase } from '../../src/store/db.js';

// Invented report (not from any corpus).
const TITLE = 'Ferry crews at Lindqvist port stop work over rotas';
const TEXT =
  'Ferry crews at Lindqvist port stopped work over new rotas, the Lindqvist Maritime Guild said. Crossings to the islands were cancelled and lorries queued at the terminal while guild officials met the port authority.';
const DAY_MS = 86_400_000;
const day = (d: number) => new Date(Date.UTC(2025, 2, 1) + d * DAY_MS).toISOString();

for (const reports of [3, 12, 35]) {
  test(`after ${reports} recurring reports, a follow-up a day after the latest joins the latest event`, () => {
    const db = openDatabase(':memory:');
    const clusterer = createClusterer(db);
    const events: string[] = [];
    for (let i = 0; i < reports; i++) {
      const r = db
        .transaction(() =>
          clusterer.assign(storeBare(db, { id: `r${String(i).padStart(2, '0')}`, title: TITLE, text: TEXT, lang: 'en', published: day(i * 11) })),
        )
        .immediate();
      events.push(r.eventId);
    }
    assert.equal(new Set(events).size, reports, 'reports 11 days apart are separate events');
    const latest = events.at(-1);
    const follow = db
      .transaction(() => clusterer.assign(storeBare(db, { id: 'follow', title: TITLE, text: TEXT, lang: 'en', published: day((reports - 1) * 11 + 1) })))
      .immediate();
    assert.equal(follow.eventId, latest, follow.explanation.rule);
    assert.equal(follow.newEvent, false);
  });
}

/**
 * Invented articles for the clustering tests (all names, places and outlets are made up):
 * a storyline in which the same delegations meet twice in one city, with seven weeks between (a preview,
 * reports and a follow-up for the first; two reports for the second), plus two unrelated stories.
 */
import type { Database } from 'better-sqlite3';
import { type Features, featuresOf } from '../../src/cluster/internal/features.js';
import { addToProfile, emptyProfile, type Profile } from '../../src/cluster/internal/profile.js';
import { storeBare } from '../../src/cluster/internal/streams.js';
import { openDatabase } from '../../src/store/db.js';
import type { StoredArticle } from '../../src/types.js';

export interface Fixture {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly published: string | null;
  readonly lang: string;
  /** Gold event and storyline. */
  readonly event: string;
  readonly story: string;
}

export const FIXTURES: readonly Fixture[] = [
  {
    id: 'aferry1',
    title: 'Brandvik and Okonjo to meet in Lindqvist over ferry timetable',
    text: 'Mayor Ilsa Brandvik will meet harbour chief Tomas Okonjo in Lindqvist on Tuesday to settle the disputed ferry timetable. The talks follow weeks of complaints from island commuters about cancelled crossings. Okonjo said the harbour authority would bring a revised schedule with 14 daily sailings. Brandvik has demanded guarantees for the early morning ferry to Skarholm.',
    published: '2031-05-05T08:00:00Z',
    lang: 'en',
    event: 'E1',
    story: 'S1',
  },
  {
    id: 'aferry2',
    title: 'Lindqvist ferry talks: Brandvik and Okonjo agree 14 daily sailings',
    text: 'Mayor Ilsa Brandvik and harbour chief Tomas Okonjo agreed on Tuesday in Lindqvist to run 14 daily ferry sailings to Skarholm. The new ferry timetable restores the early morning crossing that commuters had demanded. Okonjo told reporters in Lindqvist that the harbour authority would hire extra crews for the ferry service.',
    published: '2031-05-06T17:30:00Z',
    lang: 'en',
    event: 'E1',
    story: 'S1',
  },
  {
    id: 'aferry3',
    title: 'Commuters welcome ferry deal struck in Lindqvist',
    text: 'Island commuters welcomed the ferry deal that Mayor Brandvik and harbour chief Okonjo struck in Lindqvist on Tuesday. Under the agreement the ferry timetable offers 14 daily sailings to Skarholm, including the early crossing. Commuter groups said the Lindqvist agreement ended months of cancelled ferries.',
    published: '2031-05-07T09:15:00Z',
    lang: 'en',
    event: 'E1',
    story: 'S1',
  },
  {
    id: 'aferry4',
    title: 'Brandvik and Okonjo meet again in Lindqvist to sign ferry contract',
    text: 'Seven weeks after agreeing a ferry timetable, Mayor Ilsa Brandvik and harbour chief Tomas Okonjo met again in Lindqvist on Tuesday to sign the ferry operating contract. The contract commits the harbour authority to the Skarholm ferry for ten years. Okonjo said new ferries would be ordered for the Lindqvist route.',
    published: '2031-06-24T16:00:00Z',
    lang: 'en',
    event: 'E2',
    story: 'S1',
  },
  {
    id: 'aferry5',
    title: 'Ten-year ferry contract signed in Lindqvist',
    text: 'A ten-year ferry operating contract was signed in Lindqvist on Tuesday by Mayor Brandvik and harbour chief Okonjo. The contract secures the Skarholm ferry route and orders two new ferries for the Lindqvist harbour. Brandvik called the ferry contract a promise kept to island commuters.',
    published: '2031-06-24T19:00:00Z',
    lang: 'en',
    event: 'E2',
    story: 'S1',
  },
  {
    id: 'achess1',
    title: 'Teenager Mirela Dancova wins Orvieto chess open',
    text: 'Sixteen-year-old Mirela Dancova won the Orvieto chess open on Sunday, beating grandmaster Pavel Strunin in the final round. Dancova scored seven and a half points from nine games. Strunin praised the endgame technique of the young champion from Vessen.',
    published: '2031-05-11T20:00:00Z',
    lang: 'en',
    event: 'E3',
    story: 'S2',
  },
  {
    id: 'achess2',
    title: 'Dancova stuns Strunin to take Orvieto chess title',
    text: 'Mirela Dancova stunned grandmaster Pavel Strunin on Sunday to take the Orvieto chess open title. The sixteen-year-old from Vessen finished the open with seven and a half points. Organisers said the Orvieto chess open drew a record field of players.',
    published: '2031-05-12T07:00:00Z',
    lang: 'en',
    event: 'E3',
    story: 'S2',
  },
  {
    id: 'aflood1',
    title: 'Flood warning issued for the Renna valley',
    text: 'Forecasters issued a flood warning for the Renna valley after two days of heavy rain. Residents of Kolby and Marrow were told to move cars away from the riverbank. The Renna is expected to peak on Thursday night, the weather office said.',
    published: '2031-05-20T06:00:00Z',
    lang: 'en',
    event: 'E4',
    story: 'S3',
  },
];

/** A fresh in-memory database with the fixtures stored (not yet clustered), in the given order. */
export function storedFixtures(order: readonly Fixture[] = FIXTURES): { db: Database; articles: StoredArticle[] } {
  const db = openDatabase(':memory:');
  const articles = order.map((f) => storeBare(db, { id: f.id, title: f.title, text: f.text, lang: f.lang, published: f.published }));
  return { db, articles };
}

/** Deterministic permutations of the fixtures. */
export function permutations(count: number): Fixture[][] {
  const out: Fixture[][] = [];
  for (let k = 0; k < count; k++) {
    const a = [...FIXTURES];
    let s = k + 1;
    for (let i = a.length - 1; i > 0; i--) {
      s = (s * 48_271) % 2_147_483_647;
      const j = s % (i + 1);
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    out.push(a);
  }
  return out;
}

/**
 * Scoring test material: the fixtures' features, plus the first fixture read as German (so a pair crosses languages
 * and the within-language IDF shift applies), and profiles of each article alone and of every gold event.
 */
export function scoringFixtures(): { feats: Features[]; profiles: Profile[] } {
  const feats: Features[] = FIXTURES.map((x) => featuresOf({ title: x.title, text: x.text, published: x.published, language: x.lang }));
  const first = FIXTURES[0];
  if (first) feats.push(featuresOf({ title: first.title, text: first.text, published: first.published, language: 'de' }));
  const profiles: Profile[] = feats.map((f) => addToProfile(emptyProfile(), f));
  for (const ev of new Set(FIXTURES.map((x) => x.event))) {
    const p = emptyProfile();
    FIXTURES.forEach((x, i) => {
      const f = feats[i];
      if (x.event === ev && f) addToProfile(p, f);
    });
    profiles.push(p);
  }
  return { feats, profiles };
}

/** Small invented articles for the API tests, ingested through the real pipeline into an in-memory database. */
import type { Database } from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/api/index.js';
import type { ServerOptions } from '../../src/api/server.js';
import { ingestInputs } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/db.js';
import type { RawInput } from '../../src/types.js';

export const TOKEN = 'test-token-Zq81';

const para = (s: string) => `${s} ${s}`;

/** Two topics (a bridge closure, an orchard frost) plus an exact copy of the first article. */
export const ARTICLES = [
  {
    title: 'Osterby bridge closed after cracks found in main span',
    outlet: 'Fjordline Post',
    published: '2026-05-02T08:00:00Z',
    url: 'https://fjordline.example/bridge-closed',
    text: [
      para('Engineers closed the Osterby bridge on Saturday after inspectors found cracks in the main span of the crossing.'),
      para('Traffic across the fjord was diverted to the ferry, and the county said repairs to the bridge span could take weeks.'),
    ].join('\n\n'),
  },
  {
    title: 'Osterby bridge span cracks: repairs to take weeks, county says',
    outlet: 'Nordvik Herald',
    published: '2026-05-03T09:00:00Z',
    url: 'https://nordvik.example/bridge-repairs',
    text: [
      para('The county said repairs to the cracked main span of the Osterby bridge will take weeks while the ferry carries traffic.'),
      para('Inspectors found the cracks during a routine check of the bridge span on Saturday morning.'),
      '"We will reopen the bridge as soon as the span is safe again," county engineer Lars Dahl said on Sunday.',
    ].join('\n\n'),
  },
  {
    title: 'Late frost damages apple orchards across Valby valley',
    outlet: 'Valby Farmer',
    published: '2026-04-20T06:00:00Z',
    url: 'https://valbyfarmer.example/frost',
    text: [
      para('A late frost damaged apple orchards across the Valby valley overnight, growers said, with blossom lost on many trees.'),
      para('Orchard owners lit heaters among the apple trees but the frost still reached the blossom in lower fields.'),
    ].join('\n\n'),
  },
] as const;

export function rawInputs(): RawInput[] {
  const inputs: RawInput[] = ARTICLES.map((a, i) => {
    const { text, ...meta } = a;
    return { source: { location: `fixture-${i}.json`, record: 0 }, format: 'json', body: text, raw: JSON.stringify(a), meta: { ...meta } };
  });
  // An exact copy of the first article under another outlet and address: a provenance link.
  const first = ARTICLES[0];
  inputs.push({
    source: { location: 'fixture-copy.json', record: 0 },
    format: 'json',
    body: first.text,
    raw: '{}',
    meta: { title: first.title, outlet: 'Copycat Daily', url: 'https://copycat.example/bridge', published: '2026-05-02T12:00:00Z' },
  });
  return inputs;
}

export function fixtureDb(): Database {
  const db = openDatabase(':memory:');
  ingestInputs(db, rawInputs());
  return db;
}

/** A server over a fresh fixture database; UI off so the tests do not depend on a build. */
export function fixtureServer(options: Partial<ServerOptions> = {}): { app: FastifyInstance; db: Database } {
  const db = options.db ?? fixtureDb();
  const app = createServer({ db, token: TOKEN, uiDir: null, pollMs: 0, ...options });
  return { app, db };
}

export function json<T = Record<string, unknown>>(body: string): T {
  return JSON.parse(body) as T;
}

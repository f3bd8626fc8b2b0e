import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildLedger } from '../../src/compare/index.js';
import type { Claim, Ledger, Slot } from '../../src/compare/types.js';
import { type MiniArticle, makeInput } from './helpers.js';

function slotWith(ledger: Ledger, value: number): { slot: Slot; claims: Claim[] } {
  const claim = ledger.claims.find((c) => c.numeric === value);
  assert.ok(claim, `a claim with value ${value}: ${JSON.stringify(ledger.claims.map((c) => c.value))}`);
  const slot = ledger.slots.find((s) => s.id === claim.slot) as Slot;
  return { slot, claims: slot.claims.map((id) => ledger.claims.find((c) => c.id === id) as Claim) };
}

const cases: { name: string; articles: MiniArticle[]; groups?: string[][]; value: number; status: Slot['status']; claims: number }[] = [
  {
    name: 'same figure in two outlets is agreement',
    articles: [
      { id: 'a', outlet: 'Alpha', published: '2026-03-03', paragraphs: ['The city council approved 120 million crowns for the harbour on Tuesday.'] },
      { id: 'b', outlet: 'Beta', published: '2026-03-03', paragraphs: ['Councillors set aside 120 million crowns for repairs to the harbour.'] },
    ],
    value: 120e6,
    status: 'agreement',
    claims: 1,
  },
  {
    name: 'different figures for the same day are a conflict',
    articles: [
      { id: 'a', outlet: 'Alpha', published: '2026-03-11', paragraphs: ['Three people were killed in the warehouse fire, officials said.'] },
      { id: 'b', outlet: 'Beta', published: '2026-03-11', paragraphs: ['Four people were killed in the warehouse fire on Greyhook Quay.'] },
    ],
    value: 3,
    status: 'conflict',
    claims: 2,
  },
  {
    name: 'different figures weeks apart are a change over time',
    articles: [
      { id: 'a', outlet: 'Alpha', published: '2026-03-03', paragraphs: ['Veloria tabled a 14-point plan at the talks in Halvenport.'] },
      { id: 'b', outlet: 'Beta', published: '2026-04-21', paragraphs: ['Veloria presented a shorter 9-point plan at the second round.'] },
    ],
    value: 14,
    status: 'change-over-time',
    claims: 2,
  },
  {
    name: 'an article presenting a value as the original version is a change over time',
    articles: [
      {
        id: 'a',
        outlet: 'Alpha',
        published: '2026-04-21',
        paragraphs: ['The original 12-item draft was replaced by a 7-item draft after objections from Tarsk.'],
      },
    ],
    value: 12,
    status: 'change-over-time',
    claims: 2,
  },
  {
    name: 'different parties holding different figures at once are competing positions',
    articles: [
      { id: 'a', outlet: 'Alpha', published: '2026-03-03', paragraphs: ['Tarsk offered a share of 40 percent of the river flow.'] },
      { id: 'b', outlet: 'Beta', published: '2026-03-03', paragraphs: ['Veloria demanded a share of 60 percent of the river flow.'] },
    ],
    value: 40,
    status: 'competing-positions',
    claims: 2,
  },
];

for (const c of cases) {
  test(`ledger: ${c.name}`, () => {
    const ledger = buildLedger(makeInput(c.articles, c.groups ? { groups: c.groups } : {}));
    const { slot, claims } = slotWith(ledger, c.value);
    assert.equal(slot.status, c.status, JSON.stringify(slot.relations));
    assert.equal(claims.length, c.claims);
  });
}

test('ledger: copies collapse into one independent source; single-source and first-reported are kept', () => {
  const text = 'Port officials said 600 households were evacuated overnight after the fire.';
  const ledger = buildLedger(
    makeInput(
      [
        { id: 'wire', outlet: 'Wire', published: '2026-03-11T08:00', paragraphs: [text] },
        { id: 'copy', outlet: 'Copy', published: '2026-03-11T09:00', paragraphs: [text] },
        { id: 'own', outlet: 'Own', published: '2026-03-11T10:00', paragraphs: ['Around 600 households had to leave their homes because of the smoke.'] },
        { id: 'solo', outlet: 'Solo', published: '2026-03-11T11:00', paragraphs: ['More than 120 firefighters fought the blaze through the night.'] },
      ],
      { groups: [['wire', 'copy'], ['own'], ['solo']] },
    ),
  );
  const households = ledger.claims.find((c) => c.numeric === 600) as Claim;
  assert.equal(households.statements.length, 3);
  assert.equal(households.independentSources, 2);
  assert.equal(households.singleSource, false);
  assert.equal(households.firstReported.articleId, 'wire');
  const firefighters = ledger.claims.find((c) => c.numeric === 120) as Claim;
  assert.equal(firefighters.singleSource, true);
});

test('ledger: attribution and holder are kept', () => {
  const ledger = buildLedger(
    makeInput([
      {
        id: 'a',
        outlet: 'Alpha',
        published: '2026-03-03',
        paragraphs: ['Veloria wants river withdrawals capped at 800,000 litres a day, according to the Lindmark Gazette.'],
      },
    ]),
  );
  const c = ledger.claims.find((x) => x.numeric === 800000) as Claim;
  assert.deepEqual(c.attributions, ['according to the Lindmark Gazette']);
  assert.deepEqual(c.holders, ['Veloria']);
});

test('ledger: the same quote in two independent outlets is one claim with two sources', () => {
  const ledger = buildLedger(
    makeInput([
      { id: 'a', outlet: 'Alpha', published: '2026-03-03', paragraphs: ['"Rivers do not read treaties," Aleksei Vorontsyk said after the talks.'] },
      {
        id: 'b',
        outlet: 'Beta',
        published: '2026-03-03',
        paragraphs: ['Aleksei Vorontsyk was blunt. "Rivers do not read treaties," Vorontsyk told reporters.'],
      },
    ]),
  );
  const quotes = ledger.claims.filter((c) => c.kind === 'quote');
  assert.equal(quotes.length, 1, JSON.stringify(quotes.map((q) => [q.slot, q.value])));
  assert.equal(quotes[0]?.independentSources, 2);
});

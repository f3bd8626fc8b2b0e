import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attributionOf, holderOf } from '../../src/compare/internal/attribution.js';

/** [sentence, the value whose holder is asked (its first occurrence), expected holder]. */
const HOLDERS: [string, string, string | null][] = [
  ['Russia also demanded 20 percent of the region.', '20', 'Russia'],
  ['European and Ukrainian officials have set a 19-point plan.', '19', 'European and Ukrainian officials'],
  ["Port Ashby's mayor, Gerald Whitcombe, set up the fund with 12 million crowns.", '12', 'Gerald Whitcombe'],
  ['Earlier reports put the toll at 3 people.', '3', null],
  ["L'entrepôt stockait environ 40 tonnes d'engrais.", '40', null],
  ["O'Brien said 40 people had left.", '40', "O'Brien"],
  ['In the original plan, the army would shrink to 600,000.', '600,000', null],
  ['On Monday 15 people were hurt.', '15', null],
];

for (const [sentence, value, want] of HOLDERS) {
  test(`holder: ${sentence}`, () => {
    assert.equal(holderOf(sentence, sentence.indexOf(value)), want);
  });
}

const CREDITS: [string, string | null][] = [
  ['The deal is worth 5 billion, according to the Financial Times.', 'according to the Financial Times'],
  ['Bloomberg reports that 40 jets were ordered.', 'reported by Bloomberg'],
  ['Earlier reports said 3 people died.', null],
  ['The ministry said 40 people had left.', null],
];

for (const [sentence, want] of CREDITS) {
  test(`credit: ${sentence}`, () => {
    assert.equal(attributionOf(sentence), want);
  });
}

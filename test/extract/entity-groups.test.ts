import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annotate } from '../../src/extract/index.js';

const doc = (text: string) => annotate({ title: '', text, published: '2026-03-09', language: 'en' });
const typeOf = (text: string, name: string) => doc(text).entities.find((e) => e.name === name)?.type;

test('team and group names are organisations, not people', () => {
  // [text, name, expected type, why]
  const table: [string, string, string, string][] = [
    ['The Harlow Pilgrims beat Castle Vale on Saturday.', 'Harlow Pilgrims', 'ORG', 'definite article before a name-shaped span'],
    [
      'Kestrel Wanderers lost 3-1 at home. Wanderers coach Mara Ilves blamed the wind.',
      'Kestrel Wanderers',
      'ORG',
      'plural last word used as the affiliation before a title and a person',
    ],
    ['Talvo Mendris said the plan would work.', 'Talvo Mendris', 'PERSON', 'a name-shaped span without "the" is still a person'],
    [
      'Talvo Mendris met reporters. Mendris adviser Oona Reht said the plan would work.',
      'Talvo Mendris',
      'PERSON',
      'a surname premodifying a title is not enough: the last word is not plural-looking',
    ],
    [
      'Donald Evans met reporters. Evans adviser Oona Reht said the plan would work.',
      'Donald Evans',
      'PERSON',
      'a given name is stronger evidence than the affiliation use',
    ],
  ];
  for (const [text, name, want, why] of table) assert.equal(typeOf(text, name), want, `${name}: ${why}`);
});

test('a distinctive last word alone joins the organisation named in full; a pronoun skips it for the titled person', () => {
  const a = doc('Kestrel Wanderers lost 3-1 at home. Wanderers coach Mara Ilves blamed the wind. "We were tired," she said. Wanderers host Dunmore next week.');
  const team = a.entities.find((e) => e.name === 'Kestrel Wanderers');
  assert.ok(team, 'full team name found');
  assert.equal(team.type, 'ORG');
  assert.ok(team.mentions.length >= 3, `short form "Wanderers" joins the full name (got ${team.mentions.length} mentions)`);
  const quote = a.quotes.find((q) => q.text.includes('tired'));
  assert.equal(quote?.speaker.name, 'Mara Ilves', 'the pronoun goes to the titled person, not the team');
});

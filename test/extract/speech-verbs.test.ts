// Speech-verb classes of the lexicon (issue 5): each row is a sentence written for this test whose cue belongs
// to one class; the attribution of the content word must go to the speaker word.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Quote } from '../../src/extract/index.js';
import { quotesOf, speakerText } from './quote-helpers.js';

const rows: { name: string; text: string; type: Quote['type']; content: string; speaker: string }[] = [
  {
    name: 'manner of speaking after a quote',
    text: 'The meeting ran late. “Keep the harbor open for every boat!” the dockworkers chanted outside the hall.',
    type: 'direct',
    content: 'harbor',
    speaker: 'dockworkers',
  },
  {
    name: 'manner of speaking, inverted',
    text: '“We will not pay a cent more for the ferry,” growled Councilman Ed Varga at the hearing.',
    type: 'direct',
    content: 'ferry',
    speaker: 'Varga',
  },
  {
    name: 'stating verb with a that-clause',
    text: 'Mayor Ines Duarte reaffirmed that the harbor tax would be repealed before the winter.',
    type: 'indirect',
    content: 'repealed',
    speaker: 'Duarte',
  },
  {
    name: 'elaborating verb after a quote',
    text: '“The ferry has lost money for six straight years and nobody wants to admit it,” Duarte elaborated.',
    type: 'direct',
    content: 'ferry',
    speaker: 'Duarte',
  },
  {
    name: 'speculating verb framing a short quote in its clause',
    text: 'The analyst Pia Roe speculated that the ferry would be “sold by spring.”',
    type: 'direct',
    content: 'sold',
    speaker: 'Roe',
  },
  {
    name: 'a short reply framed by a speech word the tagger read as an adjective',
    text: '“The way I see it,” she elaborated, “no one on the council ever questioned the ferry budget.”',
    type: 'direct',
    content: 'way I see',
    speaker: 'she',
  },
  {
    name: 'reciting verb after a quote',
    text: '“The harbor belongs to everyone who works on it,” the children recited.',
    type: 'direct',
    content: 'harbor belongs',
    speaker: 'children',
  },
  {
    name: 'complaining verb with its object',
    text: 'Councilman Ed Varga railed against the new ferry fares during the budget meeting.',
    type: 'indirect',
    content: 'ferry fares',
    speaker: 'Varga',
  },
];

test('speech verbs: each class frames its quote or report', () => {
  for (const row of rows) {
    const q = quotesOf(row.text).find((x) => x.type === row.type && x.text.includes(row.content));
    assert.ok(q, `${row.name}: no ${row.type} quote holding ${row.content}`);
    const sp = speakerText(row.text, q);
    assert.ok(sp?.includes(row.speaker), `${row.name}: speaker ${JSON.stringify(sp)} (${q.speaker.kind}, cue ${q.cue})`);
  }
});

test('speech verbs: a manner-of-speaking verb opens no indirect report', () => {
  for (const text of [
    'The crowd roared its approval as the mayor walked onto the harbor stage.',
    'The engines howled through the night over the empty harbor.',
  ]) {
    const claimed = quotesOf(text).filter((q) => q.type === 'indirect' && q.speaker.kind !== 'unknown');
    assert.equal(claimed.length, 0, `${text}: ${JSON.stringify(claimed.map((q) => [q.text, speakerText(text, q), q.cue]))}`);
  }
});

test('speech verbs: "mean" states an entailment, not a report', () => {
  for (const text of [
    'The long delay means the harbor ferry will not sail again until the spring.',
    'It meant the council had to raise the harbor tax again.',
  ]) {
    const claimed = quotesOf(text).filter((q) => q.speaker.kind !== 'unknown');
    assert.equal(claimed.length, 0, `${text}: ${JSON.stringify(claimed.map((q) => [q.text, speakerText(text, q), q.cue]))}`);
  }
});

test('speech verbs: "maintain" with an object means keep; with a that-clause it still reports', () => {
  const keep = 'The ferry line maintained its lead in the harbor market for a decade.';
  assert.equal(quotesOf(keep).filter((q) => q.speaker.kind !== 'unknown').length, 0, JSON.stringify(quotesOf(keep).map((q) => [q.text, q.cue])));
  const claim = 'Mayor Ines Duarte maintained that the harbor tax was fair to every family.';
  const q = quotesOf(claim).find((x) => x.type === 'indirect' && x.text.includes('fair'));
  assert.ok(q && speakerText(claim, q)?.includes('Duarte'), JSON.stringify(q && [q.text, speakerText(claim, q)]));
});

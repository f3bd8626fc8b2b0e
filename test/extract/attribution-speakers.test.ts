// Attribution speaker rules of the third session (issue 5): each row is a sentence pattern written for
// this test, with a word inside the wanted content and a word its speaker span must (or must not) hold.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annotate, type Quote } from '../../src/extract/index.js';

const quotesOf = (text: string) => annotate({ title: '', text, published: '2016-03-01', language: 'en' }).quotes;
const speakerText = (text: string, q: Quote) => (q.speaker.span ? text.slice(q.speaker.span.start, q.speaker.span.end) : null);

interface Row {
  name: string;
  text: string;
  /** A word inside the content of the wanted attribution. */
  content: string;
  /** A word the speaker span must contain. */
  speaker: string;
  /** Only quotes of this type are looked at. */
  type?: Quote['type'];
}

const rows: Row[] = [
  {
    name: 'a relative clause after the subject is skipped: its pronoun is not the speaker of an embedded quote',
    text: 'Mayor Tomas Reyes, who is disliked by the unions, said at the hearing that the budget “is balanced” and that the city “will not borrow a single dollar next year.”',
    content: 'single dollar',
    speaker: 'Reyes',
    type: 'direct',
  },
  {
    name: 'a conjunction after the closing mark opens a new clause, not the quote’s frame',
    text: 'Minister Mara Lind said the plan remained “one of strength and patience,” but the opposition leader later warned that it would fail.',
    content: 'patience',
    speaker: 'Lind',
    type: 'direct',
  },
  {
    name: 'a quote in the clause a pronoun opens after a pronoun’s report is the reporter’s',
    text: 'The senator spoke after the vote. She said she warned the committee that the bill “would raise taxes on every family.”',
    content: 'every family',
    speaker: 'She',
    type: 'direct',
  },
];

test('attribution speakers: the speaker of each pattern', () => {
  for (const row of rows) {
    const qs = quotesOf(row.text).filter((q) => !row.type || q.type === row.type);
    const q = qs.find((x) => x.text.includes(row.content));
    assert.ok(q, `${row.name}: content found in ${JSON.stringify(qs.map((x) => x.text))}`);
    const sp = speakerText(row.text, q);
    assert.ok(sp?.includes(row.speaker), `${row.name}: speaker ${JSON.stringify(sp)} (${q.speaker.kind}, cue ${q.cue})`);
  }
});

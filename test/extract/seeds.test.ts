import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { annotateBatch } from '../../src/extract/index.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const seeds = join(process.env.STORYLINE_SHARED ?? resolve(root, '../shared'), 'corpus/seeds');

test('seeds: speakers, pronoun antecedents, inferred dates, spelling variants', (t) => {
  if (!existsSync(seeds)) {
    t.skip(`no seed corpus at ${seeds}`);
    return;
  }
  const files = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();
  const docs = files.map((f) => ({ id: f, title: '', text: readFileSync(join(seeds, f), 'utf8'), published: null, language: 'en' }));
  const { annotations } = annotateBatch(docs);
  annotations.forEach((a, i) => {
    const text = (docs[i] as { text: string }).text;
    for (const q of a.quotes.filter((x) => x.type === 'direct')) {
      assert.ok(['named', 'pronoun', 'descriptor', 'unnamed', 'unknown'].includes(q.speaker.kind));
      if (q.speaker.kind !== 'unknown') assert.ok(q.speaker.entityKey || q.speaker.name, `speaker of "${q.text.slice(0, 30)}" is named or explicitly unknown`);
    }
    // A trailing "he said" after a quote: the speaker is a person named in the nearest earlier sentence naming one.
    for (const q of a.quotes.filter((x) => x.type === 'direct' && x.speaker.kind === 'pronoun')) {
      const after = text.slice(q.span.end, q.span.end + 12);
      if (!/^[,.!?]?\s*[”"’]?,?\s*(he|she) (said|told)/.test(after)) continue;
      assert.ok(q.speaker.entityKey, 'pronoun resolved');
      const persons = a.entities.filter((e) => e.type === 'PERSON');
      const earlier = persons.flatMap((e) => e.mentions.filter((m) => m.sentence < q.sentence).map((m) => ({ e, m })));
      const lastSentence = Math.max(...earlier.map((x) => x.m.sentence));
      const named = new Set(earlier.filter((x) => x.m.sentence === lastSentence).map((x) => x.e.key));
      assert.ok(named.has(q.speaker.entityKey as string), `speaker ${q.speaker.entityKey} is named in the sentence before`);
    }
  });
  // "Tuesday" of the Moscow meeting resolves to 2 December 2025 wherever the article's date had to be inferred.
  let tuesdays = 0;
  annotations.forEach((a, i) => {
    const text = (docs[i] as { text: string }).text;
    for (const d of a.dates.filter((x) => x.text === 'Tuesday')) {
      const sentence = text.slice(Math.max(0, d.span.start - 200), d.span.end);
      if (!/Moscow/.test(sentence) || !/meet/.test(sentence)) continue;
      tuesdays++;
      assert.equal(d.value, '2025-12-02', `Tuesday in ${files[i]}`);
      assert.ok(d.anchor, 'anchor recorded');
    }
  });
  assert.ok(tuesdays >= 2, 'the Moscow-meeting Tuesday appears in several seeds');
  // Spelling variants of the Ukrainian president collapse to one entity across the corpus.
  const keys = new Set(annotations.flatMap((a) => a.entities.filter((e) => e.type === 'PERSON' && /^zelensk/i.test(e.name.split(' ').pop() ?? '')).map((e) => e.key)));
  assert.equal(keys.size, 1, `one key for all spellings: ${[...keys].join(', ')}`);
});

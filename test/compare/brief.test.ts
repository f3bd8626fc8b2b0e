import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildBrief, checkSupport, renderBrief } from '../../src/compare/index.js';
import { makeInput } from './helpers.js';

const articles = [
  {
    id: 'a',
    outlet: 'Alpha <Wire>',
    published: '2026-03-03T10:00:00Z',
    paragraphs: [
      'Veloria tabled a 14-point plan for sharing the Sarvin River at talks in Halvenport on Tuesday.',
      '"Our farmers cannot wait for another dry summer," Adela Korvin said after the meeting.',
      'The plan calls for a minimum flow of 140 cubic metres per second <script>alert(1)</script> at the border.',
    ],
  },
  {
    id: 'b',
    outlet: 'Beta',
    published: '2026-04-21T10:00:00Z',
    paragraphs: [
      'Veloria cut its plan for the Sarvin River to a 9-point plan at the second round of talks in Halvenport.',
      '"We listened, and we moved," Adela Korvin told reporters after the talks ended.',
    ],
  },
];

test('brief: every printed sentence cites an article paragraph and is found there', () => {
  const input = makeInput(articles);
  const brief = buildBrief(input);
  const items = brief.sections.flatMap((s) => s.items);
  assert.ok(items.length >= 4);
  for (const s of items) {
    assert.ok(s.citations.length > 0);
    const passages = s.citations.map((c) => articles.find((a) => a.id === c.articleId)?.paragraphs[c.paragraph] ?? '');
    assert.equal(checkSupport(s.text, passages).how, 'verbatim', s.text);
  }
  const differences = brief.sections.find((s) => s.key === 'differences');
  assert.ok(differences?.items.some((i) => i.label?.includes('changed over time')));
});

test('brief: --since keeps only what was published after the time', () => {
  const input = makeInput(articles);
  const brief = buildBrief(input, { since: '2026-04-01' });
  const items = brief.sections.flatMap((s) => s.items);
  assert.ok(items.length > 0);
  assert.ok(items.every((s) => s.citations.every((c) => c.articleId === 'b')));
  assert.deepEqual(
    brief.coverage.map((c) => c.outlet),
    ['Beta'],
  );
});

test('brief: HTML escapes article text and outlets; Markdown and JSON carry citations', () => {
  const brief = buildBrief(makeInput(articles));
  const html = renderBrief(brief, 'html');
  assert.ok(!html.includes('<script>'));
  assert.ok(!html.includes('Alpha <Wire>'));
  assert.ok(html.includes('Alpha &lt;Wire&gt;'));
  const md = renderBrief(brief, 'md');
  assert.match(md, /\[a¶\d+\]/u);
  const json = JSON.parse(renderBrief(brief, 'json')) as { sections: { items: { citations: unknown[] }[] }[] };
  assert.ok(json.sections.every((s) => s.items.every((i) => i.citations.length > 0)));
});

test('brief: a sentence that is not in its cited passage is not printed', () => {
  const input = makeInput(articles);
  // corrupt one paragraph after annotation: sentences citing it no longer match and must be dropped
  const tampered = { ...input, articles: input.articles.map((a) => (a.id === 'b' ? { ...a, paragraphs: ['Something else entirely.', 'Nothing here.'] } : a)) };
  const brief = buildBrief(tampered);
  assert.ok(
    brief.sections
      .flatMap((s) => s.items)
      .every((s) => s.citations.every((c) => c.articleId !== 'b' || (tampered.articles[1]?.paragraphs[c.paragraph] ?? '').includes(s.text))),
  );
});

test('support check: verbatim, supported paraphrase, invented number, invented name', () => {
  const passage = 'Veloria tabled a 14-point plan for sharing the Sarvin River at talks in Halvenport on Tuesday.';
  const cases: [string, boolean, string][] = [
    [passage, true, 'verbatim'],
    ['In Halvenport, Veloria tabled a 14-point plan for sharing the Sarvin River.', true, 'overlap'],
    ['Veloria tabled a 15-point plan for sharing the Sarvin River.', false, 'number-missing'],
    ['Veloria tabled a 14-point plan with Norland for the Sarvin River.', false, 'name-missing'],
    ['Farmers protested loudly against everything yesterday evening.', false, 'low-overlap'],
  ];
  for (const [sentence, ok, how] of cases) {
    const r = checkSupport(sentence, [passage]);
    assert.equal(r.supported, ok, sentence);
    assert.equal(r.how, how, sentence);
  }
});

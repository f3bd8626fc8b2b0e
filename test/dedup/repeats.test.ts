import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repeatedBlocks } from '../../src/dedup/index.js';
import { ORIGIN, REPEATED_BODY, UNRELATED } from './fixtures.js';

const CASES: readonly { name: string; paragraphs: readonly string[]; blocks: number; sentences?: number }[] = [
  { name: 'body pasted twice', paragraphs: REPEATED_BODY, blocks: 1, sentences: 6 },
  { name: 'no repeats', paragraphs: ORIGIN, blocks: 0 },
  { name: 'short line repeated (menu label) is not a block', paragraphs: ['ON NOW', ...UNRELATED, 'ON NOW'], blocks: 0 },
  {
    name: 'caption repeating a body sentence with a photo credit',
    paragraphs: [...ORIGIN.slice(0, 2), `${ORIGIN[1]!.split('. ')[1]} (Photo: Jan Meyer/Coastal Press)`],
    blocks: 1,
    sentences: 1,
  },
  { name: 'two separate repeats', paragraphs: [ORIGIN[0]!, UNRELATED[0]!, ORIGIN[0]!, ORIGIN[3]!, UNRELATED[0]!], blocks: 2 },
];

for (const c of CASES) {
  test(`repeatedBlocks: ${c.name}`, () => {
    const blocks = repeatedBlocks(c.paragraphs);
    assert.equal(blocks.length, c.blocks, JSON.stringify(blocks.map((b) => [b.first, b.repeat, b.sentences])));
    if (c.sentences !== undefined) assert.equal(blocks[0]!.sentences, c.sentences);
    for (const b of blocks) {
      assert.ok(b.words >= 12);
      assert.ok(b.similarity >= 0.8 && b.similarity <= 1);
      const first = b.first.paragraph * 1000 + b.first.sentence;
      const repeat = b.repeat.paragraph * 1000 + b.repeat.sentence;
      assert.ok(first < repeat, 'the first occurrence comes before the repeat');
    }
  });
}

test('repeatedBlocks points at the repeat position', () => {
  const [b] = repeatedBlocks(REPEATED_BODY);
  assert.deepEqual(b!.first, { paragraph: 1, sentence: 0 });
  assert.deepEqual(b!.repeat, { paragraph: 4, sentence: 0 });
});

/**
 * The fast paths of text.ts (ASCII fold, per-text script tests, one-unit words, remembered name keys) give exactly
 * what the plain per-word definitions give, on every script the stage handles.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fold, MIN_TOKEN_LENGTH, nameKey, STEM_LENGTH, stems, stripClitics } from '../../src/cluster/internal/text.js';
import { FIXTURES } from './fixtures.js';

const HAN = /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}/u;

/** The plain definitions: full normalisation, every test per word, code points counted by spreading. */
function plainFold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}
function plainStems(text: string): string[] {
  const out: string[] = [];
  for (const w0 of plainFold(text).match(/[\p{L}][\p{L}\p{N}'’-]*/gu) ?? []) {
    const w = stripClitics(w0.replace(/['’-]+$/u, ''));
    if (HAN.test(w)) {
      const chars = [...w].filter((c) => HAN.test(c));
      for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
      continue;
    }
    if ([...w].length < MIN_TOKEN_LENGTH) continue;
    out.push([...w].slice(0, STEM_LENGTH).join(''));
  }
  return out;
}

const TEXTS = [
  'Plain ASCII: Ministers MET in Brandvik; talks-ended rock’n’roll don’t  end-',
  'Café Ünïcode naïve ﬁnance Ⅻ résumé',
  'Зеленский встретился с Путиным',
  'والكتبرين في البيت وللمدينة',
  '北京会谈 東京の会議 서울 회담 mixed 北京 words',
  // Letters outside the Basic Multilingual Plane (surrogate pairs) in words short and long.
  '𝐀𝐁𝐂 words 𠀀𠀁𠀂 and 𝔣𝔬𝔬𝔟𝔞𝔯𝔟𝔞𝔷 plus abc𝐃ef; Gothic 𐌰𐌱 and 𐌰𐌱𐌲𐌳𐌴𐌵𐌶 and ab𐌲',
  "Trailing apostrophes' and dashes-- and curly’ ones",
  ...FIXTURES.map((f) => `${f.title}\n${f.text}`),
];

test('fold and stems equal their plain definitions on every script', () => {
  for (const t of TEXTS) {
    assert.equal(fold(t), plainFold(t), t.slice(0, 30));
    assert.deepEqual(stems(t), plainStems(t), t.slice(0, 30));
  }
});

test('a remembered name key is the key computed afresh', () => {
  const words = ['Zelensky', 'Зеленский', 'Brandvik', 'Okonjo', 'Phillip', 'Khan', 'NATO'];
  const first = words.map(nameKey);
  const again = words.map(nameKey);
  assert.deepEqual(again, first);
  assert.equal(nameKey('Zelenskyy'), nameKey('Зеленский'));
  assert.notEqual(nameKey('Brandvik'), nameKey('Okonjo'));
});

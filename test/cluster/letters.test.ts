/** The cached character classes (letters.ts) answer as the regex classes do, for every UTF-16 code unit. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classOf, isAsciiWord, LETTER, NUMBER, UPPER } from '../../src/cluster/internal/letters.js';

test('classOf agrees with \\p{L}, \\p{Lu} and \\p{N} on every code unit, asked twice (filled, then cached)', () => {
  let letters = 0;
  for (let pass = 0; pass < 2; pass++) {
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      const bits = classOf(code);
      assert.equal((bits & LETTER) !== 0, /^\p{L}$/u.test(c), `letter ${code}`);
      assert.equal((bits & UPPER) !== 0, /^\p{Lu}$/u.test(c), `upper ${code}`);
      assert.equal((bits & NUMBER) !== 0, /^\p{N}$/u.test(c), `number ${code}`);
      if (pass === 0 && bits & LETTER) letters++;
    }
  }
  assert.ok(letters > 40_000, 'most of the BMP is letters');
});

test('isAsciiWord is \\w without the i flag', () => {
  for (let code = 0; code < 0x10000; code++) assert.equal(isAsciiWord(code), /^\w$/.test(String.fromCharCode(code)), `code ${code}`);
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CleanError, clean } from '../../src/clean/index.js';
import type { CleanedArticle } from '../../src/types.js';
import { articleBody, htmlInput, PROSE, page, textInput } from './helpers.js';

/**
 * Time bound per bad input. The 5 MB page takes 1.5–4 s on the shared 2-core dev box (load 10+); the bound leaves
 * room for a loaded shared CI box while still catching quadratic blow-ups (those take minutes).
 */
const BOUND_MS = 30_000;

/** Runs clean and returns its result or its CleanError; any other error fails the test. */
function timed(run: () => CleanedArticle): { out: CleanedArticle | null; error: CleanError | null; ms: number } {
  const start = performance.now();
  try {
    const out = run();
    return { out, error: null, ms: performance.now() - start };
  } catch (err) {
    if (!(err instanceof CleanError)) throw err;
    return { out: null, error: err, ms: performance.now() - start };
  }
}

/** A page of distinct paragraphs (pseudo-random words made of syllables), about `bytes` long. */
function bigPage(bytes: number): string {
  const syllables = ['ba', 'ko', 'ri', 'ta', 'me', 'lu', 'sa', 'ne', 'po', 'di', 'ga', 'vo', 'ke', 'mi', 'ru', 'te', 'la', 'so', 'fi', 'no'];
  const vocab = syllables.flatMap((a) => syllables.flatMap((b) => syllables.map((c) => a + b + c)));
  const parts: string[] = [];
  let size = 0;
  let seed = 42;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed;
  };
  while (size < bytes) {
    // High bits: the low bits of this generator repeat with a short period.
    const words = Array.from({ length: 40 }, () => vocab[(next() >>> 12) % vocab.length]);
    const p = `<p>${words.join(' ')}.</p>`;
    parts.push(p);
    size += p.length;
  }
  return page('<title>Big</title>', `<main><article>${parts.join('')}</article></main>`);
}

const CASES: ReadonlyArray<{ name: string; input: () => Parameters<typeof clean>[0]; check: (out: CleanedArticle | null, error: CleanError | null) => void }> =
  [
    {
      name: 'malformed, unclosed HTML',
      input: () =>
        htmlInput(`<html><body><div class=x><article><p>${PROSE.en[0]}<p>${PROSE.en[1]} <b>bold <i>italic</p><p>${PROSE.en[2]}</div></span></table><p <p>`),
      check: (out) => assert.ok(out?.text.includes((PROSE.en[2] as string).slice(0, 40)), out?.text),
    },
    {
      name: 'an unclosed attribute quote that swallows the page',
      input: () => htmlInput(`<html><body><div class="x><article><p>${PROSE.en.join('</p><p>')}</p></article></div>`),
      check: (out) => assert.ok(out && !out.isArticle && out.notArticleReason),
    },
    {
      name: 'a 5 MB page',
      input: () => htmlInput(bigPage(5 * 1024 * 1024), 'https://example.com/a/b'),
      check: (out) => assert.ok(out?.isArticle && out.paragraphs.length > 1000),
    },
    {
      name: '10,000-deep nesting',
      input: () => htmlInput(page('', `${'<div>'.repeat(10_000)}${PROSE.en.map((p) => `<p>${p}</p>`).join('')}${'</div>'.repeat(10_000)}`)),
      check: (out) => assert.ok(out?.text.includes((PROSE.en[0] as string).slice(0, 40))),
    },
    {
      name: '10,000-deep nesting through the linkedom front end',
      input: () => htmlInput(page('', `${'<span>'.repeat(10_000)}${PROSE.en.join(' ')}${'</span>'.repeat(10_000)}`)),
      check: (out, error) => assert.ok(out !== null || error !== null),
    },
    {
      name: 'scripts and styles only',
      input: () => htmlInput(page('<style>body{}</style>', '<script>console.log(1)</script><style>p{}</style>')),
      check: (out) => assert.equal(out?.isArticle, false),
    },
    { name: 'empty body (HTML)', input: () => htmlInput(''), check: (out, error) => assert.ok((out && !out.isArticle) || error) },
    { name: 'empty body (text)', input: () => textInput('Title', ''), check: (out) => assert.equal(out?.isArticle, false) },
    {
      name: 'binary bytes',
      input: () => {
        let seed = 7;
        const bytes = Buffer.alloc(200_000, 0).map(() => {
          seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
          return seed & 0xff;
        });
        return htmlInput(Buffer.from(bytes).toString('latin1'));
      },
      check: (out, error) => assert.ok(error?.code === 'binary' || out?.isArticle === false),
    },
    {
      name: 'Cyrillic page',
      input: () => htmlInput(page('', articleBody('ru'), 'ru')),
      check: (out) => assert.ok(out?.isArticle && out.language === 'ru' && out.text.includes(PROSE.ru[0])),
    },
    {
      name: 'Chinese page',
      input: () => htmlInput(page('', articleBody('zh'), 'zh-CN')),
      check: (out) => assert.ok(out?.isArticle && out.language === 'zh' && out.text.includes(PROSE.zh[0])),
    },
    {
      name: 'Arabic page',
      input: () => htmlInput(page('', articleBody('ar'), 'ar')),
      check: (out) => assert.ok(out?.isArticle && out.language === 'ar' && out.text.includes(PROSE.ar[0])),
    },
    { name: 'one 2 MB line of text', input: () => textInput('Title', 'word '.repeat(400_000)), check: (out) => assert.ok(out !== null) },
  ];

describe('bad input returns a result or a specific error within a time bound', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const input = c.input();
      const { out, error, ms } = timed(() => clean(input, c.name.includes('linkedom') ? { parser: 'linkedom' } : {}));
      c.check(out, error);
      assert.ok(ms < BOUND_MS, `${ms.toFixed(0)} ms`);
    });
  }
  it('a body over maxChars raises CleanError(too-large)', () => {
    assert.throws(
      () => clean(htmlInput('x'.repeat(1000)), { maxChars: 100 }),
      (e: unknown) => e instanceof CleanError && e.code === 'too-large',
    );
  });
});

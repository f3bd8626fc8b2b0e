import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clean } from '../../src/clean/index.js';
import { articleBody, containsAll, htmlInput, type Lang, PROSE, page } from './helpers.js';

const NAV = '<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>';
const LANGS: Lang[] = ['en', 'ru', 'zh', 'ar'];

/** Boilerplate kinds placed around or inside the article, each with the rule expected to cut it. */
const BOILERPLATE: ReadonlyArray<{ kind: string; markup: string; marker: string; rule: RegExp }> = [
  {
    kind: 'footer',
    markup: '<footer><p>Copyright 2026 Example Media Group. All rights reserved worldwide.</p></footer>',
    marker: 'All rights reserved',
    rule: /element-footer|furniture/,
  },
  {
    kind: 'share bar',
    markup: '<div class="share-tools"><a href="#">Facebook</a> <a href="#">X</a> <span>Share this story with friends</span></div>',
    marker: 'Share this story',
    rule: /furniture-class|link/,
  },
  {
    kind: 'related list',
    markup:
      '<ul class="list"><li><a href="/a">Council approves new budget for schools</a></li><li><a href="/b">Bridge repairs delayed again</a></li><li><a href="/c">Mayor opens new library</a></li></ul>',
    marker: 'Bridge repairs delayed',
    rule: /link-block|link-dense/,
  },
  {
    kind: 'figure caption',
    markup: '<figure><img src="x.jpg"><figcaption>A night bus waits at the depot.</figcaption></figure>',
    marker: 'waits at the depot',
    rule: /element-fig/,
  },
  {
    kind: 'aside',
    markup: '<aside><p>Most read: five stories everybody is talking about this week, updated hourly.</p></aside>',
    marker: 'Most read',
    rule: /element-aside/,
  },
  {
    kind: 'teaser cards',
    markup: `<div class="more">${[1, 2, 3, 4].map((i) => `<div class="card card-${i}"><div class="thumb"><a href="/s${i}"><img src="t.jpg"></a></div><div class="title"><a href="/s${i}">Other story ${i}</a></div><div class="teaser-text">A one-line summary of story ${i}.</div></div>`).join('')}</div>`,
    marker: 'A one-line summary of story 2',
    rule: /teaser-list/,
  },
  {
    kind: 'closing call to action with a link',
    markup: '<p>Get our free morning newsletter: <a href="/newsletter">subscribe here</a> and never miss a story.</p>',
    marker: 'morning newsletter',
    rule: /promo-line/,
  },
  {
    kind: 'comments',
    markup: '<div class="comments"><p>Great article, thanks for writing it, I really enjoyed reading every word.</p></div>',
    marker: 'Great article',
    rule: /furniture-class/,
  },
];

describe('HTML extraction: boilerplate kinds are cut and the body kept', () => {
  for (const lang of LANGS) {
    for (const b of BOILERPLATE) {
      it(`${lang}: ${b.kind}`, () => {
        const html = page('<title>Night buses</title>', `${NAV}<main>${articleBody(lang, b.markup)}</main><footer>Site footer text here</footer>`, lang);
        const out = clean(htmlInput(html, 'https://example.com/news/2026/night-buses'));
        assert.equal(out.isArticle, true, out.notArticleReason ?? '');
        assert.deepEqual(containsAll(out.text, PROSE[lang]), [], 'every body paragraph kept');
        assert.ok(!out.text.includes(b.marker), `${b.kind} removed from the text`);
        const cut = out.removed.find((r) => r.text.includes(b.marker));
        assert.ok(cut, `${b.kind} kept in removed[]`);
        assert.match(cut.rule, b.rule);
        assert.ok(cut.reason.length > 0);
        assert.ok(!out.text.includes('World Sport'), 'navigation removed');
      });
    }
  }
  it('keeps paragraphs as separate blocks separated by a blank line', () => {
    const out = clean(htmlInput(page('', articleBody('en')), 'https://example.com/a/b'));
    assert.equal(out.paragraphs.length, PROSE.en.length);
    assert.equal(out.text, out.paragraphs.join('\n\n'));
  });
  it('a byline/date line at the top is cut as a dateline', () => {
    const body = `<article><p>By Ana Lima - 03/04/2026 08:15</p>${PROSE.en.map((p) => `<p>${p}</p>`).join('')}</article>`;
    const out = clean(htmlInput(page('', body), 'https://example.com/a/b'));
    assert.equal(out.removed.find((r) => r.text.startsWith('By Ana Lima'))?.rule, 'dateline');
    assert.deepEqual(containsAll(out.text, PROSE.en), []);
  });
  it('an unlinked ALL-CAPS subheading in a <p> is kept (a linked one is a teaser)', () => {
    const body = `<article>${PROSE.en
      .slice(0, 2)
      .map((p) => `<p>${p}</p>`)
      .join('')}<p>WHO PAYS FOR IT?</p><p><a href="/x">MAYOR PROMISES FREE TRAMS FOR EVERY STUDENT NEXT YEAR</a></p>${PROSE.en
      .slice(2)
      .map((p) => `<p>${p}</p>`)
      .join('')}</article>`;
    const out = clean(htmlInput(page('', body), 'https://example.com/a/b'));
    assert.ok(out.paragraphs.includes('WHO PAYS FOR IT?'));
    assert.ok(!out.text.includes('FREE TRAMS'));
  });
  it('keeps table cells (short labels, numbers) and repeated list items', () => {
    const table =
      '<table><tr><th>Pos</th><th>Player</th><th>Plays</th></tr><tr><td>DL</td><td>Ana Lima</td><td>63</td></tr><tr><td>LB</td><td>Ben Okafor</td><td>57</td></tr></table>';
    const lists = [1, 2].map((i) => `<h3>Model ${i}</h3><ul><li>Easy setup for all your devices</li><li>Water resistant</li></ul>`).join('');
    const out = clean(htmlInput(page('', `<article>${PROSE.en.map((p) => `<p>${p}</p>`).join('')}${table}${lists}</article>`), 'https://example.com/a/b'));
    for (const cell of ['DL', '63', 'Ben Okafor', 'Pos']) assert.ok(out.paragraphs.includes(cell), cell);
    assert.equal(out.paragraphs.filter((p) => p === 'Easy setup for all your devices').length, 2);
  });
  it('keeps subheadings inside the body', () => {
    const body = `<article>${PROSE.en
      .slice(0, 2)
      .map((p) => `<p>${p}</p>`)
      .join('')}<h2>What happens next</h2>${PROSE.en
      .slice(2)
      .map((p) => `<p>${p}</p>`)
      .join('')}</article>`;
    const out = clean(htmlInput(page('', body), 'https://example.com/a/b'));
    assert.ok(out.paragraphs.includes('What happens next'));
  });
  it('joins an article split into sibling chunks with an ad between them', () => {
    const chunk = (ps: readonly string[]) =>
      `<div class="grid"><div class="article-body">${ps.map((p) => `<p>${p}</p>`).join('')}</div><div class="ad-rail"></div></div>`;
    const body = `<main><article>${chunk(PROSE.en.slice(0, 2))}<div class="ad"><a href="#">Sponsored</a></div>${chunk(PROSE.en.slice(2))}</article></main>`;
    const out = clean(htmlInput(page('', body), 'https://example.com/a/b'));
    assert.deepEqual(containsAll(out.text, PROSE.en), []);
  });
  it('the linkedom front end gives the same article as the tokenizer', () => {
    const html = page('<title>T</title>', `${NAV}<main>${articleBody('en', BOILERPLATE[1]?.markup)}</main>`);
    const a = clean(htmlInput(html, 'https://example.com/a/b'));
    const b = clean(htmlInput(html, 'https://example.com/a/b'), { parser: 'linkedom' });
    assert.equal(a.text, b.text);
    assert.deepEqual(a.removed, b.removed);
  });
});

describe('HTML extraction: fallbacks record why', () => {
  it('whole-page paragraphs when the best container is too small', () => {
    // Each paragraph sits in its own table cell row, so no single container gathers enough text.
    const body = `<table>${PROSE.en.map((p) => `<tr><td><div><div><p>${p}</p></div></div></td></tr>`).join('')}</table>`;
    const out = clean(htmlInput(page('', body), 'https://example.com/a/b'));
    assert.deepEqual(containsAll(out.text, PROSE.en), []);
  });
  it('JSON-LD articleBody when the DOM under-delivers', () => {
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Night buses', articleBody: PROSE.en.join('\n') };
    const head = `<script type="application/ld+json">${JSON.stringify(ld)}</script>`;
    const out = clean(htmlInput(page(head, '<div id="app">Loading…</div>'), 'https://example.com/a/b'));
    assert.deepEqual(containsAll(out.text, PROSE.en), []);
    assert.ok(
      out.fallbacks.some((f) => f.includes('articleBody')),
      JSON.stringify(out.fallbacks),
    );
  });
  it('a JSON-LD block that does not parse is recorded and other sources used', () => {
    const head = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><meta property="og:title" content="From OG">';
    const out = clean(htmlInput(page(head, articleBody('en')), 'https://example.com/a/b'));
    assert.equal(out.title, 'From OG');
    assert.ok(out.fallbacks.some((f) => f.startsWith('json-ld')));
  });
});

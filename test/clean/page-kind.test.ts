import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clean } from '../../src/clean/index.js';
import { articleBody, htmlInput, PROSE, page } from './helpers.js';

/** A listing: teaser cards, each a headline link and a one-line summary. */
function teasers(n: number): string {
  const cards = Array.from(
    { length: n },
    (_, i) =>
      `<div class="card"><h3><a href="/news/${i}">Story number ${i} about the city council and its latest decisions</a></h3><p>Short summary ${i}.</p></div>`,
  );
  return `<main><section class="stream">${cards.join('')}</section></main>`;
}

const CASES: ReadonlyArray<{ name: string; html: string; url: string; reason: RegExp }> = [
  {
    name: 'home page (site root, teaser cards)',
    html: page('<meta property="og:type" content="website">', teasers(20)),
    url: 'https://news.example.org/',
    reason: /home page|listing/,
  },
  { name: 'tag index', html: page('', teasers(12)), url: 'https://news.example.org/tag/transport/', reason: /index page|listing/ },
  {
    name: 'section index without URL hints',
    html: page('<meta property="og:type" content="website">', teasers(25)),
    url: 'https://news.example.org/news/world',
    reason: /listing/,
  },
  {
    name: 'schema.org CollectionPage',
    html: page(`<script type="application/ld+json">{"@type":"CollectionPage","name":"Transport"}</script>`, `<main>${articleBody('en')}</main>`),
    url: 'https://news.example.org/transport',
    reason: /CollectionPage/,
  },
  {
    name: 'error page',
    html: page('<title>404 Not Found</title>', '<h1>Not Found</h1><p>The page you requested could not be found.</p>'),
    url: 'https://news.example.org/x/y',
    reason: /error page|too little/,
  },
  {
    name: 'scripts and styles only',
    html: page('<style>p{}</style>', '<script>var a = 1;</script>'),
    url: 'https://news.example.org/x/y',
    reason: /too little|no container/,
  },
];

describe('non-article pages are flagged with a reason, not merged', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const out = clean(htmlInput(c.html, c.url));
      assert.equal(out.isArticle, false);
      assert.match(out.notArticleReason ?? '', c.reason);
      assert.equal(out.text, '', 'no merged blob');
    });
  }
  it('a short article on a link-heavy page is still an article', () => {
    const nav = `<nav>${Array.from({ length: 60 }, (_, i) => `<a href="/s${i}">Section ${i}</a>`).join(' ')}</nav>`;
    const html = page('<meta property="og:type" content="article">', `${nav}<main><article><p>${PROSE.en[0]}</p><p>${PROSE.en[1]}</p></article></main>`);
    const out = clean(htmlInput(html, 'https://news.example.org/2026/03/04/short'));
    assert.equal(out.isArticle, true, out.notArticleReason ?? '');
  });
  it('an article whose URL has a section word is still an article', () => {
    const out = clean(htmlInput(page('', `<main>${articleBody('en')}</main>`), 'https://news.example.org/section/transport/night-buses'));
    assert.equal(out.isArticle, true, out.notArticleReason ?? '');
  });
});

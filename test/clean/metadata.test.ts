import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clean } from '../../src/clean/index.js';
import { articleBody, htmlInput, type Lang, page } from './helpers.js';

const URL_ = 'https://news.example.org/2026/03/04/night-buses';

interface Case {
  readonly name: string;
  readonly head: string;
  readonly body?: string;
  readonly lang?: Lang;
  readonly htmlLang?: string;
  readonly expect: Partial<Record<'title' | 'byline' | 'published' | 'modified' | 'siteName' | 'url' | 'language', string | null>>;
  readonly sources?: Partial<Record<string, string>>;
}

const ld = (o: object) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

const CASES: Case[] = [
  {
    name: 'JSON-LD NewsArticle: every field, published and modified kept apart',
    head: ld({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Night buses extended',
      author: [{ '@type': 'Person', name: 'Ana Lima' }, { name: 'Ben Okafor' }],
      datePublished: '2026-03-04T08:00:00Z',
      dateModified: '2026-03-05T10:30:00Z',
      publisher: { '@type': 'Organization', name: 'Example News' },
      inLanguage: 'en-GB',
      url: URL_,
    }),
    expect: {
      title: 'Night buses extended',
      byline: 'Ana Lima, Ben Okafor',
      published: '2026-03-04T08:00:00.000Z',
      modified: '2026-03-05T10:30:00.000Z',
      siteName: 'Example News',
      language: 'en',
    },
    sources: { title: 'json-ld', byline: 'json-ld', published: 'json-ld', modified: 'json-ld', siteName: 'json-ld', language: 'json-ld' },
  },
  {
    name: 'JSON-LD inside @graph with an Article type array',
    head: ld({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Graph Site' },
        { '@type': ['Article'], headline: 'From the graph', datePublished: '2026-01-02' },
      ],
    }),
    expect: { title: 'From the graph', published: '2026-01-02', siteName: 'Graph Site' },
    sources: { title: 'json-ld', siteName: 'json-ld' },
  },
  {
    name: 'JSON-LD with a raw line break inside a string still parses',
    head: '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Two\nlines", "datePublished": "2026-01-05"}</script>',
    expect: { title: 'Two lines', published: '2026-01-05' },
    sources: { title: 'json-ld' },
  },
  {
    name: 'OpenGraph and article: meta tags',
    head: '<meta property="og:title" content="OG title &amp; more"><meta property="og:site_name" content="OG Site"><meta property="og:url" content="https://news.example.org/og"><meta property="article:published_time" content="2026-02-01T09:00:00+01:00"><meta property="article:modified_time" content="2026-02-02T09:00:00+01:00">',
    expect: {
      title: 'OG title & more',
      siteName: 'OG Site',
      url: 'https://news.example.org/og',
      published: '2026-02-01T08:00:00.000Z',
      modified: '2026-02-02T08:00:00.000Z',
    },
    sources: {
      title: 'meta:og:title',
      siteName: 'meta:og:site_name',
      url: 'meta:og:url',
      published: 'meta:article:published_time',
      modified: 'meta:article:modified_time',
    },
  },
  {
    name: 'plain meta tags (author, date) and a canonical link over og:url',
    head: '<meta name="author" content="Chen Wei"><meta name="date" content="2025-12-24"><link rel="canonical" href="/2025/12/24/story"><meta property="og:url" content="https://elsewhere.example/x">',
    expect: { byline: 'Chen Wei', published: '2025-12-24', url: 'https://news.example.org/2025/12/24/story' },
    sources: { byline: 'meta:author', published: 'meta:date', url: 'link-canonical' },
  },
  {
    name: 'an author meta holding a URL is not a byline; itemprop author is',
    head: '<meta property="article:author" content="https://facebook.com/someone">',
    body: `<article><span itemprop="author">Maria Rossi</span>${articleBody('en')}</article>`,
    expect: { byline: 'Maria Rossi' },
    sources: { byline: 'itemprop:author' },
  },
  {
    name: '<time datetime> inside the article when nothing else gives a date',
    head: '',
    body: `<div><time datetime="2020-01-01">old sidebar date</time></div><main><article><time datetime="2026-03-04T07:15:00Z">4 March</time>${articleBody('en')}</article></main>`,
    expect: { published: '2026-03-04T07:15:00.000Z', modified: null },
    sources: { published: 'time' },
  },
  {
    name: 'document <title> with the site suffix stripped when no other title exists',
    head: '<title>Night buses reach the north | The Example Post</title><meta property="og:site_name" content="The Example Post">',
    body: `<main>${articleBody('en').replace('<h1>Headline</h1>', '')}</main>`,
    expect: { title: 'Night buses reach the north' },
    sources: { title: 'title' },
  },
  { name: 'language from <html lang>', head: '', htmlLang: 'ru-RU', lang: 'ru', expect: { language: 'ru' }, sources: { language: 'html-lang' } },
  {
    name: 'language detected from Cyrillic text when undeclared',
    head: '',
    htmlLang: '',
    lang: 'ru',
    expect: { language: 'ru' },
    sources: { language: 'detected' },
  },
  {
    name: 'language detected from Arabic text when undeclared',
    head: '',
    htmlLang: '',
    lang: 'ar',
    expect: { language: 'ar' },
    sources: { language: 'detected' },
  },
  {
    name: 'language from og:locale',
    head: '<meta property="og:locale" content="zh_CN">',
    htmlLang: '',
    lang: 'zh',
    expect: { language: 'zh' },
    sources: { language: 'meta:og:locale' },
  },
];

describe('metadata sources', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const lang = c.lang ?? 'en';
      const html = page(c.head, c.body ?? `<main>${articleBody(lang)}</main>`, c.htmlLang ?? lang).replace(' lang=""', '');
      const out = clean(htmlInput(html, URL_));
      assert.equal(out.isArticle, true, out.notArticleReason ?? '');
      for (const [k, v] of Object.entries(c.expect)) assert.equal(out[k as keyof typeof out], v, `${k}`);
      for (const [k, v] of Object.entries(c.sources ?? {})) assert.equal(out.fieldSources[k], v, `source of ${k}`);
    });
  }
  it('input metadata fills fields the page lacks', () => {
    const input = { ...htmlInput(page('', `<main>${articleBody('en')}</main>`)), meta: { outlet: 'Given Outlet', url: URL_ } };
    const out = clean(input);
    assert.equal(out.siteName, 'Given Outlet');
    assert.equal(out.fieldSources.siteName, 'input');
    assert.equal(out.url, URL_);
  });
});

describe('dates', () => {
  for (const [given, expected] of [
    ['2026-03-04T08:00:00+02:00', '2026-03-04T06:00:00.000Z'],
    ['2026-03-04T08:00:00Z', '2026-03-04T08:00:00.000Z'],
    ['Wed, 04 Mar 2026 08:00:00 GMT', '2026-03-04T08:00:00.000Z'],
    ['2026-03-04T08:00:00', '2026-03-04T08:00:00'],
    ['2026-03-04', '2026-03-04'],
  ] as const) {
    it(`${given} → ${expected} (no zone: kept as found)`, () => {
      const html = page(`<meta property="article:published_time" content="${given}">`, `<main>${articleBody('en')}</main>`);
      assert.equal(clean(htmlInput(html, URL_)).published, expected);
    });
  }
});

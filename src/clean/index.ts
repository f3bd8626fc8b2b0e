import { parseHTML } from 'linkedom';
import type { CleanedArticle, RawInput, RemovedBlock } from '../types.js';
import { detectLanguage, normaliseLanguageTag } from './language.js';

/** The clean stage: turns one raw input into an article's text and metadata, keeping what it removed. */
export interface Cleaner {
  clean(input: RawInput): CleanedArticle;
}

function normaliseWhitespace(s: string): string {
  return s.normalize('NFC').replace(/[\u00a0\t ]+/g, ' ').trim();
}

function paragraphsOfText(body: string, removed: RemovedBlock[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const block of body.split(/\r?\n/)) {
    const p = normaliseWhitespace(block);
    if (!p) continue;
    const key = p.toLowerCase();
    if (seen.has(key)) {
      removed.push({ text: p, rule: 'repeated-block', reason: 'paragraph already appears earlier in the article' });
      continue;
    }
    seen.add(key);
    out.push(p);
  }
  return out;
}

function meta(doc: Document, selector: string, attr = 'content'): string | null {
  const v = doc.querySelector(selector)?.getAttribute(attr);
  return v?.trim() ? v.trim() : null;
}

function cleanHtml(input: RawInput): CleanedArticle {
  const { document } = parseHTML(input.body);
  const removed: RemovedBlock[] = [];
  const fieldSources: Record<string, string> = {};
  for (const el of document.querySelectorAll('script, style, noscript, nav, header, footer, aside, form, iframe')) {
    const text = normaliseWhitespace(el.textContent ?? '');
    if (text) removed.push({ text, rule: `element-${el.tagName.toLowerCase()}`, reason: `<${el.tagName.toLowerCase()}> is page furniture, not article text` });
    el.remove();
  }
  const root = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
  const paragraphs: string[] = [];
  const seen = new Set<string>();
  for (const el of root?.querySelectorAll('p, h2, h3, li, blockquote') ?? []) {
    const p = normaliseWhitespace(el.textContent ?? '');
    if (!p || seen.has(p)) continue;
    seen.add(p);
    paragraphs.push(p);
  }
  const ogTitle = meta(document, 'meta[property="og:title"]');
  const h1 = normaliseWhitespace(document.querySelector('h1')?.textContent ?? '');
  const docTitle = normaliseWhitespace(document.querySelector('title')?.textContent ?? '');
  const title = input.meta.title ?? ogTitle ?? (h1 || docTitle);
  fieldSources.title = input.meta.title ? 'input' : ogTitle ? 'og' : h1 ? 'h1' : 'title';
  const text = paragraphs.join('\n\n');
  const declaredLang = normaliseLanguageTag(input.meta.language ?? document.documentElement?.getAttribute('lang'));
  return {
    title,
    text,
    paragraphs,
    byline: input.meta.author ?? meta(document, 'meta[name="author"]'),
    published: input.meta.published ?? meta(document, 'meta[property="article:published_time"]') ?? meta(document, 'time[datetime]', 'datetime'),
    modified: input.meta.modified ?? meta(document, 'meta[property="article:modified_time"]'),
    siteName: input.meta.outlet ?? meta(document, 'meta[property="og:site_name"]'),
    url: input.meta.url ?? meta(document, 'link[rel="canonical"]', 'href') ?? meta(document, 'meta[property="og:url"]'),
    language: declaredLang ?? detectLanguage(text),
    isArticle: paragraphs.length > 0,
    notArticleReason: paragraphs.length > 0 ? null : 'no paragraph text found',
    removed,
    fieldSources,
    fallbacks: [],
  };
}

function cleanPlain(input: RawInput): CleanedArticle {
  const removed: RemovedBlock[] = [];
  const paragraphs = paragraphsOfText(input.body, removed);
  const text = paragraphs.join('\n\n');
  return {
    title: normaliseWhitespace(input.meta.title ?? paragraphs[0] ?? ''),
    text,
    paragraphs,
    byline: input.meta.author ?? null,
    published: input.meta.published ?? null,
    modified: input.meta.modified ?? null,
    siteName: input.meta.outlet ?? null,
    url: input.meta.url ?? null,
    language: normaliseLanguageTag(input.meta.language) ?? detectLanguage(text),
    isArticle: paragraphs.length > 0,
    notArticleReason: paragraphs.length > 0 ? null : 'no text',
    removed,
    fieldSources: {},
    fallbacks: [],
  };
}

/** Cleans one input: HTML pages through DOM extraction, text through line-level cleaning. */
export function clean(input: RawInput): CleanedArticle {
  return input.format === 'html' ? cleanHtml(input) : cleanPlain(input);
}

export const defaultCleaner: Cleaner = { clean };

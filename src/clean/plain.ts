import type { CleanedArticle, RawInput, RemovedBlock } from '../types.js';
import { finishArticle } from './finish.js';
import { MIN_ARTICLE_CHARS } from './internal/page-kind.js';
import type { CleanOptions } from './options.js';
import { cleanParagraphs } from './text.js';

/** Cleans text already pulled out of a page (text, markdown, JSON records). */
export function cleanPlain(input: RawInput, options: CleanOptions): CleanedArticle {
  const removed: RemovedBlock[] = [];
  const lines = input.body.split(/\r?\n/);
  const cleaned = cleanParagraphs(lines, { title: input.meta.title ?? '', options, removed, html: false });
  const chars = cleaned.paragraphs.reduce((n, p) => n + p.length, 0);
  const kind = chars >= MIN_ARTICLE_CHARS ? { isArticle: true, reason: null } : { isArticle: false, reason: `too little article text (${chars} chars < ${MIN_ARTICLE_CHARS})` };
  return finishArticle(input, {
    paragraphs: cleaned.paragraphs,
    title: null,
    byline: cleaned.byline,
    published: null,
    modified: null,
    siteName: null,
    url: null,
    language: null,
    removed,
    fallbacks: [],
    kind,
  });
}

import type { CleanedArticle, RawInput, RemovedBlock } from '../types.js';
import { finishArticle } from './finish.js';
import type { Sourced } from './internal/metadata.js';
import { MIN_ARTICLE_CHARS } from './internal/page-kind.js';
import { chooseTitle } from './internal/text-title.js';
import { weightedLength } from './internal/text-weight.js';
import type { CleanOptions } from './options.js';
import { cleanParagraphs } from './text.js';

/** Cleans text already pulled out of a page (text, markdown, JSON records): line rules, then a title check. */
export function cleanPlain(input: RawInput, options: CleanOptions): CleanedArticle {
  const removed: RemovedBlock[] = [];
  const fallbacks: string[] = [];
  const given = input.meta.title ?? '';
  const lines = input.body.split(/\r?\n/);
  // A "title" that is really the lead paragraph goes back into the body before cleaning.
  const leadIsTitle = chooseTitle.looksLikeParagraph(given);
  if (leadIsTitle) lines.unshift(given);
  const cleaned = cleanParagraphs(lines, { title: leadIsTitle ? '' : given, options, removed, html: false });
  const picked = chooseTitle(given, cleaned.paragraphs, leadIsTitle);
  if (picked.fallback) fallbacks.push(picked.fallback);
  if (picked.removedLine !== null) {
    const [line] = cleaned.paragraphs.splice(picked.removedLine, 1);
    if (line) removed.push({ text: line, rule: 'title-line', reason: 'headline line inside the body, used as the title' });
  }
  const chars = cleaned.paragraphs.reduce((n, p) => n + weightedLength(p), 0);
  const kind =
    chars >= MIN_ARTICLE_CHARS
      ? { isArticle: true, reason: null }
      : { isArticle: false, reason: `too little article text (${chars} chars < ${MIN_ARTICLE_CHARS})` };
  const title: Sourced | null = picked.title ? { value: picked.title, source: picked.source } : null;
  return finishArticle(
    // The picked title replaces a junk or paragraph-length input title.
    picked.source === 'input' ? input : { ...input, meta: { ...input.meta, title: undefined } },
    {
      paragraphs: cleaned.paragraphs,
      title,
      byline: cleaned.byline,
      published: cleaned.published,
      modified: null,
      siteName: null,
      url: null,
      language: null,
      removed,
      fallbacks,
      kind,
    },
  );
}

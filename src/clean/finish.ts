import type { CleanedArticle, RawInput, RemovedBlock } from '../types.js';
import type { Sourced } from './internal/metadata.js';
import type { PageKind } from './internal/page-kind.js';
import { wireCredit } from './internal/wire-credit.js';
import { detectLanguage, normaliseLanguageTag } from './language.js';

/** What an extractor found, before input metadata and language detection are merged in. */
export interface Extracted {
  readonly paragraphs: string[];
  readonly title: Sourced | null;
  readonly byline: Sourced | null;
  readonly published: Sourced | null;
  readonly modified: Sourced | null;
  readonly siteName: Sourced | null;
  readonly url: Sourced | null;
  readonly language: Sourced | null;
  readonly removed: RemovedBlock[];
  readonly fallbacks: string[];
  readonly kind: PageKind;
}

type Field = 'title' | 'byline' | 'published' | 'modified' | 'siteName' | 'url' | 'language';
const INPUT_KEY: Readonly<Record<Field, keyof RawInput['meta']>> = {
  title: 'title',
  byline: 'author',
  published: 'published',
  modified: 'modified',
  siteName: 'outlet',
  url: 'url',
  language: 'language',
};

/** Resolves a relative URL against a base; returns the input unchanged when it cannot. */
function absolute(url: string, base: string | undefined): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/**
 * Builds the CleanedArticle: each field from the page when found, else from the input's own
 * metadata, with the source recorded; language detected from the text when nothing declares it.
 * A non-article keeps its metadata but no text (its blocks would be a merged blob).
 */
export function finishArticle(input: RawInput, x: Extracted): CleanedArticle {
  const fieldSources: Record<string, string> = {};
  const pick = (f: Field, page: Sourced | null, preferInput: boolean): string | null => {
    const given = input.meta[INPUT_KEY[f]];
    if (given && (preferInput || !page)) {
      fieldSources[f] = 'input';
      return given.trim();
    }
    if (page) {
      fieldSources[f] = page.source;
      return page.value;
    }
    return null;
  };
  const html = input.format === 'html';
  const title = pick('title', x.title, !html) ?? '';
  const urlRaw = pick('url', x.url, false);
  const url = urlRaw ? absolute(urlRaw, input.meta.url) : null;
  const paragraphs = x.kind.isArticle ? x.paragraphs : [];
  const text = paragraphs.join('\n\n');
  let language = normaliseLanguageTag(pick('language', x.language, !html));
  if (!language) {
    language = detectLanguage(text || x.paragraphs.join('\n'));
    if (language) fieldSources.language = 'detected';
    else delete fieldSources.language;
  }
  if (!fieldSources.title && title) fieldSources.title = 'inferred';
  return {
    title,
    text,
    paragraphs,
    byline: pick('byline', x.byline, !html),
    published: pick('published', x.published, !html),
    modified: pick('modified', x.modified, !html),
    // no outlet on the page, in the input or in a URL (whose host names the publisher): the agency a wire dateline
    // credits, when the text opens with one
    siteName: pick('siteName', x.siteName ?? (url ? null : wireCredit(paragraphs)), !html),
    url,
    language,
    isArticle: x.kind.isArticle,
    notArticleReason: x.kind.reason,
    removed: x.removed,
    fieldSources,
    fallbacks: x.fallbacks,
  };
}

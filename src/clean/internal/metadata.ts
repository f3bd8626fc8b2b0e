import { decodeEntities } from './decode-entities.js';
import type { JsonLdInfo } from './jsonld.js';
import type { LNode, PageTags } from './tree.js';

/** One metadata field's value and where it came from. */
export interface Sourced {
  readonly value: string;
  readonly source: string;
}

export interface PageMetadata {
  title: Sourced | null;
  byline: Sourced | null;
  published: Sourced | null;
  modified: Sourced | null;
  siteName: Sourced | null;
  url: Sourced | null;
  language: Sourced | null;
}

/** Meta keys per field, most specific first. */
const META_KEYS = {
  title: ['og:title', 'twitter:title', 'sailthru.title', 'parsely-title', 'dc.title', 'headline'],
  byline: ['author', 'article:author', 'dc.creator', 'byl', 'sailthru.author', 'parsely-author', 'cxenseparse:author', 'twitter:creator'],
  published: [
    'article:published_time',
    'og:article:published_time',
    'datepublished',
    'pubdate',
    'publishdate',
    'publish-date',
    'date',
    'dc.date.issued',
    'dc.date',
    'dcterms.created',
    'sailthru.date',
    'parsely-pub-date',
    'article.published',
    'og:published_time',
  ],
  modified: ['article:modified_time', 'og:article:modified_time', 'datemodified', 'og:updated_time', 'dcterms.modified', 'last-modified', 'article.updated'],
  siteName: ['og:site_name', 'application-name', 'twitter:site', 'publisher'],
  url: ['og:url', 'twitter:url'],
  language: ['og:locale', 'content-language', 'language', 'dc.language', 'inlanguage'],
} as const;

/** Longest plausible byline; a longer "author" value is a sentence or a blob. */
const MAX_BYLINE_CHARS = 120;

function fromMeta(tags: PageTags, keys: readonly string[], accept: (v: string) => boolean = () => true): Sourced | null {
  for (const k of keys) {
    for (const v of tags.meta.get(k) ?? []) {
      const d = decodeEntities(v).trim();
      if (d && accept(d)) return { value: d, source: `meta:${k}` };
    }
  }
  return null;
}

const isUrl = (v: string) => /^https?:\/\//i.test(v) || v.startsWith('/');
const plausibleByline = (v: string) => !isUrl(v) && v.length <= MAX_BYLINE_CHARS && /\p{L}/u.test(v);
const plausibleDate = (v: string) =>
  /^\d{4}-\d{2}-\d{2}/.test(v) || (/\d{4}/.test(v) && (!Number.isNaN(Date.parse(v)) || !Number.isNaN(Date.parse(v.replace(/\s+/, 'T')))));

/** Deepest nesting walked for a node's text (byline and author elements are shallow; MAX_TREE_DEPTH bounds the rest). */
const TEXT_WALK_DEPTH = 64;

/** Visible text of a light node (whitespace collapsed). */
export function nodeText(n: LNode): string {
  const parts: string[] = [];
  const walk = (x: LNode, depth: number) => {
    for (const c of x.children) {
      if (typeof c === 'string') parts.push(c);
      else if (!c.hidden && depth < TEXT_WALK_DEPTH) walk(c, depth + 1);
    }
  };
  walk(n, 0);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** An explicit time zone: `Z`, `+01:00`, `-0500`, `GMT`, `UTC`. */
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2}|\b(GMT|UTC))\s*$/i;

/**
 * Normalises a date string to ISO 8601 UTC when it carries a time zone; a value without one is
 * kept as found (converting it would silently apply this machine's zone), a date-only value too.
 */
export function normaliseDate(v: string): string {
  const s = v.trim();
  if (!HAS_ZONE.test(s)) return s;
  const t = Date.parse(s);
  return Number.isNaN(t) ? s : new Date(t).toISOString();
}

function fromMarked(tags: PageTags, props: readonly string[], accept: (v: string) => boolean): Sourced | null {
  for (const n of tags.marked) {
    const prop = (n.attrs.itemprop ?? '').toLowerCase();
    const rel = n.attrs.rel;
    const matches = props.includes(prop) || (rel === 'author' && props.includes('author'));
    if (!matches) continue;
    const v = n.attrs.content ?? n.attrs.datetime ?? nodeText(n);
    if (v && accept(v.trim())) return { value: v.trim(), source: rel === 'author' && !prop ? 'rel-author' : `itemprop:${prop}` };
  }
  return null;
}

/**
 * The `<time datetime>` that dates the article: the first inside the article container, else the
 * closest one before it (the dateline in the article header), else the first on the page.
 */
function fromTime(tags: PageTags, within: LNode | null): Sourced | null {
  let before: Sourced | null = null;
  let first: Sourced | null = null;
  for (const n of tags.marked) {
    if (n.tag !== 'time') continue;
    const v = n.attrs.datetime;
    if (!v || !plausibleDate(v)) continue;
    const found = { value: v, source: 'time' };
    first ??= found;
    if (!within) continue;
    for (let a: LNode | null = n; a; a = a.parent) if (a === within) return found;
    if (n.index < within.index) before = found;
  }
  return before ?? first;
}

/** Strips a trailing " | Site" / " - Site" from a document title when the site name is known or the tail is short. */
export function stripSiteSuffix(title: string, site: string | null): string {
  const m = /^(.*\S)\s+[|\-–—:·•»]\s+([^|\-–—:·•»]{2,60})$/.exec(title);
  if (!m?.[1] || !m[2]) return title;
  const tail = m[2].trim().toLowerCase();
  if (site && (tail.includes(site.toLowerCase()) || site.toLowerCase().includes(tail))) return m[1];
  return m[1].split(/\s+/).length >= 3 ? m[1] : title;
}

/** Gathers all page metadata, each field from the most reliable source present. */
export function pageMetadata(tags: PageTags, ld: JsonLdInfo, h1: string | null, container: LNode | null): PageMetadata {
  const siteName = ld.publisher ? { value: ld.publisher, source: 'json-ld' } : fromMeta(tags, META_KEYS.siteName, (v) => !v.startsWith('@'));
  const site = siteName?.value ?? null;
  const docTitle = decodeEntities(tags.docTitle.replace(/\s+/g, ' ').trim());
  const title =
    (ld.headline && { value: decodeEntities(ld.headline), source: 'json-ld' }) ||
    fromMeta(tags, META_KEYS.title) ||
    (h1 && { value: h1, source: 'h1' }) ||
    (docTitle && { value: stripSiteSuffix(docTitle, site), source: 'title' }) ||
    null;
  const byline =
    (ld.authors.length > 0 && { value: [...new Set(ld.authors)].join(', '), source: 'json-ld' }) ||
    fromMeta(tags, META_KEYS.byline, plausibleByline) ||
    fromMarked(tags, ['author', 'creator'], plausibleByline) ||
    null;
  const published =
    (ld.datePublished && { value: ld.datePublished, source: 'json-ld' }) ||
    fromMeta(tags, META_KEYS.published, plausibleDate) ||
    fromMarked(tags, ['datepublished', 'datecreated'], plausibleDate) ||
    fromTime(tags, container);
  const modified =
    (ld.dateModified && { value: ld.dateModified, source: 'json-ld' }) ||
    fromMeta(tags, META_KEYS.modified, plausibleDate) ||
    fromMarked(tags, ['datemodified'], plausibleDate) ||
    null;
  const url =
    (tags.canonical && { value: tags.canonical, source: 'link-canonical' }) ||
    fromMeta(tags, META_KEYS.url, isUrl) ||
    (ld.url && { value: ld.url, source: 'json-ld' }) ||
    null;
  const language =
    (ld.language && { value: ld.language, source: 'json-ld' }) ||
    (tags.lang && { value: tags.lang, source: 'html-lang' }) ||
    fromMeta(tags, META_KEYS.language) ||
    null;
  return {
    title: title ? { value: title.value.replace(/\s+/g, ' ').trim(), source: title.source } : null,
    byline,
    published: published ? { value: normaliseDate(published.value), source: published.source } : null,
    modified: modified ? { value: normaliseDate(modified.value), source: modified.source } : null,
    siteName,
    url,
    language,
  };
}

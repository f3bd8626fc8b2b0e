/** Reads schema.org JSON-LD blocks: the article object, page type and publisher. */

/** schema.org types that describe a single article-like work. */
const ARTICLE_TYPES =
  /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting|Review)$/;
/** schema.org types that describe listing pages (home, section, tag, search). */
const LISTING_TYPES = /^(CollectionPage|SearchResultsPage|ProfilePage|ItemList)$/;

export interface JsonLdInfo {
  headline: string | null;
  authors: string[];
  datePublished: string | null;
  dateModified: string | null;
  publisher: string | null;
  url: string | null;
  language: string | null;
  articleBody: string | null;
  /** An article object was present. */
  hasArticle: boolean;
  /** A listing-page type was present (and no article). */
  listingType: string | null;
  /** Blocks that did not parse as JSON. */
  errors: number;
}

type Obj = Record<string, unknown>;

function types(o: Obj): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function str(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (Array.isArray(v)) for (const x of v) if (typeof x === 'string' && x.trim()) return x.trim();
  return null;
}

function names(v: unknown): string[] {
  if (!v) return [];
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
  if (Array.isArray(v)) return v.flatMap(names);
  if (typeof v === 'object') {
    const n = (v as Obj).name;
    return typeof n === 'string' && n.trim() ? [n.trim()] : [];
  }
  return [];
}

function urlOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') return str((v as Obj)['@id']) ?? str((v as Obj).url);
  return null;
}

/** Raw control characters (U+0000–U+001F), invalid inside JSON strings. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching raw control characters is the point
const CONTROL_CHARS = /[\x00-\x1f]+/g;

/** Deepest array/@graph nesting read (real JSON-LD uses 2–3 levels). */
const MAX_LD_DEPTH = 8;

/** Flattens arrays and `@graph` containers into a list of objects. */
function flatten(v: unknown, out: Obj[], depth: number): void {
  if (depth > MAX_LD_DEPTH || !v || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) flatten(x, out, depth + 1);
    return;
  }
  const o = v as Obj;
  out.push(o);
  if (Array.isArray(o['@graph'])) flatten(o['@graph'], out, depth + 1);
}

/** Parses every JSON-LD block; the first article object wins each field. */
export function readJsonLd(blocks: readonly string[]): JsonLdInfo {
  const info: JsonLdInfo = {
    headline: null,
    authors: [],
    datePublished: null,
    dateModified: null,
    publisher: null,
    url: null,
    language: null,
    articleBody: null,
    hasArticle: false,
    listingType: null,
    errors: 0,
  };
  const objects: Obj[] = [];
  for (const b of blocks) {
    try {
      // Some sites leave raw control characters inside JSON strings; strip them before parsing.
      flatten(JSON.parse(b.replace(CONTROL_CHARS, ' ')), objects, 0);
    } catch {
      info.errors++;
    }
  }
  let listing: string | null = null;
  for (const o of objects) {
    const ts = types(o);
    if (!ts.some((t) => ARTICLE_TYPES.test(t))) {
      const l = ts.find((t) => LISTING_TYPES.test(t));
      if (l && !listing) listing = l;
      if (!info.publisher && ts.some((t) => t === 'WebSite' || t === 'NewsMediaOrganization' || t === 'Organization')) info.publisher = str(o.name);
      continue;
    }
    if (info.hasArticle) continue;
    info.hasArticle = true;
    info.headline = str(o.headline) ?? str(o.name);
    info.authors = names(o.author ?? o.creator);
    info.datePublished = str(o.datePublished) ?? str(o.dateCreated);
    info.dateModified = str(o.dateModified);
    info.publisher = names(o.publisher)[0] ?? info.publisher;
    info.url = urlOf(o.url) ?? urlOf(o.mainEntityOfPage);
    info.language = str(o.inLanguage);
    info.articleBody = str(o.articleBody);
  }
  info.listingType = info.hasArticle ? null : listing;
  return info;
}

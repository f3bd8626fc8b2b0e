import type { JsonLdInfo } from './jsonld.js';
import { linkDensity } from './stats.js';
import { weightedLength } from './text-weight.js';
import type { LNode, PageTags } from './tree.js';

export interface PageKind {
  readonly isArticle: boolean;
  readonly reason: string | null;
}

export interface PageFacts {
  readonly url: string | null;
  readonly ld: JsonLdInfo;
  readonly tags: PageTags;
  readonly body: LNode;
  readonly top: LNode | null;
  readonly paragraphs: readonly string[];
  readonly title: string;
}

/** Fewer article characters (Latin-character units, see text-weight.ts) than this is not an article (a stub, an error or a media page): about two sentences. */
export const MIN_ARTICLE_CHARS = 150;
/** A page whose visible text is more than this share link text is a listing… */
const LISTING_LINK_DENSITY = 0.45;
/** …when its best container holds less prose than this (a short article on a link-heavy page still passes). */
const LISTING_MAX_PROSE_CHARS = 1200;
/**
 * …and its best container is itself this link-heavy: teaser cards (headline link + summary) run
 * ~0.3, article bodies under ~0.1.
 */
const LISTING_CONTAINER_LINK_DENSITY = 0.25;
/** HTTP error statuses that error pages put in their title. */
const ERROR_STATUS = /(^|\D)(400|401|403|404|410|451|500|502|503)(\D|$)/;
/** URL path segments that name index pages (a URL convention, checked with the content signals, never alone). */
const INDEX_SEGMENT =
  /^(tag|tags|topic|topics|category|categories|section|sections|author|authors|search|archive|archives|page|label|rubrik|rubrique|tema|temas|kategorie|categoria)$/i;
const ARTICLE_OG_TYPES = /^(article|news|blog|blogposting)$/i;

function urlPath(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

/** Decides whether a page is an article; when not, says why (home, listing, error page, no text). */
export function classifyPage(f: PageFacts): PageKind {
  const prose = f.paragraphs.reduce((n, p) => n + weightedLength(p), 0);
  if (f.ld.listingType) return { isArticle: false, reason: `schema.org type ${f.ld.listingType} marks a listing page` };
  const ogType = f.tags.meta.get('og:type')?.[0] ?? null;
  const declaredArticle = f.ld.hasArticle || (ogType !== null && ARTICLE_OG_TYPES.test(ogType));
  if (ERROR_STATUS.test(f.title) && prose < LISTING_MAX_PROSE_CHARS && !f.ld.hasArticle) {
    return { isArticle: false, reason: `error page: the title carries an HTTP error status ("${f.title.slice(0, 80)}")` };
  }
  const path = urlPath(f.url);
  const segments = path ? path.split('/').filter(Boolean) : null;
  if (!declaredArticle && segments && segments.length === 0 && prose < LISTING_MAX_PROSE_CHARS * 2) {
    return { isArticle: false, reason: 'home page: the URL is the site root and no article metadata is present' };
  }
  // A tag/section/author index names itself in one of the last two path segments (/tag/transport/).
  if (!declaredArticle && segments?.slice(-2).some((s) => INDEX_SEGMENT.test(s)) && prose < LISTING_MAX_PROSE_CHARS) {
    return { isArticle: false, reason: 'index page: the URL names a tag/section/author index and the page has little prose' };
  }
  const teaserContainer = f.top === null || linkDensity(f.top) > LISTING_CONTAINER_LINK_DENSITY;
  if (!declaredArticle && teaserContainer && linkDensity(f.body) > LISTING_LINK_DENSITY && prose < LISTING_MAX_PROSE_CHARS) {
    return {
      isArticle: false,
      reason: `listing page: ${Math.round(linkDensity(f.body) * 100)}% of the page text is links and the best block has ${prose} chars of prose`,
    };
  }
  if (prose < MIN_ARTICLE_CHARS) return { isArticle: false, reason: `too little article text (${prose} chars < ${MIN_ARTICLE_CHARS})` };
  return { isArticle: true, reason: null };
}

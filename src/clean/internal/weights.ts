import type { LNode } from './tree.js';

/**
 * Class/id vocabulary of page templates. These are markup conventions (CSS names), not article
 * language, so they hold for pages in any language; they are one signal among link density,
 * text density and position, never the only reason to cut text.
 */
const POSITIVE = /article|body|content|entry|main|post|story|text|blog|prose|richtext|rich-text|h-entry|hentry/;
const NEGATIVE =
  /comment|share|sharing|social|related|recommend|promo|sponsor|advert|(^|[\s_-])ads?([\s_-]|$)|banner|sidebar|widget|footer|masthead|newsletter|subscri|signup|sign-up|popup|modal|cookie|consent|gdpr|breadcrumb|pagination|pager|menu|(^|[\s_-])nav|toolbar|(^|[\s_-])tags?([\s_-]|$)|byline|author|caption|credit|outbrain|taboola|disqus|most-?read|most-?popular|trending|more-?stories|read-?more|teaser|timestamp|(^|[\s_-])tools|follow|login|skip|hidden|print-only|sr-only|visually-hidden|rail|aside|inline-?(ad|promo)|newsletter|donate|paywall|related/;

/** Score added (or taken) for a class/id naming content (or furniture); Readability's scale, where a paragraph earns 1–5. */
export const CLASS_WEIGHT = 25;

/** Weight of a node's class/id: +CLASS_WEIGHT for content names, −CLASS_WEIGHT for furniture names (both: 0). */
export function classWeight(n: LNode): number {
  if (!n.classId) return 0;
  let w = 0;
  if (NEGATIVE.test(n.classId)) w -= CLASS_WEIGHT;
  if (POSITIVE.test(n.classId)) w += CLASS_WEIGHT;
  return w;
}

/** True when the class/id names furniture and nothing content-like. */
export function isFurnitureClass(n: LNode): boolean {
  return n.classId !== '' && NEGATIVE.test(n.classId) && !POSITIVE.test(n.classId);
}

/**
 * Names of page regions that are almost never the article (comments, sidebars, menus, footers):
 * their paragraphs do not vote for the container. Narrower than NEGATIVE on purpose (Readability's
 * "unlikely candidates" idea): a wrong cut here loses the whole article.
 */
const UNLIKELY =
  /comment|disqus|replies|community|sidebar|skyscraper|footer|menu|breadcrumb|pagination|pager|popup|modal|cookie|consent|gdpr|banner|social|sponsor|related|recommend|outbrain|taboola|newsletter|most-?read|most-?popular|trending|rss/;
const MAYBE = /article|body|content|main|column|story|entry|post-?body|text/;

/** True when a region's class/id marks it as comments/sidebar/menu-like and nothing content-like. */
export function isUnlikelyRegion(n: LNode): boolean {
  return n.classId !== '' && n.tag !== 'body' && n.tag !== 'article' && n.tag !== 'main' && UNLIKELY.test(n.classId) && !MAYBE.test(n.classId);
}

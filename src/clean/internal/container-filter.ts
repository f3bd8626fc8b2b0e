import type { Para } from './paras.js';
import { linkDensity } from './stats.js';
import type { LNode } from './tree.js';
import { isFurnitureClass } from './weights.js';

/** Elements that are page furniture wherever they sit. */
const FURNITURE_TAGS: Readonly<Record<string, string>> = {
  nav: 'navigation',
  aside: 'aside',
  footer: 'footer',
  figcaption: 'caption',
  figure: 'figure',
  form: 'form',
  menu: 'menu',
  dialog: 'dialog',
};
/** A furniture-named subtree holding more than this share of the container's text is kept: a misleading class, not furniture. */
const FURNITURE_MAX_SHARE = 0.3;
/** Lists, tables and divs above this link density are link blocks (Readability's 0.5 for content-weighted nodes). */
const BLOCK_LINK_DENSITY = 0.5;
/** Paragraph runs above this link density are link lines (related, tags, navigation). */
export const PARA_LINK_DENSITY = 0.5;

/** Why a block element inside the article container is cut, or null to keep it. */
export function containerSkip(root: LNode): (n: LNode) => string | null {
  const rootText = Math.max(root.textLen, 1);
  return (n) => {
    const furniture = FURNITURE_TAGS[n.tag];
    if (furniture) {
      // A <form> or <figure> wrapping most of the article is a layout wrapper, not furniture.
      if ((n.tag === 'form' || n.tag === 'figure') && n.textLen > FURNITURE_MAX_SHARE * rootText && n.pCount > 0) return null;
      return `element-${n.tag}`;
    }
    if (n.tag === 'header' && n.pCount === 0) return 'element-header';
    if (isFurnitureClass(n) && n.textLen < FURNITURE_MAX_SHARE * rootText) return 'furniture-class';
    if (isTeaserList(n)) return 'teaser-list';
    if (
      (n.tag === 'ul' || n.tag === 'ol' || n.tag === 'table' || n.tag === 'div' || n.tag === 'section' || n.tag === 'dl') &&
      linkDensity(n) > BLOCK_LINK_DENSITY
    ) {
      return 'link-block';
    }
    return null;
  };
}

/**
 * A paragraph at least this long (visible chars) is prose even with a linked lead sentence; it is
 * cut only above LONG_PARA_LINK_DENSITY (a teaser whose whole text is one link).
 */
const LONG_PARA_CHARS = 200;
const LONG_PARA_LINK_DENSITY = 0.8;

/** Card-like item tags of a teaser list (list items are left to the link-density rules). */
const CARD_TAGS = new Set(['div', 'article', 'section', 'figure', 'aside']);
/** Fewest same-shaped cards that make a teaser list. */
const TEASER_MIN_ITEMS = 3;
/** A teaser card (headline link + one-line summary) is short; longer items are article sections. */
const TEASER_ITEM_MAX_CHARS = 300;
/** Share of the block's text the cards must hold. */
const TEASER_TEXT_SHARE = 0.6;

/** Tag plus class names with digits dropped: cards of one list share it ("post-7816" ~ "post-8106"). */
function signature(n: LNode): string {
  return `${n.tag}.${n.classId.replace(/\d+/g, '').split(/\s+/).filter(Boolean).sort().join('.')}`;
}

/** Cards have inner structure (image box, headline, summary); a paragraph-like div holds only inline content. */
function hasBlockChild(n: LNode): boolean {
  for (const c of n.children) if (typeof c !== 'string' && !c.hidden && c.block) return true;
  return false;
}

/**
 * A block made of repeated same-shaped cards, each short and carrying a link: a "more stories"
 * teaser grid inside the article container. Structure only, so it holds in any language.
 */
function isTeaserList(n: LNode): boolean {
  const groups = new Map<string, { count: number; text: number }>();
  for (const c of n.children) {
    if (typeof c === 'string' || c.hidden || !CARD_TAGS.has(c.tag)) continue;
    if (c.textLen === 0 || c.textLen > TEASER_ITEM_MAX_CHARS || c.linkLen === 0 || !hasBlockChild(c)) continue;
    const key = signature(c);
    const g = groups.get(key) ?? { count: 0, text: 0 };
    g.count++;
    g.text += c.textLen;
    groups.set(key, g);
  }
  for (const g of groups.values()) if (g.count >= TEASER_MIN_ITEMS && g.text >= TEASER_TEXT_SHARE * n.textLen) return true;
  return false;
}

/** Why a paragraph run inside the container is cut, or null to keep it. */
export function paraSkip(p: Para): string | null {
  if (p.owner.tag === 'h1') return 'title-heading';
  if (p.visible === 0) return null;
  const density = p.linkLen / p.visible;
  const limit = p.visible >= LONG_PARA_CHARS ? LONG_PARA_LINK_DENSITY : PARA_LINK_DENSITY;
  return density > limit ? 'link-dense' : null;
}

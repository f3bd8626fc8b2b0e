import type { Para } from './paras.js';
import { linkDensity } from './stats.js';
import type { LNode } from './tree.js';
import { isFurnitureClass } from './weights.js';

/** Elements that are page furniture wherever they sit. */
const FURNITURE_TAGS: Readonly<Record<string, string>> = {
  nav: 'navigation', aside: 'aside', footer: 'footer', figcaption: 'caption', figure: 'figure', form: 'form', menu: 'menu', dialog: 'dialog',
};
/** A furniture-named subtree holding more than this share of the container's text is kept: a misleading class, not furniture. */
const FURNITURE_MAX_SHARE = 0.3;
/** Lists, tables and divs above this link density are link blocks (Readability's 0.5 for content-weighted nodes). */
const BLOCK_LINK_DENSITY = 0.5;
/** …unless they hold at least this many clause marks (a long linked paragraph list is still prose; Readability: 10). */
const PROSE_COMMAS = 10;
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
    if ((n.tag === 'ul' || n.tag === 'ol' || n.tag === 'table' || n.tag === 'div' || n.tag === 'section' || n.tag === 'dl') && linkDensity(n) > BLOCK_LINK_DENSITY) {
      return 'link-block';
    }
    return null;
  };
}

/** Why a paragraph run inside the container is cut, or null to keep it. */
export function paraSkip(p: Para): string | null {
  if (p.owner.tag === 'h1') return 'title-heading';
  if (p.visible > 0 && p.linkLen / p.visible > PARA_LINK_DENSITY) return 'link-dense';
  return null;
}

export { PROSE_COMMAS };

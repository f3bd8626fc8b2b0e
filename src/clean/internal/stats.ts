import { BLOCK_TAGS, type LNode } from './tree.js';

/** Tags counted as paragraphs when judging how much running prose a subtree holds. */
const PROSE_TAGS = new Set(['p', 'pre', 'blockquote']);

/** Visible characters of a text run (whitespace not counted). */
export function visibleLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 160 && c !== 0x200b && c !== 0xfeff) n++;
  }
  return n;
}

/** Fills textLen, linkLen, block and pCount bottom-up (nodes are in pre-order, so reverse order is post-order). */
export function computeStats(nodes: readonly LNode[]): void {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i] as LNode;
    if (n.hidden) continue;
    let text = 0;
    let link = 0;
    let block = BLOCK_TAGS.has(n.tag);
    let p = 0;
    for (const c of n.children) {
      if (typeof c === 'string') {
        text += visibleLength(c);
        continue;
      }
      if (c.hidden) continue;
      text += c.textLen;
      link += c.linkLen;
      p += c.pCount;
      if (c.block) block = true;
    }
    n.textLen = text;
    n.linkLen = n.tag === 'a' ? text : link;
    n.block = block;
    n.pCount = p + (PROSE_TAGS.has(n.tag) && text > 0 ? 1 : 0);
  }
}

/** Share of a node's text inside links (0 for an empty node). */
export function linkDensity(n: LNode): number {
  return n.textLen > 0 ? n.linkLen / n.textLen : 0;
}

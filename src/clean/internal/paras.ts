import type { LNode } from './tree.js';

/** A run of inline content inside one block element: the unit the extractor scores and keeps or cuts. */
export interface Para {
  readonly text: string;
  /** Characters inside links (whitespace not counted), compared against `visible`. */
  readonly linkLen: number;
  /** Visible characters (whitespace not counted). */
  readonly visible: number;
  /** The block element the run sits in. */
  readonly owner: LNode;
}

interface Run {
  parts: string[];
  link: number;
  visible: number;
}

function inline(node: LNode, run: Run, inLink: boolean): void {
  const link = inLink || node.tag === 'a';
  if (node.tag === 'br') {
    run.parts.push('\n');
    return;
  }
  if (node.tag === 'img') {
    return;
  }
  for (const c of node.children) {
    if (typeof c === 'string') run.parts.push(c);
    else if (!c.hidden) inline(c, run, link);
  }
  // Stats already hold the subtree's visible and link lengths; count them once at the top of the inline run.
}

function flushRun(owner: LNode, run: Run, out: Para[]): void {
  if (run.visible > 0) {
    const text = run.parts.join('').replace(/\s+/g, ' ').trim();
    if (text) out.push({ text, linkLen: run.link, visible: run.visible, owner });
  }
  run.parts = [];
  run.link = 0;
  run.visible = 0;
}

/**
 * Splits the subtree under `root` into paragraphs (inline runs per block element) in document
 * order. `skip` says which block elements to leave out entirely (returning the rule that cut them,
 * reported through `onSkip`).
 */
export function collectParas(root: LNode, skip: (n: LNode) => string | null, onSkip: (n: LNode, rule: string) => void): Para[] {
  const out: Para[] = [];
  const walk = (node: LNode): void => {
    const run: Run = { parts: [], link: 0, visible: 0 };
    let lastBr = false;
    for (const c of node.children) {
      if (typeof c === 'string') {
        run.parts.push(c);
        for (let i = 0; i < c.length; i++) {
          const code = c.charCodeAt(i);
          if (code > 32 && code !== 160) {
            run.visible += 1;
            lastBr = false;
          }
        }
        continue;
      }
      if (c.hidden) continue;
      if (c.tag === 'br') {
        if (lastBr) flushRun(node, run, out);
        else run.parts.push('\n');
        lastBr = true;
        continue;
      }
      if (!c.block) {
        inline(c, run, false);
        run.visible += c.textLen;
        run.link += c.linkLen;
        if (c.textLen > 0) lastBr = false;
        continue;
      }
      flushRun(node, run, out);
      lastBr = false;
      const rule = skip(c);
      if (rule) onSkip(c, rule);
      else walk(c);
    }
    flushRun(node, run, out);
  };
  walk(root);
  return out;
}

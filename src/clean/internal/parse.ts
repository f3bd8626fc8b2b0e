import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { TreeBuilder } from './tree.js';

/** Which HTML front end builds the light tree. */
export type HtmlParser = 'tokenizer' | 'linkedom';

/**
 * Builds the light tree straight from htmlparser2's events — the tokenizer linkedom itself parses
 * with, so the tree has the same shape as linkedom's DOM — without allocating a DOM (linkedom's
 * node construction is ~80% of a DOM-based extraction's time; see docs/clean.md).
 */
export function treeFromTokenizer(html: string): TreeBuilder {
  const b = new TreeBuilder();
  const parser = new Parser(
    {
      onopentag: (name, attrs) => b.open(name, attrs),
      ontext: (t) => b.text(t),
      onclosetag: (name) => b.close(name),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return b;
}

interface Frame {
  next: ChildNode | null;
  readonly el: Element;
}

function attributesOf(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of Array.from(el.attributes)) out[a.name.toLowerCase()] = a.value;
  return out;
}

/** Builds the light tree by walking a linkedom DOM (iteratively: deep pages cannot overflow the stack). */
export function treeFromLinkedom(html: string): TreeBuilder {
  const { document } = parseHTML(html) as unknown as { document: Document };
  const b = new TreeBuilder();
  const root = document.documentElement;
  if (!root) return b;
  b.open(root.localName, attributesOf(root));
  const stack: Frame[] = [{ next: root.firstChild, el: root }];
  while (stack.length > 0) {
    const f = stack[stack.length - 1] as Frame;
    const d = f.next;
    if (!d) {
      stack.pop();
      b.close(f.el.localName);
      continue;
    }
    f.next = d.nextSibling;
    if (d.nodeType === 3) b.text((d as Text).data);
    else if (d.nodeType === 1) {
      const el = d as Element;
      b.open(el.localName, attributesOf(el));
      stack.push({ next: el.firstChild, el });
    }
  }
  return b;
}

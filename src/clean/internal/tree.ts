/**
 * The light tree the extractor scores: elements with their class/id, attributes and children,
 * scripts and styles left out, metadata tags (meta, link, title, JSON-LD) collected on the way,
 * hidden elements marked, nesting capped so pathological pages cannot blow the stack.
 *
 * Built from parser events (`open`/`text`/`close`), so it can be fed straight from the HTML
 * tokenizer (fast path) or by walking a linkedom DOM (see `parse.ts`).
 */

/** A light element: tag, class+id string, children (text or elements) and statistics filled in later. */
export interface LNode {
  readonly tag: string;
  /** Lower-cased `class` and `id` joined by a space. */
  readonly classId: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly parent: LNode | null;
  readonly children: Array<LNode | string>;
  /** Pre-order index in the tree. */
  readonly index: number;
  hidden: boolean;
  /** Visible text length (whitespace not counted) of the subtree, excluding hidden parts. */
  textLen: number;
  /** Part of `textLen` inside links. */
  linkLen: number;
  /** True when the element is block-level or contains a block-level element. */
  block: boolean;
  /** Count of paragraph-like descendants (p, pre, blockquote) with text. */
  pCount: number;
}

/** Metadata found while walking the page. */
export interface PageTags {
  /** `property`/`name`/`itemprop` (lower-cased) → content of every `<meta>`, in page order. */
  readonly meta: Map<string, string[]>;
  readonly jsonLd: string[];
  canonical: string | null;
  docTitle: string;
  lang: string | null;
  /** Elements carrying `itemprop`, `datetime` or `rel=author`, in document order. */
  readonly marked: LNode[];
}

/** Elements whose content is never article text. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'embed',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'audio',
  'video',
  'source',
  'picture',
  'map',
  'meta',
  'link',
  'title',
  'head',
]);

/** Block-level tags: they start a new paragraph. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
]);

/**
 * Deepest nesting kept as structure; below it a subtree's text is attached to the deepest kept
 * element. Real article pages stay under ~60 levels; 256 leaves ample room and keeps every later
 * recursion far from the stack limit on 10,000-deep adversarial input.
 */
export const MAX_TREE_DEPTH = 256;

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function isHidden(attrs: Readonly<Record<string, string>>): boolean {
  if (attrs.hidden !== undefined) return true;
  if (attrs['aria-hidden'] === 'true') return true;
  const style = attrs.style;
  return style !== undefined && HIDDEN_STYLE.test(style);
}

const NO_ATTRS: Readonly<Record<string, string>> = Object.freeze({});

/** Receives parser events and builds the light tree. */
export class TreeBuilder {
  readonly nodes: LNode[] = [];
  readonly tags: PageTags = { meta: new Map(), jsonLd: [], canonical: null, docTitle: '', lang: null, marked: [] };
  readonly root: LNode;
  private readonly stack: LNode[];
  /** Open elements inside a skipped element (its own open counts as 1). */
  private skipping = 0;
  /** Text collected for the skipped element being read (JSON-LD script, title), or null. */
  private buffer: string[] | null = null;
  private bufferKind: 'ld' | 'title' | null = null;
  /** Open elements below MAX_TREE_DEPTH, not kept as structure. */
  private overflow = 0;

  constructor() {
    this.root = this.make('#root', NO_ATTRS, null);
    this.stack = [this.root];
  }

  private make(tag: string, attrs: Readonly<Record<string, string>>, parent: LNode | null): LNode {
    const cls = attrs.class;
    const id = attrs.id;
    const node: LNode = {
      tag,
      classId: cls || id ? `${cls ?? ''} ${id ?? ''}`.toLowerCase() : '',
      attrs,
      parent,
      children: [],
      index: this.nodes.length,
      hidden: parent?.hidden === true || isHidden(attrs),
      textLen: 0,
      linkLen: 0,
      block: false,
      pCount: 0,
    };
    this.nodes.push(node);
    return node;
  }

  open(tag: string, attrs: Readonly<Record<string, string>>): void {
    if (this.skipping > 0) {
      this.skipping++;
      return;
    }
    if (SKIP_TAGS.has(tag)) {
      this.collect(tag, attrs);
      // <head> is transparent: its meta/link/title/script children are read, nothing else kept.
      if (tag !== 'head') this.skipping = 1;
      return;
    }
    if (this.stack.length >= MAX_TREE_DEPTH) {
      this.overflow++;
      return;
    }
    const parent = this.stack[this.stack.length - 1] as LNode;
    const node = this.make(tag, attrs, parent);
    parent.children.push(node);
    if (tag === 'html' && !this.tags.lang) this.tags.lang = attrs.lang ?? attrs['xml:lang'] ?? null;
    if (attrs.itemprop !== undefined || attrs.datetime !== undefined || attrs.rel === 'author') this.tags.marked.push(node);
    this.stack.push(node);
  }

  text(s: string): void {
    if (this.skipping > 0) {
      if (this.buffer && this.skipping === 1) this.buffer.push(s);
      return;
    }
    (this.stack[this.stack.length - 1] as LNode).children.push(s);
  }

  close(tag: string): void {
    if (this.skipping > 0) {
      this.skipping--;
      if (this.skipping === 0) this.flushBuffer();
      return;
    }
    if (tag === 'head') return;
    if (this.overflow > 0) {
      this.overflow--;
      return;
    }
    if (this.stack.length > 1) this.stack.pop();
  }

  private collect(tag: string, attrs: Readonly<Record<string, string>>): void {
    switch (tag) {
      case 'script':
        if ((attrs.type ?? '').toLowerCase().includes('ld+json')) {
          this.buffer = [];
          this.bufferKind = 'ld';
        }
        return;
      case 'title':
        if (!this.tags.docTitle) {
          this.buffer = [];
          this.bufferKind = 'title';
        }
        return;
      case 'meta':
        addMeta(this.tags, attrs.property ?? attrs.name ?? attrs.itemprop, attrs.content);
        if (attrs['http-equiv']?.toLowerCase() === 'content-language') addMeta(this.tags, 'content-language', attrs.content);
        return;
      case 'link':
        if ((attrs.rel ?? '').toLowerCase() === 'canonical' && !this.tags.canonical && attrs.href) this.tags.canonical = attrs.href;
        return;
    }
  }

  private flushBuffer(): void {
    if (this.buffer) {
      const s = this.buffer.join('');
      if (this.bufferKind === 'ld') this.tags.jsonLd.push(s);
      else if (this.bufferKind === 'title' && !this.tags.docTitle) this.tags.docTitle = s;
    }
    this.buffer = null;
    this.bufferKind = null;
  }
}

function addMeta(tags: PageTags, key: string | undefined, value: string | undefined): void {
  if (!key || !value) return;
  const k = key.trim().toLowerCase();
  const v = value.trim();
  if (!k || !v) return;
  const list = tags.meta.get(k);
  if (list) list.push(v);
  else tags.meta.set(k, [v]);
}

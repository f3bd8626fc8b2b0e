import type { CleanedArticle, RawInput, RemovedBlock } from '../types.js';
import { CleanError } from './errors.js';
import { finishArticle } from './finish.js';
import { containerSkip, paraSkip } from './internal/container-filter.js';
import { readJsonLd } from './internal/jsonld.js';
import { nodeText, pageMetadata } from './internal/metadata.js';
import { classifyPage } from './internal/page-kind.js';
import { collectParas, type Para } from './internal/paras.js';
import { treeFromLinkedom, treeFromTokenizer } from './internal/parse.js';
import { selectContainer } from './internal/select.js';
import { computeStats } from './internal/stats.js';
import { weightedLength } from './internal/text-weight.js';
import type { LNode, TreeBuilder } from './internal/tree.js';
import { isUnlikelyRegion } from './internal/weights.js';
import type { CleanOptions } from './options.js';
import { cleanParagraphs, type RawLine } from './text.js';

/** Tags whose text never votes for the article container. */
const NON_VOTING_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'menu', 'dialog']);
/**
 * The container pass under-delivers when it yields less than this share of the JSON-LD
 * `articleBody`. Swept 0.3–0.9 on bench/extract (2026-11-21): 0.3–0.7 give F1 0.977, 0.9 drops to
 * 0.972 (the articleBody then replaces good DOM text that merely lacks a caption or two).
 */
const ARTICLE_BODY_UNDER_SHARE = 0.5;
/**
 * Below this many (weighted) characters the container pass has failed: about two short
 * paragraphs. Swept 100–400 on bench/extract: flat at F1 0.977.
 */
const MIN_CONTAINER_CHARS = 200;
/** Longest text kept per removed block in the audit list. */
const MAX_REMOVED_CHARS = 2000;

function clip(s: string): string {
  return s.length > MAX_REMOVED_CHARS ? `${s.slice(0, MAX_REMOVED_CHARS)}…` : s;
}

const REASONS: Readonly<Record<string, string>> = {
  'element-nav': '<nav> holds site navigation',
  'element-aside': '<aside> holds side content',
  'element-footer': '<footer> holds page or article furniture',
  'element-figcaption': 'figure caption, not body text',
  'element-figure': 'figure (image, caption or embed) inside the article',
  'element-form': 'form controls inside the article',
  'element-menu': 'menu',
  'element-dialog': 'dialog',
  'element-header': 'header without paragraphs (title, byline, share bar)',
  'furniture-class': 'class/id names furniture (share, related, caption, ad…) and it holds little of the article text',
  'link-block': 'list/table/box made mostly of links',
  'teaser-list': 'block of repeated short cards with links: teasers of other stories',
  'title-heading': 'the page title heading, kept as the title',
  'link-dense': 'line made mostly of link text',
};

/** Extracts the article from an HTML page in one DOM pass, with a fallback chain when a pass under-delivers. */
export function cleanHtml(input: RawInput, options: CleanOptions): CleanedArticle {
  let built: TreeBuilder;
  try {
    built = options.parser === 'linkedom' ? treeFromLinkedom(input.body) : treeFromTokenizer(input.body);
  } catch (cause) {
    throw new CleanError('html-parse', `cannot parse HTML: ${(cause as Error).message}`, { cause });
  }
  const { nodes, tags } = built;
  computeStats(nodes);
  const body = nodes.find((n) => n.tag === 'body') ?? (nodes[0] as LNode);
  const removed: RemovedBlock[] = [];
  const fallbacks: string[] = [];
  const ld = readJsonLd(tags.jsonLd);
  if (ld.errors > 0) fallbacks.push(`json-ld: ${ld.errors} block(s) did not parse; metadata taken from the other sources`);

  const all = collectParas(
    body,
    (n) => (NON_VOTING_TAGS.has(n.tag) || isUnlikelyRegion(n) ? 'furniture' : null),
    () => {},
  );
  const sel = selectContainer(all, body);
  let paras: Para[] = [];
  const record = (n: LNode, rule: string) => {
    const text = nodeText(n);
    if (text) removed.push({ text: clip(text), rule, reason: REASONS[rule] ?? rule });
  };
  if (sel.top) {
    for (const r of sel.roots) {
      const skip = containerSkip(r);
      const own = skip(r) === null || r === sel.top ? collectParas(r, skip, record) : [];
      paras.push(...own);
    }
  }
  let kept = keepParas(paras, removed);
  let keptChars = kept.reduce((n, p) => n + weightedLength(p.text), 0);
  // Fallback 1: the container is too small; take every prose paragraph of the page instead.
  if (keptChars < MIN_CONTAINER_CHARS) {
    const reason = sel.top ? `container <${sel.top.tag}> gave ${keptChars} chars (< ${MIN_CONTAINER_CHARS})` : 'no container received paragraph votes';
    const skip = containerSkip(body);
    paras = collectParas(body, skip, () => {});
    const wide = keepParas(paras, []);
    const wideChars = wide.reduce((n, p) => n + weightedLength(p.text), 0);
    if (wideChars > keptChars) {
      fallbacks.push(`whole-page paragraphs: ${reason}`);
      kept = wide;
      keptChars = wideChars;
    }
  }
  // Fallback 2: the page's own JSON-LD articleBody is much longer than what the DOM gave.
  const ldChars = ld.articleBody ? weightedLength(ld.articleBody) : 0;
  if (ld.articleBody && keptChars < ARTICLE_BODY_UNDER_SHARE * ldChars) {
    fallbacks.push(`json-ld articleBody: DOM extraction gave ${keptChars} chars, articleBody has ${ldChars}`);
    kept = ld.articleBody.split(/\r?\n/).map((t) => ({ text: t }));
  }
  const h1Node = nodes.find((n) => n.tag === 'h1' && !n.hidden && n.textLen > 0);
  const meta = pageMetadata(tags, ld, h1Node ? nodeText(h1Node) : null, sel.top);
  const cleaned = cleanParagraphs(kept, { title: meta.title?.value ?? '', options, removed, html: true });
  const kind = classifyPage({
    url: meta.url?.value ?? input.meta.url ?? null,
    ld,
    tags,
    body,
    top: sel.top,
    paragraphs: cleaned.paragraphs,
    title: meta.title?.value ?? '',
  });
  return finishArticle(input, {
    paragraphs: cleaned.paragraphs,
    title: meta.title,
    byline: meta.byline ?? cleaned.byline,
    published: meta.published ?? cleaned.published,
    modified: meta.modified,
    siteName: meta.siteName,
    url: meta.url,
    language: meta.language,
    removed,
    fallbacks,
    kind,
  });
}

/** Applies the paragraph-level cuts and returns the kept texts. */
function keepParas(paras: readonly Para[], removed: RemovedBlock[]): RawLine[] {
  const out: RawLine[] = [];
  for (const p of paras) {
    const rule = paraSkip(p);
    if (rule) removed.push({ text: clip(p.text), rule, reason: REASONS[rule] ?? rule });
    else out.push({ text: p.text, heading: HEADINGS.has(p.owner.tag), structured: inStructure(p.owner), linked: p.linkLen > 0 });
  }
  return out;
}

const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
/** Table and list cells: short, unpunctuated lines are their normal content, not fragments. */
const STRUCTURE_TAGS = new Set(['td', 'th', 'li', 'dd', 'dt', 'caption', 'pre', 'code']);
/** How far up a paragraph's owner a table/list cell is looked for. */
const STRUCTURE_LOOKUP_LEVELS = 3;

function inStructure(owner: LNode): boolean {
  let n: LNode | null = owner;
  for (let i = 0; n && i < STRUCTURE_LOOKUP_LEVELS; i++, n = n.parent) if (STRUCTURE_TAGS.has(n.tag)) return true;
  return false;
}

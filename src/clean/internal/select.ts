import { paragraphScore } from './para-score.js';
import type { Para } from './paras.js';
import { linkDensity } from './stats.js';
import { weightedLength } from './text-weight.js';
import type { LNode } from './tree.js';
import { classWeight } from './weights.js';

/** Paragraphs shorter than this (visible chars) do not vote for a container; Readability uses 25. */
export const MIN_VOTING_CHARS = 25;
/** Ancestor levels a paragraph's score is spread over (Readability: 5). */
const VOTE_LEVELS = 5;
/** Top candidates compared when looking for a shared ancestor (Readability: 5). */
const TOP_CANDIDATES = 5;
/** A candidate within this share of the best counts as a close rival (Readability: 0.75). */
const RIVAL_SHARE = 0.75;
/** Rivals needed under one ancestor before that ancestor wins (Readability: 3). */
const MIN_RIVALS = 3;
/** Sibling inclusion threshold: this share of the top score (Readability: 0.2)… */
const SIBLING_SHARE = 0.2;
/** …but never below this absolute score (Readability: 10). */
const SIBLING_MIN_SCORE = 10;
/** A paragraph-like sibling this long with low link density joins the article (Readability: 80 chars, 0.25). */
const SIBLING_PROSE_CHARS = 80;
const SIBLING_PROSE_LINK_DENSITY = 0.25;

/** Paragraphs with less than this share of link text count as running prose. */
const PROSE_MAX_LINK_SHARE = 0.3;
/**
 * Ancestor levels examined when the article is split over sibling wrappers, and the prose gain
 * that makes an ancestor win. Swept levels 2–8 × gain 1.2–2 on bench/extract (2026-11-21): levels
 * 2–4 with gain 1.3–1.5 best (F1 0.973); 6+ levels lose precision (0.972), gain 2 loses recall (0.969).
 */
const CLIMB_LEVELS = 4;
const CLIMB_PROSE_GAIN = 1.3;
/** …and its link density stays under this (an article with its own links runs ≤ 0.15). */
const CLIMB_MAX_LINK_DENSITY = 0.2;

/** Tags whose text is itself a paragraph: their votes go to the parent. */
const PARA_TAGS = new Set(['p', 'pre', 'blockquote', 'td', 'h2', 'h3', 'h4', 'h5', 'h6', 'span', 'font', 'b', 'strong', 'em', 'i']);
/** Paragraph owners that never vote (lists, captions, headings of the page, furniture). */
const NON_VOTING = new Set(['li', 'dt', 'dd', 'th', 'figcaption', 'caption', 'h1', 'nav', 'footer', 'aside', 'header', 'a', 'label', 'address']);

const TAG_BASE: Readonly<Record<string, number>> = {
  div: 5,
  article: 5,
  section: 2,
  main: 5,
  pre: 3,
  td: 3,
  blockquote: 3,
  address: -3,
  ol: -3,
  ul: -3,
  dl: -3,
  dd: -3,
  dt: -3,
  li: -3,
  form: -3,
  h1: -5,
  h2: -5,
  h3: -5,
  h4: -5,
  h5: -5,
  h6: -5,
  th: -5,
};

export interface Selection {
  /** The chosen container and the siblings joined to it, in document order. */
  readonly roots: LNode[];
  readonly top: LNode | null;
  readonly topScore: number;
  /** Scores of all containers that received votes. */
  readonly scores: Map<LNode, number>;
}

/** Readability-style container vote: every paragraph scores its ancestors; the best container (plus qualifying siblings) is the article. */
export function selectContainer(paras: readonly Para[], body: LNode): Selection {
  const scores = new Map<LNode, number>();
  /** Visible characters of voting paragraphs under each node. */
  const prose = new Map<LNode, number>();
  const init = (n: LNode): number => {
    let s = scores.get(n);
    if (s === undefined) {
      s = (TAG_BASE[n.tag] ?? 0) + classWeight(n);
      scores.set(n, s);
    }
    return s;
  };
  for (const p of paras) {
    if (NON_VOTING.has(p.owner.tag)) continue;
    const length = weightedLength(p.text, p.visible);
    if (length < MIN_VOTING_CHARS) continue;
    const vote = paragraphScore(p.text, length);
    if (p.linkLen / p.visible < PROSE_MAX_LINK_SHARE) {
      for (let a: LNode | null = p.owner; a; a = a.parent) prose.set(a, (prose.get(a) ?? 0) + p.visible);
    }
    let node: LNode | null = PARA_TAGS.has(p.owner.tag) ? p.owner.parent : p.owner;
    for (let level = 0; node && level < VOTE_LEVELS; level++, node = node.parent) {
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(node, init(node) + vote / divider);
      if (node === body) break;
    }
  }
  const final = new Map<LNode, number>();
  for (const [n, s] of scores) final.set(n, s * (1 - linkDensity(n)));
  const ranked = [...final.entries()].sort((a, b) => b[1] - a[1]);
  const best = ranked[0];
  if (!best) return { roots: [], top: null, topScore: 0, scores: final };
  let top = best[0];
  const topScore = best[1];
  // Several close rivals under one ancestor: the ancestor is the article (split bodies).
  const rivals = ranked
    .slice(1, TOP_CANDIDATES)
    .filter(([, s]) => s >= topScore * RIVAL_SHARE)
    .map(([n]) => n);
  if (rivals.length >= MIN_RIVALS) {
    for (let a = top.parent; a && a !== body; a = a.parent) {
      const under = rivals.filter((r) => isAncestor(a, r)).length;
      if (under >= MIN_RIVALS) {
        top = a;
        break;
      }
    }
  }
  // Climb while the parent scores higher (the text is spread over the parent's children).
  let last = final.get(top) ?? 0;
  for (let a = top.parent; a && a !== body; a = a.parent) {
    const s = final.get(a);
    if (s === undefined) continue;
    if (s < last / 3) break;
    if (s > last) {
      top = a;
      break;
    }
    last = s;
  }
  // The article split over sibling wrappers (ads or widgets between chunks): climb while an
  // ancestor holds clearly more running prose and is not link-heavy.
  for (let a = top.parent, levels = 0; a && a !== body && levels < CLIMB_LEVELS; a = a.parent, levels++) {
    const mine = prose.get(top) ?? 0;
    if ((prose.get(a) ?? 0) >= mine * CLIMB_PROSE_GAIN && linkDensity(a) < CLIMB_MAX_LINK_DENSITY) top = a;
  }
  // An only child carries no more than its parent.
  while (top.parent && top.parent !== body && elementChildren(top.parent).length === 1) top = top.parent;
  const chunks = sameShapeChunks(top, body);
  const roots = chunks ?? withSiblings(top, final);
  return { roots, top, topScore: final.get(top) ?? topScore, scores: final };
}

/** Ancestor levels searched for an article split into same-shaped chunks (swept 2–10 on bench/extract: F1 0.975–0.976, flat; 4 keeps room for deeper wrappers). */
const CHUNK_LEVELS = 4;

function shapeKey(n: LNode): string {
  return `${n.tag}.${n.classId.replace(/\d+/g, '')}`;
}

/**
 * An article body split into sibling chunks of the same tag and class (ads or widgets between
 * them): the ancestor of the container that has such siblings holding prose, plus those siblings.
 */
function sameShapeChunks(top: LNode, body: LNode): LNode[] | null {
  let a: LNode | null = top;
  for (let level = 0; a?.parent && a !== body && level < CHUNK_LEVELS; level++, a = a.parent) {
    if (!a.classId) continue;
    const key = shapeKey(a);
    const anchor: LNode = a;
    const chunks = elementChildren(a.parent).filter((s) => s === anchor || (shapeKey(s) === key && s.pCount > 0 && linkDensity(s) < CLIMB_MAX_LINK_DENSITY));
    if (chunks.length > 1) return chunks;
  }
  return null;
}

function elementChildren(n: LNode): LNode[] {
  return n.children.filter((c): c is LNode => typeof c !== 'string' && !c.hidden);
}

function isAncestor(a: LNode, n: LNode): boolean {
  for (let x: LNode | null = n; x; x = x.parent) if (x === a) return true;
  return false;
}

function withSiblings(top: LNode, final: Map<LNode, number>): LNode[] {
  const parent = top.parent;
  if (!parent) return [top];
  const topScore = final.get(top) ?? 0;
  const threshold = Math.max(SIBLING_MIN_SCORE, topScore * SIBLING_SHARE);
  const roots: LNode[] = [];
  for (const s of elementChildren(parent)) {
    if (s === top) {
      roots.push(s);
      continue;
    }
    const bonus = s.classId && s.classId === top.classId ? topScore * SIBLING_SHARE : 0;
    const score = (final.get(s) ?? Number.NEGATIVE_INFINITY) + bonus;
    if (score >= threshold) {
      roots.push(s);
      continue;
    }
    if (s.tag === 'p') {
      const ld = linkDensity(s);
      if (s.textLen > SIBLING_PROSE_CHARS && ld < SIBLING_PROSE_LINK_DENSITY) roots.push(s);
    }
  }
  return roots;
}

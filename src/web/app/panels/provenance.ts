import { h, type JSX } from 'preact';
import { api, type ProvenanceGraph } from '../api.js';
import { Status } from '../components/common.js';
import { formatDate } from '../format.js';
import { href } from '../router.js';
import { useLoad } from '../use-load.js';
import type { StorylinePanel } from './types.js';

/** Layout of the copy graph, in SVG user units: one column per copy generation. */
const COL_WIDTH = 220;
const ROW_HEIGHT = 56;
const NODE_W = 190;
const NODE_H = 40;
/** Characters of a title shown inside a node (the full title is in the list and the tooltip). */
const NODE_TITLE_CHARS = 26;

type Node = ProvenanceGraph['nodes'][number];

/** Column = how many copy steps from an original (an article copying nothing is column 0). */
function columns(g: ProvenanceGraph): Map<string, number> {
  const parents = new Map<string, string[]>();
  for (const e of g.edges) parents.set(e.to, [...(parents.get(e.to) ?? []), e.from]);
  const depth = new Map<string, number>();
  const visit = (id: string, seen: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0;
    seen.add(id);
    const d = Math.max(-1, ...(parents.get(id) ?? []).map((p) => visit(p, seen))) + 1;
    depth.set(id, d);
    return d;
  };
  for (const n of g.nodes) visit(n.id, new Set());
  return depth;
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function Graph({ g }: { g: ProvenanceGraph }): JSX.Element {
  const col = columns(g);
  const rows = new Map<number, number>();
  const pos = new Map<string, { x: number; y: number }>();
  for (const n of g.nodes) {
    const c = col.get(n.id) ?? 0;
    const r = rows.get(c) ?? 0;
    rows.set(c, r + 1);
    pos.set(n.id, { x: c * COL_WIDTH + 4, y: r * ROW_HEIGHT + 4 });
  }
  const width = (Math.max(0, ...col.values()) + 1) * COL_WIDTH;
  const height = Math.max(1, ...rows.values()) * ROW_HEIGHT + 8;
  const byId = new Map(g.nodes.map((n) => [n.id, n] as [string, Node]));
  return h(
    'figure',
    { class: 'graph' },
    h(
      'svg',
      { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': 'Copy graph: arrows point from an original to its copies' },
      h(
        'defs',
        null,
        h(
          'marker',
          { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto' },
          h('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow' }),
        ),
      ),
      g.edges.map((e) => {
        const a = pos.get(e.from);
        const b = pos.get(e.to);
        if (!a || !b) return null;
        return h('line', {
          key: `${e.from}-${e.to}`,
          x1: a.x + NODE_W,
          y1: a.y + NODE_H / 2,
          x2: b.x,
          y2: b.y + NODE_H / 2,
          class: `edge edge-${e.kind}`,
          'marker-end': 'url(#arrow)',
        });
      }),
      g.nodes.map((n) => {
        const p = pos.get(n.id) ?? { x: 0, y: 0 };
        return h(
          'a',
          { key: n.id, href: href.article(n.id) },
          h('rect', { x: p.x, y: p.y, width: NODE_W, height: NODE_H, rx: 6, class: n.inStory ? 'node' : 'node node-outside' }),
          h('text', { x: p.x + 8, y: p.y + 16, class: 'node-outlet' }, clip(n.outlet ?? 'unknown outlet', NODE_TITLE_CHARS)),
          h('text', { x: p.x + 8, y: p.y + 32, class: 'node-title' }, clip(n.title, NODE_TITLE_CHARS)),
          h('title', null, `${n.title} (${n.outlet ?? 'unknown outlet'})`),
        );
      }),
    ),
    h(
      'ul',
      { class: 'edge-list' },
      g.edges.map((e) =>
        h(
          'li',
          { key: `${e.from}-${e.to}` },
          h('a', { href: href.article(e.to), dir: 'auto' }, byId.get(e.to)?.title ?? e.to),
          ` is a ${e.kind} copy of `,
          h('a', { href: href.article(e.from), dir: 'auto' }, byId.get(e.from)?.title ?? e.from),
          h('span', { class: 'muted' }, ` (${byId.get(e.from)?.outlet ?? '?'}, ${formatDate(byId.get(e.from)?.published)})`),
        ),
      ),
    ),
  );
}

function ProvenancePanel({ storyId, version }: { storyId: string; version: number }): JSX.Element {
  const state = useLoad((sig) => api.section<ProvenanceGraph>(storyId, 'provenance', sig), [storyId, version]);
  const g = state.data;
  return h(
    'div',
    null,
    h(Status, { state, what: 'copies' }),
    g ? (g.edges.length ? h(Graph, { g }) : h('p', null, 'No copies found: every article here was written independently.')) : null,
  );
}

export const provenancePanel: StorylinePanel = { name: 'provenance', title: 'Copies and their origins', component: ProvenancePanel };

/**
 * The provenance graph: related articles grouped into families (connected by derivation links),
 * each with its likely origin and, for every other member, what it is of which article.
 * Independence groups are these families: articles in different groups do not derive from one
 * another, so the number of groups — never the number of articles — is the number of sources.
 */
import type { Database } from 'better-sqlite3';
import type { DuplicateKind } from '../types.js';
import type { Evidence } from './detectors.js';
import { optionalColumns } from './internal/columns.js';
import { locationLookup } from './internal/locations.js';
import { compareOrigin, ORIGIN_COLUMNS, type OriginFacts } from './internal/rank.js';
import { type DuplicateLink, flipEvidence, KIND_STRENGTH, readLinks } from './links.js';

/** Largest family explored through links (guards against a runaway chain; far above real story sizes). */
export const MAX_FAMILY_SIZE = 5000;

export interface ProvenanceMember {
  readonly id: string;
  /** What this member is of its parent; null for the origin. */
  readonly kind: DuplicateKind | null;
  /** The article it derives from (null for the origin). */
  readonly of: string | null;
  readonly score: number | null;
  /** Evidence with its `a` side = `of`, its `b` side = this member. */
  readonly evidence: Evidence | null;
}

export interface ProvenanceGroup {
  readonly origin: string;
  /** Origin first, then by id. */
  readonly members: readonly ProvenanceMember[];
}

/** Every link of the families of `ids`, following links beyond `ids` up to MAX_FAMILY_SIZE articles. */
export function familyLinks(db: Database, ids: readonly string[]): DuplicateLink[] {
  const seen = new Set(ids);
  const links = new Map<string, DuplicateLink>();
  let frontier = [...seen];
  while (frontier.length > 0 && seen.size <= MAX_FAMILY_SIZE) {
    const next: string[] = [];
    for (const l of readLinks(db, frontier)) {
      links.set(`${l.a}\u0000${l.b}`, l);
      for (const x of [l.a, l.b]) {
        if (!seen.has(x)) {
          seen.add(x);
          next.push(x);
        }
      }
    }
    frontier = next;
  }
  return [...links.values()];
}

function originFacts(db: Database, ids: readonly string[]): Map<string, OriginFacts> {
  const locations = locationLookup(db);
  const extra = optionalColumns(db, 'articles', ORIGIN_COLUMNS);
  const stmt = db.prepare(`SELECT id, seq, published, length(text) AS chars, ${extra}, text FROM articles WHERE id = ?`);
  const out = new Map<string, OriginFacts>();
  for (const id of ids) {
    const row = stmt.get(id) as OriginFacts | undefined;
    if (row) out.set(id, { ...row, locations: locations(id) });
  }
  return out;
}

/** Connected components of `nodes` under `links`, each sorted, the list sorted by first member. */
export function components(nodes: Iterable<string>, links: readonly DuplicateLink[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let c = x;
    while (c !== r) {
      const n = parent.get(c)!;
      parent.set(c, r);
      c = n;
    }
    return r;
  };
  for (const n of nodes) parent.set(n, n);
  for (const l of links) {
    if (!parent.has(l.a)) parent.set(l.a, l.a);
    if (!parent.has(l.b)) parent.set(l.b, l.b);
    const ra = find(l.a);
    const rb = find(l.b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const groups = new Map<string, string[]>();
  for (const n of parent.keys()) {
    const r = find(n);
    let g = groups.get(r);
    if (!g) {
      g = [];
      groups.set(r, g);
    }
    g.push(n);
  }
  return [...groups.values()].map((g) => g.sort()).sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
}

/** The likely origin of a family: earliest reliable publication, then most complete, then stored first. */
function pickOrigin(members: readonly string[], facts: ReadonlyMap<string, OriginFacts>): string {
  const known = members.filter((m) => facts.has(m)).map((m) => facts.get(m)!);
  if (known.length === 0) return [...members].sort()[0]!;
  return known.sort(compareOrigin)[0]!.id;
}

/** Spanning tree from the origin, strongest links first (exact > near > partial > rewrite, then score). */
function buildGroup(members: readonly string[], links: readonly DuplicateLink[], origin: string): ProvenanceGroup {
  const adj = new Map<string, DuplicateLink[]>();
  for (const l of links) {
    for (const x of [l.a, l.b]) {
      let list = adj.get(x);
      if (!list) {
        list = [];
        adj.set(x, list);
      }
      list.push(l);
    }
  }
  const placed = new Map<string, ProvenanceMember>([[origin, { id: origin, kind: null, of: null, score: null, evidence: null }]]);
  const weight = (l: DuplicateLink) => KIND_STRENGTH[l.kind] + l.score;
  // Prim's algorithm on (few) edges: repeatedly take the strongest link leaving the tree
  for (;;) {
    let best: { link: DuplicateLink; from: string; to: string } | null = null;
    for (const from of placed.keys()) {
      for (const l of adj.get(from) ?? []) {
        const to = l.a === from ? l.b : l.a;
        if (placed.has(to)) continue;
        if (!best || weight(l) > weight(best.link) || (weight(l) === weight(best.link) && to < best.to)) best = { link: l, from, to };
      }
    }
    if (!best) break;
    const { link, from, to } = best;
    placed.set(to, { id: to, kind: link.kind, of: from, score: link.score, evidence: link.a === from ? link.evidence : flipEvidence(link.evidence) });
  }
  const rest = members.filter((m) => m !== origin && placed.has(m)).sort();
  return { origin, members: [placed.get(origin)!, ...rest.map((m) => placed.get(m)!)] };
}

/**
 * Provenance of the given articles: one group per family touching them (families include linked
 * articles outside `articleIds`); an unlinked article is a group of one. Deterministic order.
 */
export function provenanceGraph(db: Database, articleIds: readonly string[]): ProvenanceGroup[] {
  const links = familyLinks(db, articleIds);
  const groups = components(articleIds, links);
  const facts = originFacts(db, groups.flat());
  return groups.map((members) => {
    const set = new Set(members);
    const own = links.filter((l) => set.has(l.a));
    return buildGroup(members, own, pickOrigin(members, facts));
  });
}

/**
 * Independence groups of the given articles: each group holds the selected articles of one family
 * (an origin and everything derived from it, also through articles outside the selection).
 * Count sources as the number of groups. Groups and members are sorted.
 */
export function independenceGroups(db: Database, articleIds: readonly string[]): string[][] {
  const selected = new Set(articleIds);
  const links = familyLinks(db, articleIds);
  return components(articleIds, links)
    .map((g) => g.filter((id) => selected.has(id)))
    .filter((g) => g.length > 0)
    .sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
}

/**
 * Every stored link (or those touching `articleIds`), with `origin` set to its family's current likely
 * origin and the link turned so that the origin, when it is one of its two ends, is `a`.
 */
export function listDuplicates(db: Database, articleIds?: readonly string[]): DuplicateLink[] {
  const links = articleIds ? readLinks(db, articleIds) : readLinks(db);
  if (links.length === 0) return [];
  const fam = articleIds ? familyLinks(db, [...new Set(links.flatMap((l) => [l.a, l.b]))]) : links;
  const groups = components([], fam);
  const facts = originFacts(db, groups.flat());
  const originOf = new Map<string, string>();
  for (const g of groups) {
    const o = pickOrigin(g, facts);
    for (const m of g) originOf.set(m, o);
  }
  // a link is stored oriented by what was known when it was found; turn it when its `b` side is now the origin
  return links.map((l) => {
    const origin = originOf.get(l.a) ?? l.origin;
    return origin === l.b ? { ...l, a: l.b, b: l.a, origin, evidence: flipEvidence(l.evidence) } : { ...l, origin };
  });
}

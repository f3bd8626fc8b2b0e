/** Stored derivation links (`duplicates` table): writing, reading, and turning evidence around. */
import type { Database } from 'better-sqlite3';
import type { DuplicateKind } from '../types.js';
import type { Evidence } from './detectors.js';

/** A derivation link between two stored articles: `b` is a `kind` of `a`. */
export interface DuplicateLink {
  readonly a: string;
  readonly b: string;
  readonly kind: DuplicateKind;
  readonly score: number;
  /** Likely origin of the group the pair belongs to. */
  readonly origin: string | null;
  /** Evidence oriented so that its `a`/`i` side is `a`. */
  readonly evidence: Evidence;
}

interface LinkRow {
  a: string;
  b: string;
  kind: DuplicateKind;
  score: number;
  origin: string | null;
  evidence: string;
}

/** Strength order of kinds, strongest first (used to pick a member's parent). */
export const KIND_STRENGTH: Readonly<Record<DuplicateKind, number>> = { exact: 4, near: 3, partial: 2, rewrite: 1 };

/** The same evidence seen from the other side. */
export function flipEvidence(e: Evidence): Evidence {
  return {
    ...e,
    ...(e.coverage ? { coverage: { a: e.coverage.b, b: e.coverage.a } } : {}),
    ...(e.pairs ? { pairs: e.pairs.map((p) => ({ i: p.j, j: p.i, score: p.score, a: p.b, b: p.a })) } : {}),
  };
}

export function linkWriter(db: Database): (link: DuplicateLink) => void {
  const stmt = db.prepare('INSERT OR REPLACE INTO duplicates (a, b, kind, score, origin, evidence) VALUES (?, ?, ?, ?, ?, ?)');
  return (l) => {
    stmt.run(l.a, l.b, l.kind, l.score, l.origin, JSON.stringify(l.evidence));
  };
}

function parse(r: LinkRow): DuplicateLink {
  return { ...r, evidence: JSON.parse(r.evidence) as Evidence };
}

/** Links touching any of `ids` (all links when omitted), ordered by (a, b). */
export function readLinks(db: Database, ids?: readonly string[]): DuplicateLink[] {
  if (!ids) return (db.prepare('SELECT a, b, kind, score, origin, evidence FROM duplicates ORDER BY a, b').all() as LinkRow[]).map(parse);
  const byA = db.prepare('SELECT a, b, kind, score, origin, evidence FROM duplicates WHERE a = ?');
  const byB = db.prepare('SELECT a, b, kind, score, origin, evidence FROM duplicates WHERE b = ?');
  const seen = new Map<string, DuplicateLink>();
  for (const id of new Set(ids)) {
    for (const r of [...(byA.all(id) as LinkRow[]), ...(byB.all(id) as LinkRow[])]) seen.set(`${r.a}\u0000${r.b}`, parse(r));
  }
  return [...seen.values()].sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}

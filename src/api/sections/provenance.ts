import type { Database } from 'better-sqlite3';
import { listDuplicates } from '../../dedup/index.js';
import { summariesByIds } from '../internal/articles.js';
import { orient } from '../internal/orient.js';
import { memberIdsOfStory } from '../internal/stories.js';
import { MAX_LISTED_ARTICLES } from '../internal/story-view.js';
import type { StorylineSection } from './types.js';

export interface ProvenanceNode {
  readonly id: string;
  readonly title: string;
  readonly outlet: string | null;
  readonly published: string | null;
  /** False for an original stored outside this storyline. */
  readonly inStory: boolean;
}

export interface ProvenanceEdge {
  /** The original (the provenance stage's likely origin). */
  readonly from: string;
  /** The article copied from it. */
  readonly to: string;
  readonly kind: string;
  readonly score: number;
}

export interface ProvenanceGraph {
  readonly nodes: readonly ProvenanceNode[];
  readonly edges: readonly ProvenanceEdge[];
}

/** Copy links touching the storyline's articles, as a graph of articles. */
export function provenanceGraph(db: Database, storyId: string): ProvenanceGraph {
  const members = new Set(memberIdsOfStory(db, storyId, MAX_LISTED_ARTICLES));
  const links = listDuplicates(db, [...members]);
  const ids = new Set<string>();
  for (const l of links) {
    ids.add(l.a);
    ids.add(l.b);
  }
  const nodes = summariesByIds(db, [...ids]).map((a) => ({ id: a.id, title: a.title, outlet: a.outlet, published: a.published, inStory: members.has(a.id) }));
  const edges = links.map((l) => {
    const { original, copy } = orient(l);
    return { from: original, to: copy, kind: l.kind, score: l.score };
  });
  return { nodes, edges };
}

/** The provenance graph of copies within a storyline. */
export const provenanceSection: StorylineSection<ProvenanceGraph> = {
  name: 'provenance',
  summary: 'Which articles copy which (exact, near, rewrite, partial), as nodes and edges',
  load: provenanceGraph,
};

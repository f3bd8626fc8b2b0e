import type { Database } from 'better-sqlite3';
import type { ProvenanceStage } from '../../src/dedup/index.js';
import { insertArticle } from '../../src/store/articles.js';
import type { StoredArticle } from '../../src/types.js';

/** Inserts an article row as the pipeline does (in one transaction with the provenance step, when a stage is given). */
export function store(db: Database, stage: ProvenanceStage | null, id: string, paragraphs: readonly string[], published: string | null = null): StoredArticle {
  return db.transaction(() => {
    const a = insertArticle(db, {
      id,
      contentHash: `hash-${id}`,
      canonicalUrl: null,
      path: null,
      url: null,
      record: 0,
      title: paragraphs[0]?.slice(0, 60) ?? id,
      outlet: `outlet-${id}`,
      author: null,
      published,
      modified: null,
      language: null,
      text: paragraphs.join('\n\n'),
      paragraphs: [...paragraphs],
      format: 'text',
      raw: paragraphs.join('\n\n'),
      meta: {},
      isArticle: true,
      removed: [],
    });
    stage?.add(a);
    return a;
  })();
}

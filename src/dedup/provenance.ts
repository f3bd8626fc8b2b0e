/**
 * The provenance stage: when an article is stored, find its candidates in the persistent LSH
 * index (sub-linear: only the posting lists of its own keys are read), verify each candidate with
 * the pairwise detectors, record the links, index the article, and flag its repeated blocks.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { StoredArticle } from '../types.js';
import { type Detection, type Detector, pairClassifier, prepare } from './detectors.js';
import { ProvenanceError } from './errors.js';
import { sharedAnchorBoundJson } from './internal/anchor-bound.js';
import { sharedAnchorBound } from './internal/anchors.js';
import { optionalColumns } from './internal/columns.js';
import { type DocView, intersectionSize } from './internal/doc.js';
import { type CandidateHits, indexKeys, type KeySchemes, keySchemes, LshIndex } from './internal/lsh-index.js';
import { compareOrigin, ORIGIN_COLUMNS, type OriginFacts } from './internal/rank.js';
import { paragraphsOf } from './internal/text.js';
import { type DuplicateLink, flipEvidence, linkWriter } from './links.js';
import { defaultProvenanceOptions, type ProvenanceOptions } from './options.js';
import { type RepeatedBlock, repeatedBlocks } from './repeats.js';

/** The provenance stage: checks a newly stored article against everything stored, records and returns its links. */
export interface ProvenanceStage {
  /** Call inside the article's write transaction, right after the article row is inserted. */
  add(article: StoredArticle): DuplicateLink[];
  /** Counters since creation (for benchmarks and diagnostics). */
  readonly stats: ProvenanceStats;
}

export interface ProvenanceStats {
  added: number;
  candidates: number;
  /** Verified candidates found only through anchor-pair bands (the rewrite candidate source). */
  anchorOnlyCandidates: number;
  links: number;
  backfilled: number;
  /** Index keys skipped because their posting list was over `maxPosting`. */
  skippedKeys: number;
  /** Anchor-only candidates rejected by the shared-anchor bound, before their sentences were computed (counted in `candidates` too). */
  boundRejected: number;
  /** Candidates whose verification threw (skipped, so one bad stored text cannot block ingestion). */
  failedCandidates: number;
  /** Why the last failed candidate failed. */
  lastFailure: string | null;
}

interface CandidateRow {
  id: string;
  seq: number;
  text: string;
  paragraphs: string;
  published: string | null;
  url: string | null;
  path: string | null;
  outlet: string | null;
  author: string | null;
}

const WATERMARK = 'indexed_through';
/** A repeated block has at least 12 words (see defaultRepeatOptions), so at least 2 repeated 4-word shingles. */
const MIN_REPEATED_SHINGLES = 2;

function anchorJaccard(x: DocView, y: DocView): number {
  const shared = intersectionSize(x.anchors, y.anchors);
  const union = x.anchors.length + y.anchors.length - shared;
  return union ? shared / union : 0;
}

/** Candidate order: shingle-band hits count most, then containment samples, then anchor bands. */
function candidateWeight(h: CandidateHits): number {
  return h.shingle * 4 + h.sample * 2 + h.anchor;
}

export function createProvenance(db: Database, options: Partial<ProvenanceOptions> = {}): ProvenanceStage {
  const o: ProvenanceOptions = { ...defaultProvenanceOptions, ...options };
  const schemes: KeySchemes = keySchemes(o);
  const index = new LshIndex(db, o.maxPosting);
  const classifier: Detector = pairClassifier(o);
  const writeLink = linkWriter(db);
  const bySeq: Statement<[number], CandidateRow> = db.prepare(
    `SELECT id, seq, text, paragraphs, published, ${optionalColumns(db, 'articles', ORIGIN_COLUMNS)} FROM articles WHERE seq = ?`,
  );
  // the bound reads the paragraph JSON only; the text is read when the JSON cannot be scanned
  const paragraphsBySeq: Statement<[number], Pick<CandidateRow, 'id' | 'paragraphs'>> = db.prepare('SELECT id, paragraphs FROM articles WHERE seq = ?');
  const textBySeq: Statement<[number], string> = db.prepare<[number], string>('SELECT text FROM articles WHERE seq = ?').pluck();
  const setMeta = db.prepare('INSERT INTO dedup_meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = max(value, excluded.value)');
  const getMeta = db.prepare<[string], number>('SELECT value FROM dedup_meta WHERE name = ?').pluck();
  const insertRepeat = db.prepare(
    `INSERT OR REPLACE INTO dedup_repeats (article_id, ord, first_paragraph, first_sentence, repeat_paragraph, repeat_sentence, sentences, words, similarity, text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const stats: ProvenanceStats = {
    added: 0,
    candidates: 0,
    anchorOnlyCandidates: 0,
    links: 0,
    backfilled: 0,
    skippedKeys: 0,
    boundRejected: 0,
    failedCandidates: 0,
    lastFailure: null,
  };

  function facts(view: DocView, r: Pick<CandidateRow, 'published' | 'text' | 'url' | 'path' | 'outlet' | 'author'>): OriginFacts {
    return {
      id: view.id,
      seq: view.seq,
      published: r.published,
      chars: r.text.length,
      url: r.url,
      path: r.path,
      outlet: r.outlet,
      author: r.author,
      text: r.text,
    };
  }

  /**
   * Whether an anchor-only candidate can be rejected from its paragraphs alone: anchor Jaccard is at
   * most shared / |mine|, and `sharedAnchorBound` over-counts the shared anchors, so a bound under the
   * rewrite pre-filter rejects exactly what the full check would. `null`: no such article (or the new
   * article itself); `false`: the full check must run (also when the paragraphs cannot be read).
   */
  function boundRejects(seq: number, selfId: string, mine: ReadonlySet<number>, mineCount: number): boolean | null {
    const row = paragraphsBySeq.get(seq);
    if (!row || row.id === selfId) return null;
    let shared = sharedAnchorBoundJson(row.paragraphs, mine);
    if (shared === null) {
      try {
        shared = sharedAnchorBound(paragraphsOf(textBySeq.get(seq) ?? '', JSON.parse(row.paragraphs) as string[]), mine);
      } catch {
        return false;
      }
    }
    return shared < o.rewriteMinAnchorJaccard * mineCount;
  }

  function add(article: StoredArticle): DuplicateLink[] {
    try {
      const view = prepare(article, o);
      const keys = indexKeys(view, schemes, o);
      const hits = index.query(keys, article.seq).sort((x, y) => candidateWeight(y) - candidateWeight(x) || x.seq - y.seq);
      const mine = facts(view, article);
      const links: DuplicateLink[] = [];
      let mineAnchors: Set<number> | null = null;
      for (const h of hits.slice(0, o.maxCandidates)) {
        // found only through names/numbers: a copy would also share shingle bands or samples, so
        // this is a rewrite or nothing, and the rewrite pre-filter (shared anchors) decides before
        // shingles and sentence features are computed
        const anchorOnly = h.shingle === 0 && h.sample === 0;
        if (anchorOnly) {
          mineAnchors ??= new Set(view.anchors);
          const bound = boundRejects(h.seq, article.id, mineAnchors, view.anchors.length);
          if (bound !== false) {
            if (bound) {
              stats.candidates++;
              stats.anchorOnlyCandidates++;
              stats.boundRejected++;
            }
            continue;
          }
        }
        const row = bySeq.get(h.seq);
        if (!row || row.id === article.id) continue;
        stats.candidates++;
        if (anchorOnly) stats.anchorOnlyCandidates++;
        let other: DocView;
        let hit: Detection | null;
        try {
          other = prepare({ id: row.id, seq: row.seq, text: row.text, paragraphs: JSON.parse(row.paragraphs) as string[] }, o);
          hit = anchorOnly && anchorJaccard(other, view) < o.rewriteMinAnchorJaccard ? null : classifier.detect(other, view);
        } catch (err) {
          // fall back: skip this candidate, keep the article and its other links, record why
          stats.failedCandidates++;
          stats.lastFailure = `candidate ${row.id}: ${(err as Error).message}`;
          continue;
        }
        if (!hit) continue;
        const theirs = facts(other, row);
        const otherFirst = compareOrigin(theirs, mine) <= 0;
        const link: DuplicateLink = otherFirst
          ? { a: other.id, b: view.id, kind: hit.kind, score: hit.score, origin: other.id, evidence: hit.evidence }
          : { a: view.id, b: other.id, kind: hit.kind, score: hit.score, origin: view.id, evidence: flipEvidence(hit.evidence) };
        writeLink(link);
        links.push(link);
      }
      index.insert(article.seq, keys);
      // a repeated sentence repeats its word shingles, so texts without repeated shingles are skipped
      if (view.repeatedShingles >= MIN_REPEATED_SHINGLES)
        storeRepeats(article.id, repeatedBlocks(article.paragraphs.length ? article.paragraphs : [article.text]));
      setMeta.run(WATERMARK, article.seq);
      stats.added++;
      stats.links += links.length;
      stats.skippedKeys = index.skippedKeys;
      return links;
    } catch (cause) {
      throw new ProvenanceError(`provenance failed for article ${article.id}`, { cause });
    }
  }

  function storeRepeats(id: string, blocks: readonly RepeatedBlock[]): void {
    blocks.forEach((b, ord) => {
      insertRepeat.run(id, ord, b.first.paragraph, b.first.sentence, b.repeat.paragraph, b.repeat.sentence, b.sentences, b.words, b.similarity, b.text);
    });
  }

  // Index articles stored before this stage existed (or by a run without it), oldest first.
  const through = getMeta.get(WATERMARK) ?? 0;
  const pending = db.prepare('SELECT seq FROM articles WHERE seq > ? ORDER BY seq').pluck().all(through) as number[];
  if (pending.length > 0) {
    const full = db.prepare('SELECT * FROM articles WHERE seq = ?');
    db.transaction(() => {
      for (const seq of pending) {
        const r = full.get(seq) as Record<string, unknown>;
        add({
          id: String(r.id),
          seq,
          contentHash: String(r.content_hash),
          canonicalUrl: (r.canonical_url as string | null) ?? null,
          path: (r.path as string | null) ?? null,
          url: (r.url as string | null) ?? null,
          title: String(r.title ?? ''),
          outlet: (r.outlet as string | null) ?? null,
          author: (r.author as string | null) ?? null,
          published: (r.published as string | null) ?? null,
          modified: (r.modified as string | null) ?? null,
          language: (r.language as string | null) ?? null,
          text: String(r.text),
          paragraphs: JSON.parse(String(r.paragraphs ?? '[]')) as string[],
          ingestedAt: String(r.ingested_at ?? ''),
        });
        stats.backfilled++;
      }
    })();
  }

  return { add, stats };
}

/** Repeated blocks recorded for an article (see `repeatedBlocks`). */
export function listRepeats(db: Database, articleId: string): RepeatedBlock[] {
  const rows = db
    .prepare(
      `SELECT first_paragraph, first_sentence, repeat_paragraph, repeat_sentence, sentences, words, similarity, text
       FROM dedup_repeats WHERE article_id = ? ORDER BY ord`,
    )
    .all(articleId) as {
    first_paragraph: number;
    first_sentence: number;
    repeat_paragraph: number;
    repeat_sentence: number;
    sentences: number;
    words: number;
    similarity: number;
    text: string;
  }[];
  return rows.map((r) => ({
    first: { paragraph: r.first_paragraph, sentence: r.first_sentence },
    repeat: { paragraph: r.repeat_paragraph, sentence: r.repeat_sentence },
    sentences: r.sentences,
    words: r.words,
    similarity: r.similarity,
    text: r.text,
  }));
}

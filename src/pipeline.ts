/**
 * The Storyline pipeline, from files to stories. Each step is one stage behind its interface:
 *
 *   1. discover  – expand files and folders into readable inputs            (ingest/)
 *   2. read      – decode bytes, split files into article records           (ingest/)
 *   3. clean     – extract the article text and metadata, keep what is cut  (clean/)
 *   4. identify  – normalised content hash + canonical URL; skip what we have (ingest/identity)
 *   5. store     – in ONE transaction per article:
 *        5a. the article, its raw input and removed blocks                  (store/)
 *        5b. provenance links to earlier articles                           (dedup/)
 *        5c. entities, dates, quotes, numbers; an inferred publication date (extract/)
 *        5d. its event and storyline, from text plus 5c's signals           (cluster/)
 *   6. log       – every input's outcome (ingested, present, skipped + reason)
 *   7. re-date   – articles of this run whose only date was weak, against the corpus's dated articles,
 *                  and their cluster placement reconsidered with the new dates                (extract/, cluster/)
 */
import type { Database } from 'better-sqlite3';
import { type CleanOptions, clean as defaultClean, knownBoilerplate, linesFingerprints, recordOutletLines } from './clean/index.js';
import { type Clusterer, type ClusterSignals, createClusterer } from './cluster/index.js';
import { createProvenance, type ProvenanceStage } from './dedup/index.js';
import { ANNOTATIONS_VERSION, type Annotations, annotate, corpusReference, type DateAnchor, refreshWeakDates, saveAnnotations } from './extract/index.js';
import { discover } from './ingest/discover.js';
import { articleId, canonicalUrl, contentHash, outletFromUrl } from './ingest/identity.js';
import { DEFAULT_MAX_BYTES, readFile } from './ingest/read.js';
import type { ReadItem } from './ingest/records.js';
import { stmt } from './internal/stmts.js';
import { findByCanonicalUrl, findExisting, getArticle, insertArticle, setInferredPublished } from './store/articles.js';
import type { CleanedArticle, RawInput, StoredArticle } from './types.js';

export type Outcome = 'ingested' | 'present' | 'skipped';

export interface LogEntry {
  readonly location: string;
  readonly record: number;
  readonly status: Outcome;
  readonly reason: string | null;
  readonly articleId: string | null;
}

export interface IngestSummary {
  readonly runId: number;
  readonly ingested: number;
  readonly present: number;
  readonly skipped: number;
  readonly entries: readonly LogEntry[];
}

export interface IngestOptions {
  /** Largest file read, in bytes (default 20 MB). */
  readonly maxBytes: number;
  /** Called after each file with (files done, files total). */
  readonly onProgress?: (done: number, total: number) => void;
  /** The clean stage to use (defaults to the built-in cleaner). */
  readonly clean: (input: RawInput, options?: Partial<CleanOptions>) => CleanedArticle;
}

export const defaultIngestOptions: IngestOptions = { maxBytes: DEFAULT_MAX_BYTES, clean: defaultClean };

/**
 * An inferred publication date at or above this confidence becomes the article's `published`
 * (its source recorded as `inferred`); below it the date stays only in the annotations.
 * 0.6 is the extract stage's own bar for trusting an inferred date as a corpus reference.
 */
const INFERRED_PUBLISHED_MIN_CONFIDENCE = 0.6;
/** Articles between refreshes of the corpus reference date (the median known date) used to resolve undated articles. */
const REFERENCE_REFRESH_EVERY = 200;

/** The per-database stages, created once and reused across runs. */
interface Stages {
  readonly provenance: ProvenanceStage;
  readonly clusterer: Clusterer;
  /** Median known publication day of the corpus, for articles with no date of their own. */
  reference: DateAnchor | null;
  sinceReference: number;
  /** Whether this process stored a dated article since the reference was last read as null. */
  datedSinceNull: boolean;
}

const stagesByDb = new WeakMap<Database, Stages>();
function stagesFor(db: Database): Stages {
  let s = stagesByDb.get(db);
  if (!s) {
    s = { provenance: createProvenance(db), clusterer: createClusterer(db), reference: corpusReference(db), sinceReference: 0, datedSinceNull: false };
    stagesByDb.set(db, s);
  }
  return s;
}

/**
 * Runs `fn` in one write transaction, taking the write lock at the start (so a concurrent writer makes it wait on
 * busy_timeout rather than fail mid-way on a stale snapshot). If it rolls back, the stages' in-memory caches may hold
 * what was undone, so they are dropped before the error goes on.
 */
function writeTransaction<T>(db: Database, stages: Stages, fn: () => T): T {
  try {
    return db.transaction(fn).immediate();
  } catch (err) {
    stages.clusterer.invalidate();
    throw err;
  }
}

/** What the clusterer reads from the extract stage: canonical entity names, dates of happenings, numbers. */
export function clusterSignals(ann: Annotations): ClusterSignals {
  return {
    entities: ann.entities.filter((e) => e.type !== 'MISC').map((e) => ({ key: e.name, type: e.type, weight: e.mentions.length })),
    happeningDates: ann.dates
      .filter((d) => d.kind !== 'duration' && d.start !== null && d.end !== null)
      .map((d) => ({ start: d.start as string, end: d.end as string, precision: d.precision })),
    numbers: ann.numbers.map((n) => String(n.value)),
  };
}

/** An undated article takes the extract stage's inferred publication date when it is confident enough. */
function adoptInferredDate(db: Database, stored: StoredArticle, ann: Annotations): StoredArticle {
  const inferred = ann.inferredPublished;
  if (stored.published || !inferred || inferred.confidence < INFERRED_PUBLISHED_MIN_CONFIDENCE) return stored;
  setInferredPublished(db, stored.id, inferred.value, inferred.evidence);
  return { ...stored, published: inferred.value };
}

/**
 * Step 7: re-resolves the weak dates of this run's articles against the corpus reference (an article stored before
 * the corpus had dated articles read its year-less dates against the clock), then lets the clusterer reconsider
 * each re-dated article with its new dates (it moves only when another event is clearly better). Returns the ids.
 */
function redate(db: Database, ids: readonly string[], stages: Stages): string[] {
  const fresh = new Map<string, Annotations>();
  const done = refreshWeakDates(
    db,
    (doc, reference) => {
      const ann = annotate(doc, { reference });
      if (doc.id) fresh.set(doc.id, ann);
      return ann;
    },
    ids,
  );
  for (const id of done) {
    const ann = fresh.get(id);
    writeTransaction(db, stages, () => {
      const stored = getArticle(db, id);
      if (!stored || !ann) return;
      stages.clusterer.reconsider(adoptInferredDate(db, stored, ann), clusterSignals(ann));
    });
  }
  return done;
}

/** Runs steps 3–5 for one record; returns its log entry. Never throws for bad input. */
function ingestOne(db: Database, input: RawInput, options: IngestOptions, stages: Stages): LogEntry {
  const { location, record } = input.source;
  const base = { location, record };
  // A record whose own URL is already stored needs no cleaning.
  const knownUrl = canonicalUrl(input.meta.url);
  const known = knownUrl ? findByCanonicalUrl(db, knownUrl) : null;
  if (known) return { ...base, status: 'present', reason: 'canonical URL already stored', articleId: known };
  // 3. clean, told which lines this outlet repeats across its articles (menus, promos, sign-offs)
  const outletHint = input.meta.outlet ?? outletFromUrl(input.meta.url ?? null);
  let cleaned: CleanedArticle;
  try {
    cleaned = options.clean(input, outletHint ? { knownBoilerplate: knownBoilerplate(db, outletHint) } : {});
  } catch (err) {
    return { ...base, status: 'skipped', reason: `cleaning failed: ${(err as Error).message}`, articleId: null };
  }
  if (!cleaned.text.trim()) {
    return {
      ...base,
      status: 'skipped',
      reason: `no article text after cleaning${cleaned.notArticleReason ? ` (${cleaned.notArticleReason})` : ''}`,
      articleId: null,
    };
  }
  if (!cleaned.isArticle) {
    return { ...base, status: 'skipped', reason: `not an article: ${cleaned.notArticleReason ?? 'unknown reason'}`, articleId: null };
  }
  // 4. identify
  const url = cleaned.url ?? input.meta.url ?? null;
  const canon = canonicalUrl(url);
  const outlet = input.meta.outlet ?? cleaned.siteName ?? outletFromUrl(url);
  const title = cleaned.title || cleaned.paragraphs[0]?.slice(0, 120) || '(untitled)';
  const hash = contentHash({ title, text: cleaned.text, outlet, url: canon });
  const existing = findExisting(db, hash, canon);
  if (existing) return { ...base, status: 'present', reason: 'same content or canonical URL already stored', articleId: existing };
  // 5. store, in one transaction: the article, its provenance links and its cluster
  const id = articleId(hash);
  const isUrl = /^https?:\/\//i.test(location);
  // Refresh the corpus reference periodically; while there is none yet, as soon as a dated article has been stored
  // (reading it when nothing is dated scans the whole table, so it is not repeated for every undated article).
  if ((stages.reference === null && stages.datedSinceNull) || stages.sinceReference++ >= REFERENCE_REFRESH_EVERY) {
    stages.reference = corpusReference(db);
    stages.sinceReference = 0;
    stages.datedSinceNull = false;
  }
  writeTransaction(db, stages, () => {
    let stored = insertArticle(db, {
      id,
      contentHash: hash,
      canonicalUrl: canon,
      path: isUrl ? null : location,
      url: url ?? (isUrl ? location : null),
      record,
      title,
      outlet,
      author: cleaned.byline,
      published: cleaned.published,
      modified: cleaned.modified,
      language: cleaned.language,
      text: cleaned.text,
      paragraphs: cleaned.paragraphs,
      format: input.format,
      raw: input.raw,
      meta: { input: input.meta, fieldSources: cleaned.fieldSources, fallbacks: cleaned.fallbacks },
      isArticle: cleaned.isArticle,
      removed: cleaned.removed,
    });
    const outletKey = input.meta.outlet ?? outletFromUrl(cleaned.url ?? input.meta.url ?? null);
    if (outletKey) recordOutletLines(db, outletKey, linesFingerprints(cleaned.paragraphs));
    stages.provenance.add(stored);
    const ann = annotate(
      { id, title: stored.title, text: stored.text, published: stored.published, language: stored.language },
      { reference: stages.reference },
    );
    saveAnnotations(db, id, ann);
    stored = adoptInferredDate(db, stored, ann);
    stages.clusterer.assign(stored, clusterSignals(ann));
    // only a date the corpus reference counts (metadata, or an inferred one confident enough to be adopted above)
    if (stored.published) stages.datedSinceNull = true;
  });
  return { ...base, status: 'ingested', reason: null, articleId: id };
}

function skippedEntry(item: Extract<ReadItem, { ok: false }>): LogEntry {
  return { location: item.location, record: item.record, status: 'skipped', reason: `${item.error.code}: ${item.error.message}`, articleId: null };
}

/** Opens an ingest run and returns a function that records each entry and closes the run. */
function openRun(db: Database, inputs: readonly string[], stages: Stages) {
  const runId = Number(
    db.prepare('INSERT INTO ingest_runs (started_at, inputs) VALUES (?, ?)').run(new Date().toISOString(), JSON.stringify(inputs)).lastInsertRowid,
  );
  const log = stmt(db, 'INSERT INTO ingest_log (run_id, location, record, status, reason, article_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const entries: LogEntry[] = [];
  return {
    runId,
    entries,
    record(e: LogEntry) {
      log.run(runId, e.location, e.record, e.status, e.reason, e.articleId, new Date().toISOString());
      entries.push(e);
    },
    finish(): IngestSummary {
      // Articles stored before the corpus had any dated article resolved their year-less dates against the
      // clock; now that the batch is in, re-resolve those (only this run's) against the corpus reference.
      const fresh = entries.filter((e) => e.status === 'ingested' && e.articleId).map((e) => e.articleId as string);
      if (fresh.length > 0) redate(db, fresh, stages);
      db.prepare('UPDATE ingest_runs SET finished_at = ? WHERE id = ?').run(new Date().toISOString(), runId);
      const count = (s: Outcome) => entries.filter((e) => e.status === s).length;
      return { runId, ingested: count('ingested'), present: count('present'), skipped: count('skipped'), entries };
    },
  };
}

/** Ingests already-read inputs (used by the HTTP API and by `ingestPaths`). */
export function ingestInputs(db: Database, inputs: readonly RawInput[], options: Partial<IngestOptions> = {}): IngestSummary {
  const opts = { ...defaultIngestOptions, ...options };
  const stages = stagesFor(db);
  const run = openRun(
    db,
    inputs.map((i) => i.source.location),
    stages,
  );
  for (const input of inputs) run.record(ingestOne(db, input, opts, stages));
  return run.finish();
}

/** Ingests files and folders: steps 1–6. Bad files are logged and skipped; the rest of the batch goes in. */
export function ingestPaths(db: Database, paths: readonly string[], options: Partial<IngestOptions> = {}): IngestSummary {
  const opts = { ...defaultIngestOptions, ...options };
  const stages = stagesFor(db);
  const run = openRun(db, paths, stages);
  // 1. discover
  const found = discover(paths);
  for (const s of found.skipped) run.record({ location: s.location, record: 0, status: 'skipped', reason: s.reason, articleId: null });
  found.files.forEach((file, i) => {
    // 2. read
    for (const item of readFile(file, { maxBytes: opts.maxBytes })) {
      run.record(item.ok ? ingestOne(db, item.input, opts, stages) : skippedEntry(item));
    }
    opts.onProgress?.(i + 1, found.files.length);
  });
  return run.finish();
}

export interface ReannotateOptions {
  /** Re-annotate every stored article, not only those annotated by an older extract stage (default false). */
  readonly all: boolean;
  /** Articles per transaction (default 200): a crash loses at most one batch of work and never leaves one half-written. */
  readonly batch: number;
  /** Called after each batch with (articles done, articles total). */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ReannotateSummary {
  /** Articles whose annotations were rebuilt. */
  readonly reannotated: number;
  /** Of those, articles that took a newly confident inferred publication date. */
  readonly redated: number;
  /** Articles the clusterer moved to another event once it saw the new entities and dates. */
  readonly moved: number;
  /** The extract stage's annotation version now stored for them. */
  readonly version: number;
}

/** Articles per re-annotation transaction: large enough to amortise the commit, small enough to bound lost work. */
const REANNOTATE_BATCH = 200;

/**
 * Re-runs step 5c on stored articles (those annotated by an older extract stage, or all), then 5d's reconsideration:
 * each article keeps its event unless the new entities and dates make another one clearly better. Used after an
 * upgrade changes the extract rules (`ANNOTATIONS_VERSION`), so stored quotes, entities and dates match the code.
 */
export function reannotateStored(db: Database, options: Partial<ReannotateOptions> = {}): ReannotateSummary {
  const opts: ReannotateOptions = { all: false, batch: REANNOTATE_BATCH, ...options };
  if (!Number.isInteger(opts.batch) || opts.batch < 1) throw new RangeError(`batch must be a positive integer, got ${opts.batch}`);
  const stages = stagesFor(db);
  const ids = (
    db
      .prepare(
        `SELECT a.id FROM articles a LEFT JOIN extract_articles x ON x.article_id = a.id
         WHERE ? OR x.version IS NULL OR x.version <> ? ORDER BY a.rowid`,
      )
      .all(opts.all ? 1 : 0, ANNOTATIONS_VERSION) as { id: string }[]
  ).map((r) => r.id);
  const reference = corpusReference(db);
  let redated = 0;
  let moved = 0;
  let reannotated = 0;
  for (let i = 0; i < ids.length; i += opts.batch) {
    // Annotating is the slow part: do it before taking the write lock, so other writers wait only for the writes.
    const batch = ids.slice(i, i + opts.batch).flatMap((id) => {
      const stored = getArticle(db, id);
      if (!stored) return [];
      const doc = { id, title: stored.title, text: stored.text, published: stored.published, language: stored.language };
      return [{ id, ann: annotate(doc, { reference }) }];
    });
    writeTransaction(db, stages, () => {
      for (const { id, ann } of batch) {
        const stored = getArticle(db, id); // as stored now: another writer may have changed or removed it meanwhile
        if (!stored) continue;
        saveAnnotations(db, id, ann);
        const after = adoptInferredDate(db, stored, ann);
        if (after.published !== stored.published) redated++;
        if (stages.clusterer.reconsider(after, clusterSignals(ann)).moved) moved++;
        reannotated++;
      }
    });
    opts.onProgress?.(Math.min(i + opts.batch, ids.length), ids.length);
  }
  return { reannotated, redated, moved, version: ANNOTATIONS_VERSION };
}

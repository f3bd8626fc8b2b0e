/**
 * The extract stage: entities (with aliases and descriptors), dates (with an inferred publication
 * date and tense-aware resolution), quotes with speakers, and numbers — per article, pure — plus
 * cross-article entity resolution and storage.
 *
 * Pipeline use (inside the article's transaction, after insertArticle):
 *   const ann = annotate({ id, title, text, published, language }, { reference: corpusReference(db) });
 *   saveAnnotations(db, id, ann);
 * and once after a batch (outside the per-article transactions):
 *   refreshWeakDates(db, (doc, reference) => annotate(doc, { reference }));
 */
import { type AnnotateOptions, annotate } from './annotate.js';
import { EntityRegistry, resolveAcrossArticles } from './registry.js';
import type { AnnotateInput, Annotations, DateAnchor } from './types.js';

export { ANNOTATIONS_VERSION, type AnnotateOptions, annotate, defaultAnnotateOptions, LOW_CONFIDENCE } from './annotate.js';
export { AnnotationStoreError, ExtractError } from './errors.js';
export { RuleDateRecognizer } from './internal/dates/recognize.js';
export { acronymOf, entityKey, nameVariant } from './internal/entities/names.js';
export { RuleEntityRecognizer } from './internal/entities/recognize.js';
export { RuleNumberRecognizer } from './internal/numbers/recognize.js';
export { RuleQuoteExtractor } from './internal/quotes/extract.js';
export { WinkAnalyzer } from './internal/wink-analyzer.js';
export { EntityRegistry, type RegistryEntry, resolveAcrossArticles } from './registry.js';
export { extractSchema } from './schema.js';
export type { ArticleDates, EntityFilter, EntityRow, NumberRow, QuoteRow } from './store.js';
export { articleDates, corpusReference, listEntities, listNumbers, listQuotes, refreshWeakDates, registryFor, saveAnnotations } from './store.js';
export type * from './types.js';

/** Confidence at or above which an article's date is trusted as a reference for the others of a batch. */
const BATCH_REFERENCE_CONFIDENCE = 0.6;

/**
 * Annotates several articles of one corpus: articles with metadata or confident in-text dates
 * give a reference date (their median), against which the others' year-less and weakly dated
 * expressions are resolved; then entities get shared keys across the batch.
 */
export function annotateBatch(
  docs: readonly AnnotateInput[],
  options: Partial<AnnotateOptions> = {},
): { annotations: Annotations[]; reference: DateAnchor | null; registry: EntityRegistry } {
  const first = docs.map((d) => annotate(d, options));
  const known = first
    .map((a, i) =>
      docs[i]?.published
        ? docs[i].published.slice(0, 10)
        : a.inferredPublished && a.inferredPublished.confidence >= BATCH_REFERENCE_CONFIDENCE
          ? a.inferredPublished.value.slice(0, 10)
          : null,
    )
    .filter((d): d is string => !!d)
    .sort();
  const reference: DateAnchor | null = known.length ? { date: known[Math.floor(known.length / 2)] as string, source: 'corpus' } : (options.reference ?? null);
  const annotations = reference
    ? first.map((a, i) =>
        docs[i]?.published || (a.inferredPublished && a.inferredPublished.confidence >= BATCH_REFERENCE_CONFIDENCE)
          ? a
          : annotate(docs[i] as AnnotateInput, { ...options, reference }),
      )
    : first;
  const registry = resolveAcrossArticles(annotations, new EntityRegistry());
  return { annotations, reference, registry };
}

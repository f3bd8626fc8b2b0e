/**
 * Provenance stage (dedup/): who copied whom. Exact copies, near-copies (MinHash LSH over word
 * shingles), partial copies (containment samples), rewrites (sentence alignment on anchor-LSH
 * candidates), repeated blocks inside one article, the provenance graph and independence groups.
 * See docs/provenance.md.
 */
export type { Detection, Detector, DocInput, DocView, Evidence, EvidencePair } from './detectors.js';
export { detectors, exactDetector, nearDetector, pairClassifier, partialDetector, prepare, rewriteDetector } from './detectors.js';
export { ProvenanceError } from './errors.js';
export type { ProvenanceGroup, ProvenanceMember } from './graph.js';
export { independenceGroups, listDuplicates, provenanceGraph } from './graph.js';
export type { DuplicateLink } from './links.js';
export { defaultProvenanceOptions, type ProvenanceOptions } from './options.js';
export { createProvenance, listRepeats, type ProvenanceStage, type ProvenanceStats } from './provenance.js';
export { type BlockPosition, defaultRepeatOptions, type RepeatedBlock, type RepeatOptions, repeatedBlocks } from './repeats.js';

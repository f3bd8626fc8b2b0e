/**
 * Public types of the extract stage: what `annotate` returns and the component
 * interfaces a user-supplied model can implement to replace a built-in pass.
 */

/** A half-open character range `[start, end)` into the annotated text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type EntityType = 'PERSON' | 'ORG' | 'PLACE' | 'MISC';

/** One occurrence of an entity in the text. */
export interface Mention {
  readonly text: string;
  readonly span: Span;
  readonly type: EntityType;
  /** Title or descriptor attached to this mention ("Kremlin spokesman"), or null. */
  readonly descriptor: string | null;
  readonly sentence: number;
  readonly paragraph: number;
  /** Why the type was chosen (rule ids), for audit. */
  readonly evidence: readonly string[];
}

/** An entity with every mention of it in one article. */
export interface Entity {
  /** Stable key derived from the normalised canonical name, e.g. `person:volodymyr-zelensky`. */
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
  /** Distinct descriptors used for it in this article. */
  descriptors: string[];
  mentions: Mention[];
  /** For organisations named by their seat ("the Kremlin"): the seat name. */
  seat: string | null;
}

export type DateKind = 'day' | 'range' | 'week' | 'month' | 'year' | 'duration';
export type Tense = 'past' | 'present' | 'future' | 'unknown';
export type DatePrecision = 'day' | 'week' | 'month' | 'season' | 'year' | 'decade' | 'duration' | 'present' | 'past';

/** What a relative date was resolved against. */
export interface DateAnchor {
  /** ISO day used as "now". */
  readonly date: string;
  /** Where the anchor came from: `metadata`, `inferred`, `reference`, `none`. */
  readonly source: string;
}

export interface DateMention {
  readonly text: string;
  readonly span: Span;
  readonly kind: DateKind;
  /** TimeML-style value: `2025-12-02`, `2025-W49`, `2025-11`, `2025`, `P4Y`, `PT2H`, `PRESENT_REF`; null when unresolvable. */
  readonly value: string | null;
  /** First and last ISO day covered (null for durations or unresolved). */
  readonly start: string | null;
  readonly end: string | null;
  /** START | MID | END | APPROX | LESS_THAN | null. */
  readonly mod: string | null;
  readonly precision: DatePrecision;
  readonly anchor: DateAnchor | null;
  readonly tense: Tense;
  /** Whether the value depends on the anchor. */
  readonly relative: boolean;
  readonly sentence: number;
  readonly paragraph: number;
  /** Rule id that recognised it. */
  readonly rule: string;
}

export interface InferredPublished {
  /** ISO day (or datetime when a timestamp gave the time). */
  readonly value: string;
  /** 0–1. */
  readonly confidence: number;
  readonly evidence: readonly string[];
}

export type SpeakerKind = 'named' | 'pronoun' | 'descriptor' | 'unnamed' | 'unknown';

export interface Speaker {
  readonly entityKey: string | null;
  readonly name: string | null;
  readonly kind: SpeakerKind;
  /** The words in the text that name the source ("he", "sources", "Trump"), when present. */
  readonly span: Span | null;
}

export interface Quote {
  readonly text: string;
  readonly span: Span;
  /** Parts of an interrupted direct quote, in order (one part otherwise). */
  readonly parts: readonly Span[];
  readonly type: 'direct' | 'indirect';
  readonly speaker: Speaker;
  /** Cue verb or phrase ("said", "told", "according to"), or null. */
  readonly cue: string | null;
  readonly cueSpan: Span | null;
  readonly sentence: number;
  readonly paragraph: number;
}

export interface NumberMention {
  readonly raw: string;
  readonly span: Span;
  /** Normalised value (scale applied), e.g. 600000, 0.9 for 90 %, 1e10 for "tens of billions". */
  readonly value: number;
  /** Upper bound when the expression is vague ("tens of billions" → 9e10), else null. */
  readonly upper: number | null;
  /** `percent`, `USD`, `EUR`, `GBP`, `point`, `hour`, `year`, … or null. */
  readonly unit: string | null;
  /** Scale word applied (`thousand`, `million`, `billion`, `tens of billions`) or null. */
  readonly scale: string | null;
  /** `about`, `almost`, `more than`, … or null. */
  readonly approx: string | null;
  /** The noun phrase the number quantifies ("soldiers", "plan", "military aid"), or null. */
  readonly noun: string | null;
  readonly sentence: number;
  readonly paragraph: number;
}

export interface Annotations {
  readonly version: number;
  entities: Entity[];
  dates: DateMention[];
  inferredPublished: InferredPublished | null;
  quotes: Quote[];
  numbers: NumberMention[];
  /** Fallbacks taken, with the reason. */
  fallbacks: string[];
}

/** The document `annotate` reads. */
export interface AnnotateInput {
  readonly id?: string;
  readonly title: string;
  readonly text: string;
  readonly published: string | null;
  readonly language: string | null;
}

// ---------------------------------------------------------------- components

/** A sentence with its character span and its tokens. */
export interface Sentence {
  readonly index: number;
  readonly span: Span;
  readonly paragraph: number;
  /** Index of its first token in `Analysis.tokens`. */
  readonly firstToken: number;
  /** One past its last token. */
  readonly endToken: number;
}

export interface Token {
  readonly text: string;
  readonly span: Span;
  /** Universal POS tag. */
  readonly pos: string;
  readonly lemma: string;
  readonly sentence: number;
}

/** Tokens, sentences and paragraphs of one text. */
export interface Analysis {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  /** Paragraph spans (blank-line separated; single line breaks also split short lines). */
  readonly paragraphs: readonly Span[];
}

/** Splits text into tokens and sentences (default: wink-nlp). */
export interface Analyzer {
  analyze(text: string): Analysis;
}

/** A raw mention found by a recognizer, before alias resolution. */
export interface RecognizedMention {
  readonly span: Span;
  readonly text: string;
  readonly type: EntityType;
  readonly descriptor: string | null;
  readonly sentence: number;
  readonly evidence: readonly string[];
  /** Canonical name the recognizer already knows (e.g. an acronym's expansion), or null. */
  readonly canonical?: string | null;
  readonly seat?: string | null;
}

/** Finds entity mentions (default: rules + statistics). A statistical model can replace it. */
export interface EntityRecognizer {
  recognize(analysis: Analysis): RecognizedMention[];
}

/** Finds and normalises date expressions. */
export interface DateRecognizer {
  recognize(analysis: Analysis, anchor: DateAnchor | null): DateMention[];
}

/** Finds quotes and their speakers. */
export interface QuoteExtractor {
  extract(analysis: Analysis, entities: readonly Entity[]): Quote[];
}

export interface NumberRecognizer {
  recognize(analysis: Analysis, dates: readonly DateMention[]): NumberMention[];
}

/**
 * The compare stage's own types. The core (ledger, framing, timeline, brief) reads only these;
 * `internal/inputs.ts` builds them from the other stages' output.
 */

/** One article as compare sees it. Paragraph indices in every citation refer to `paragraphs`. */
export interface CompareArticle {
  readonly id: string;
  /** Outlet name; when the input has none, a stable stand-in (see `outletSource`). */
  readonly outlet: string;
  /** Where `outlet` came from: `metadata`; `file-name` (the input file's name) or `article-id` when the input carried no outlet. */
  readonly outletSource: 'metadata' | 'file-name' | 'article-id';
  /** ISO day or datetime; null when unknown. */
  readonly published: string | null;
  /** Where `published` came from: `metadata`, `inferred` (from the text), `event` (its event's date), `none`. */
  readonly publishedSource: 'metadata' | 'inferred' | 'event' | 'none';
  readonly title: string;
  readonly paragraphs: readonly string[];
  /** Event id from clustering, or null. */
  readonly eventId: string | null;
}

/** An entity mention inside one paragraph. */
export interface CmpMention {
  /** Entity key, shared by every spelling the extractor or alias resolver considers the same entity. */
  readonly key: string;
  readonly type: 'PERSON' | 'ORG' | 'PLACE' | 'MISC';
  /** The surface text ("Kyiv", "Volodymyr Zelenskyy"). */
  readonly text: string;
  /** Title or descriptor attached to the mention ("Russian President"), or null. */
  readonly descriptor: string | null;
  readonly paragraph: number;
  /** Character offset inside the paragraph. */
  readonly start: number;
}

export interface CmpDate {
  readonly text: string;
  /** First ISO day covered, or null when unresolved. */
  readonly start: string | null;
  readonly end: string | null;
  /** `day`, `month`, `year`, `week`, … */
  readonly precision: string;
  readonly tense: 'past' | 'present' | 'future' | 'unknown';
  readonly paragraph: number;
  readonly offset: number;
}

export interface CmpQuote {
  readonly text: string;
  readonly type: 'direct' | 'indirect';
  readonly speaker: string | null;
  readonly speakerKey: string | null;
  readonly cue: string | null;
  readonly paragraph: number;
  readonly offset: number;
}

export interface CmpNumber {
  readonly raw: string;
  readonly value: number;
  readonly unit: string | null;
  /** The noun phrase quantified ("plan", "soldiers"), or null. */
  readonly noun: string | null;
  readonly paragraph: number;
  /** Character offset of `raw` inside the paragraph. */
  readonly offset: number;
}

/** Everything compare needs from extraction, for one article. */
export interface ArticleAnnotations {
  readonly mentions: readonly CmpMention[];
  readonly dates: readonly CmpDate[];
  readonly quotes: readonly CmpQuote[];
  readonly numbers: readonly CmpNumber[];
  /** Where these came from (`extract` stage or the compare fallback), and any fallbacks taken. */
  readonly source: string;
}

/** An event of the storyline (from clustering). */
export interface CompareEvent {
  readonly id: string;
  readonly title: string;
  /** ISO day, or null when unknown. */
  readonly date: string | null;
  readonly articleIds: readonly string[];
}

export interface CompareInput {
  /** Id of the story or event this input describes. */
  readonly id: string;
  readonly title: string;
  readonly articles: readonly CompareArticle[];
  /** Independence groups: copies of one report share a group. Articles missing from every group count alone. */
  readonly groups: readonly (readonly string[])[];
  readonly annotations: Readonly<Record<string, ArticleAnnotations>>;
  readonly events: readonly CompareEvent[];
  /** Fallbacks the adapter took while building the input. */
  readonly notes: readonly string[];
}

// ---------------------------------------------------------------- outputs

/** A pointer to one paragraph of one article, with the sentence cited. */
export interface Citation {
  readonly articleId: string;
  readonly paragraph: number;
  readonly text: string;
}

/** One independence group's support for a claim: the articles (copies collapse into one source). */
export interface SourceGroup {
  readonly articles: readonly string[];
  readonly outlets: readonly string[];
  /** Earliest publication time in the group, or null. */
  readonly first: string | null;
}

export interface ClaimTime {
  /** ISO day the claim refers to, or null. */
  readonly date: string | null;
  readonly precision: string;
  /** Why: `sentence-date`, `article-date`, `event-date`, `earlier-than-article`, `unknown`. */
  readonly basis: string;
  /** True when the article presents this value as an earlier state ("the original 28-point plan", "from 14 to 9"). */
  readonly prior: boolean;
}

/** One article's statement of a claim. */
export interface ClaimStatement {
  readonly articleId: string;
  readonly outlet: string;
  readonly published: string | null;
  readonly citation: Citation;
  /** The words that carry the value ("28-item", "600,000"). */
  readonly raw: string;
  /** Who holds this value (the sentence's subject or the speaker), or null. */
  readonly holder: string | null;
  /** Reported attribution ("according to the Financial Times"), or null. */
  readonly attribution: string | null;
  readonly time: ClaimTime;
}

/** `number`: a quantity; `quote`: who said what; `statement`: a key sentence (naming at least two entities) as reported across articles. */
export type ClaimKind = 'number' | 'quote' | 'statement';

export interface Claim {
  readonly id: string;
  readonly kind: ClaimKind;
  /** The slot this claim fills (same slot, different value → conflict / change / positions). */
  readonly slot: string;
  readonly subject: string;
  readonly relation: string;
  /** Normalised value ("28 point", "600000"); for quotes the quoted words. */
  readonly value: string;
  readonly numeric: number | null;
  readonly statements: readonly ClaimStatement[];
  readonly sources: readonly SourceGroup[];
  /** Number of independence groups stating it. */
  readonly independentSources: number;
  readonly singleSource: boolean;
  /** The statement published first (ties: input order). */
  readonly firstReported: { readonly articleId: string; readonly outlet: string; readonly published: string | null };
  readonly holders: readonly string[];
  readonly attributions: readonly string[];
  readonly time: ClaimTime;
}

export type SlotRelationKind = 'conflict' | 'change-over-time' | 'competing-positions';

export interface SlotRelation {
  readonly kind: SlotRelationKind;
  /** Claim ids, in time order for changes. */
  readonly claims: readonly [string, string];
  readonly reason: string;
}

export interface Slot {
  readonly id: string;
  readonly label: string;
  readonly unit: string | null;
  readonly claims: readonly string[];
  /** `agreement` when every statement gives one value; otherwise the strongest relation found. */
  readonly status: 'agreement' | SlotRelationKind | 'mixed';
  readonly relations: readonly SlotRelation[];
}

export interface Ledger {
  readonly id: string;
  readonly claims: readonly Claim[];
  readonly slots: readonly Slot[];
}

export interface FramingUse {
  readonly outlet: string;
  readonly names: readonly string[];
  readonly descriptors: readonly string[];
  readonly articles: readonly string[];
}

export interface FramingEntity {
  readonly key: string;
  readonly type: string;
  /** The most used name. */
  readonly name: string;
  readonly mentions: number;
  /** Every spelling used, with the outlets using each. */
  readonly spellings: readonly { readonly name: string; readonly outlets: readonly string[] }[];
  readonly descriptors: readonly { readonly descriptor: string; readonly outlets: readonly string[] }[];
  readonly byOutlet: readonly FramingUse[];
}

export interface Framing {
  readonly id: string;
  readonly outletBasis: string;
  readonly entities: readonly FramingEntity[];
}

export interface TimelineEntry {
  /** First ISO day of the entry (see `precision`: `2014-01-01` at year precision means "2014"). */
  readonly date: string | null;
  readonly precision: string;
  /** Where the date came from: the clustered `event`, its `earliest report`, or `mentioned in the reports` (background). */
  readonly dateBasis: string;
  readonly kind: 'event' | 'background';
  readonly title: string;
  readonly eventId: string | null;
  readonly independentSources: number;
  readonly articles: readonly string[];
  readonly citation: Citation | null;
}

export interface Timeline {
  readonly id: string;
  readonly entries: readonly TimelineEntry[];
}

export interface BriefSentence {
  /** The sentence as printed: extracted verbatim from the cited passage (or, in abstractive mode, checked against it). */
  readonly text: string;
  /** Structural lead-in built from ledger data (value, outlet, date, relation), printed before the sentence; never a claim of its own. */
  readonly label?: string;
  readonly citations: readonly Citation[];
  /** Time the sentence's source was published, for `--since`. */
  readonly published: string | null;
}

export interface BriefSection {
  readonly key: 'summary' | 'what-happened' | 'key-numbers' | 'who-said-what' | 'differences' | 'timeline' | 'coverage';
  readonly title: string;
  readonly items: readonly BriefSentence[];
}

export interface Brief {
  readonly id: string;
  readonly headline: BriefSentence | null;
  readonly since: string | null;
  readonly sections: readonly BriefSection[];
  readonly coverage: readonly { readonly outlet: string; readonly articles: number; readonly first: string | null; readonly last: string | null }[];
  /** Sentences dropped because they could not be cited or failed the support check. */
  readonly dropped: number;
  readonly notes: readonly string[];
}

export type BriefFormat = 'md' | 'html' | 'json';

/**
 * The default quote extractor.
 * Direct quotes: quoted spans (every mark style) with a frame after ("…," Trump said / said Trump),
 * before ("Witkoff said: …"), in the previous sentence ("He said the following."), or continuing the
 * previous quote's speaker; a quote interrupted by its frame ("…," he said, "…") is one quote.
 * Indirect: "X said (that) …", "X told reporters …", "according to X", and "…, X said." clauses.
 */
import type { Analysis, Entity, Mention, Quote, QuoteExtractor } from '../../types.js';
import { closingReport, directQuotes } from './direct.js';
import { indirectQuotes } from './indirect.js';
import type { SpeakerContext } from './speaker.js';

export class RuleQuoteExtractor implements QuoteExtractor {
  extract(analysis: Analysis, entities: readonly Entity[]): Quote[] {
    const mentions = entities.flatMap((e) => e.mentions.map((m: Mention) => ({ m, e }))).sort((a, b) => a.m.span.start - b.m.span.start);
    const ctx: SpeakerContext = { analysis, entities, mentions, speakersBySentence: new Map() };
    const direct = directQuotes(analysis, ctx);
    const indirect = indirectQuotes(analysis, ctx, direct);
    const framed = direct.map((q) => closingReport(q, indirect) ?? q);
    return [...framed, ...indirect].sort((a, b) => a.span.start - b.span.start);
  }
}

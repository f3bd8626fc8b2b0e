/** Shared by the attribution table tests: the quotes of one invented sentence, and the text of a quote's speaker span. */
import { annotate, type Quote } from '../../src/extract/index.js';

/** Quotes found in `text`, annotated as an English article published on a fixed day. */
export const quotesOf = (text: string): Quote[] => annotate({ title: '', text, published: '2016-03-01', language: 'en' }).quotes;

/** The words of the quote's speaker span, or null when it has none. */
export const speakerText = (text: string, q: Quote): string | null => (q.speaker.span ? text.slice(q.speaker.span.start, q.speaker.span.end) : null);

/** When a statement's value holds: a date in its own sentence, an "earlier state" cue, or the article's date. */
import type { ClaimTime, CmpDate, CompareArticle } from '../types.js';
import type { SentenceSpan } from './text.js';

/**
 * Cues that present a value as an earlier state when they sit right before it ("the original 28-point plan",
 * "from 14 points to nine", "down from 140"). English; extraction has no tense for numbers yet.
 */
const PRIOR_CUE = /\b(?:original|initial|first|earlier|previous|former|old|from|was|were)\s+(?:\S+\s+){0,1}$/iu;

export function isPrior(paragraph: string, offset: number): boolean {
  return PRIOR_CUE.test(paragraph.slice(Math.max(0, offset - 40), offset));
}

export function statementTime(
  article: CompareArticle,
  dates: readonly CmpDate[],
  sentence: SentenceSpan,
  paragraph: number,
  offset: number,
  paragraphText: string,
): ClaimTime {
  const prior = isPrior(paragraphText, offset);
  // a day-precise date in the sentence, the one nearest the value (month-level dates often name the other version: "down from 140 in the March draft")
  const inSentence = dates
    .filter((d) => d.paragraph === paragraph && d.start && d.precision === 'day' && d.offset >= sentence.start && d.offset < sentence.end)
    .sort((x, y) => Math.abs(x.offset - offset) - Math.abs(y.offset - offset))[0];
  if (inSentence?.start) return { date: inSentence.start, precision: inSentence.precision, basis: 'sentence-date', prior };
  if (prior) return { date: null, precision: 'unknown', basis: 'earlier-than-article', prior };
  if (article.published)
    return { date: article.published.slice(0, 10), precision: 'day', basis: article.publishedSource === 'event' ? 'event-date' : 'article-date', prior };
  return { date: null, precision: 'unknown', basis: 'unknown', prior };
}

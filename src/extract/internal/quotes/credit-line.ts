/** Credit lines: a paragraph that is one quotation, then a line opening with a dash that names its author. */
import type { Analysis, Span, Token } from '../../types.js';
import { cueOf, type Frame } from './frame.js';
import { npAfter } from './speaker.js';
import { tokenIndexAt } from './subjects.js';

/** A dash opening a credit line: hyphen, en or em dash, or a doubled hyphen. */
const CREDIT_DASH = /^(?:[-–—]|--)$/;

/**
 * "“…”⏎⏎— Bernie Sanders." / "“…”⏎⏎-Michelle Marks, Philadelphia.": under a paragraph that holds only the
 * quotation, a line opening with a dash and a name credits its author (the epigraph and fact-check layout).
 */
export function creditLine(analysis: Analysis, outer: Span): Frame | null {
  const para = analysis.paragraphs.find((p) => p.start <= outer.start && outer.start < p.end);
  if (!para || analysis.text.slice(para.start, outer.start).trim()) return null;
  const after = /^[ \t]*\r?\n\s*(?=[-–—])/.exec(analysis.text.slice(outer.end));
  if (!after) return null;
  const t = analysis.tokens;
  const i = tokenIndexAt(analysis, outer.end + after[0].length);
  const dash = t[i];
  if (!dash || !CREDIT_DASH.test(dash.text)) return null;
  const s = analysis.sentences[dash.sentence];
  const phrase = npAfter(analysis, i, s ? s.endToken : t.length);
  if (!phrase || !t.slice(phrase.first, phrase.end).some((x: Token) => x.pos === 'PROPN')) return null;
  return { cue: cueOf(dash, i), phrase, end: phrase.span.end };
}

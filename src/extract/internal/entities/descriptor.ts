/**
 * Descriptors attached to a person mention: the pre-modifier chain ("Kremlin spokesman",
 * "Russian dictator", "US special envoy") and, failing that, a following appositive
 * (", head of Ukraine's Center for Countering Disinformation,").
 */
import type { Analysis, Token } from '../../types.js';

/** Longest pre-modifier chain kept, in tokens; set by reading news titles (rarely above 6). */
const MAX_PREMODIFIER_TOKENS = 7;
/** Longest appositive kept, in tokens. */
const MAX_APPOSITIVE_TOKENS = 14;

const CHAIN_POS = new Set(['NOUN', 'ADJ', 'PROPN', 'PART', 'NUM']);
const STOP_WORDS = new Set(['and', 'or', 'but', 'as', 'with', 'by', 'said', 'says']);

function textOf(analysis: Analysis, a: number, b: number): string {
  const toks = analysis.tokens;
  return analysis.text
    .slice((toks[a] as Token).span.start, (toks[b] as Token).span.end)
    .replace(/\s+/g, ' ')
    .trim();
}

export function findDescriptor(analysis: Analysis, first: number, end: number, spanFirst: number, prefix: string | null): string | null {
  const toks = analysis.tokens;
  const sentence = (toks[first] as Token).sentence;
  let k = spanFirst - 1;
  const stop = spanFirst - MAX_PREMODIFIER_TOKENS;
  while (k >= 0 && k >= stop) {
    const t = toks[k] as Token;
    if (t.sentence !== sentence) break;
    const isHyphen = t.text === '-' || t.text === '–';
    const gluedToHyphen =
      k > 0 && ((toks[k + 1] as Token).text === '-' || (toks[k - 1] as Token).text === '-') && (toks[k + 1] as Token).span.start === t.span.end;
    if (!(CHAIN_POS.has(t.pos) || isHyphen || gluedToHyphen) || STOP_WORDS.has(t.text.toLowerCase()) || /^\p{Ll}+ing$/u.test(t.text)) break;
    const gap = analysis.text.slice(t.span.end, (toks[k + 1] as Token).span.start);
    if (gap.length > 1 || gap.includes('\n')) break;
    k--;
  }
  const pre = k + 1 < spanFirst ? textOf(analysis, k + 1, spanFirst - 1) : '';
  const joined = [pre, prefix ?? ''].filter(Boolean).join(' ').trim();
  if (joined && /\p{Ll}|\p{Lu}/u.test(joined)) return joined;
  return appositive(analysis, end, sentence);
}

function appositive(analysis: Analysis, end: number, sentence: number): string | null {
  const toks = analysis.tokens;
  const comma = toks[end];
  if (!comma || comma.text !== ',' || comma.sentence !== sentence) return null;
  const start = end + 1;
  const firstTok = toks[start];
  if (!firstTok || !['DET', 'ADJ', 'NOUN', 'PROPN'].includes(firstTok.pos)) return null;
  let k = start;
  while (k < toks.length && k - start < MAX_APPOSITIVE_TOKENS) {
    const t = toks[k] as Token;
    if (t.sentence !== sentence) return null;
    if (t.text === ',' || t.text === ';' || t.text === ')') break;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PRON' || t.pos === 'SCONJ') return null;
    k++;
  }
  if (k === start || k - start >= MAX_APPOSITIVE_TOKENS) return null;
  const seg = textOf(analysis, start, k - 1);
  if (!toks.slice(start, k).some((t) => t.pos === 'NOUN')) return null;
  return seg;
}

import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';
import type { Analysis, Analyzer, Sentence, Span, Token } from '../types.js';
import { splitParagraphs } from './paragraphs.js';

/** Largest text handed to wink in one document, in characters; bounds memory on huge inputs (a 2 MB article is cut into ~100 documents). */
const MAX_CHUNK_CHARS = 20_000;

let nlp: WinkMethods | null = null;
function instance(): WinkMethods {
  if (!nlp) nlp = winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

/** Tokens, sentences and POS tags from wink-nlp, run paragraph by paragraph with character offsets. */
export class WinkAnalyzer implements Analyzer {
  analyze(text: string): Analysis {
    const w = instance();
    const its = w.its;
    const paragraphs = splitParagraphs(text);
    const tokens: Token[] = [];
    const sentences: Sentence[] = [];
    // One wink document per chunk of paragraphs (per-paragraph documents cost ~6× more); sentences
    // are then cut at paragraph boundaries so none spans two paragraphs.
    let pi = 0;
    while (pi < paragraphs.length) {
      let pj = pi;
      while (pj + 1 < paragraphs.length && (paragraphs[pj + 1] as Span).end - (paragraphs[pi] as Span).start <= MAX_CHUNK_CHARS) pj++;
      const chunk = { start: (paragraphs[pi] as Span).start, end: (paragraphs[pj] as Span).end };
      this.analyzeChunk(text, chunk, paragraphs, pi, pj, tokens, sentences, w, its);
      pi = pj + 1;
    }
    return mergeFalseBreaks({ text, tokens, sentences, paragraphs });
  }

  private analyzeChunk(
    text: string,
    chunk: Span,
    paragraphs: readonly Span[],
    pi: number,
    pj: number,
    tokens: Token[],
    sentences: Sentence[],
    w: WinkMethods,
    its: WinkMethods['its'],
  ): void {
    const ptext = text.slice(chunk.start, chunk.end);
    const doc = w.readDoc(ptext);
    const values = doc.tokens().out() as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const lemma = doc.tokens().out(its.lemma as unknown as typeof its.pos) as string[];
    const local: Span[] = [];
    let cursor = 0;
    for (const v of values) {
      let at = ptext.indexOf(v, cursor);
      // wink may normalise a token; keep offsets monotone and never lose the cursor.
      if (at < 0 || at - cursor > v.length + 64) at = cursor;
      const end = Math.min(ptext.length, at + v.length);
      local.push({ start: chunk.start + at, end: chunk.start + end });
      cursor = end;
    }
    // Token offsets only grow, so the paragraph pointer only moves forward.
    let cur = pi;
    const paraOf = (offset: number): number => {
      while (cur < pj && offset >= (paragraphs[cur] as Span).end) cur++;
      return cur;
    };
    const sentSpans = doc.sentences().out(its.span) as unknown as [number, number][];
    for (const [a, b] of sentSpans) {
      // Split at paragraph boundaries; drop whitespace-only tokens.
      let first = -1;
      let para = -1;
      const flush = (endTok: number) => {
        if (first < 0) return;
        let last = endTok - 1;
        while (last >= first && !(values[last] as string).trim()) last--;
        if (last < first) return;
        const si = sentences.length;
        const base = tokens.length;
        for (let k = first; k <= last; k++) {
          if (!(values[k] as string).trim()) continue;
          tokens.push({
            text: values[k] as string,
            span: local[k] as Span,
            pos: pos[k] ?? 'X',
            lemma: lemma[k] ?? (values[k] as string).toLowerCase(),
            sentence: si,
          });
        }
        if (tokens.length === base) return;
        sentences.push({
          index: si,
          span: { start: (tokens[base] as Token).span.start, end: (tokens[tokens.length - 1] as Token).span.end },
          paragraph: para,
          firstToken: base,
          endToken: tokens.length,
        });
        first = -1;
      };
      for (let k = a; k <= b; k++) {
        if (!(values[k] as string).trim()) continue;
        const p = paraOf((local[k] as Span).start);
        if (first >= 0 && p !== para) flush(k);
        if (first < 0) {
          first = k;
          para = p;
        }
      }
      flush(b + 1);
    }
  }
}

/**
 * wink ends a sentence at an abbreviation's period ("Sen. X (D-Calif.) said", "the U.S. economy");
 * a "sentence" that then opens with a closing bracket, a comma or a lower-case word continues the
 * previous one (same paragraph), so the two are joined.
 */
function mergeFalseBreaks(a: Analysis): Analysis {
  const { tokens, sentences } = a;
  const joins = (prev: Sentence, cur: Sentence): boolean => {
    if (prev.paragraph !== cur.paragraph) return false;
    const last = tokens[prev.endToken - 1] as Token;
    const first = tokens[cur.firstToken] as Token;
    const period = last.text === '.' || (last.text === ')' && tokens[prev.endToken - 2]?.text === '.');
    return period && (/^[),;:]$/.test(first.text) || /^\p{Ll}/u.test(first.text));
  };
  if (!sentences.some((s, i) => i > 0 && joins(sentences[i - 1] as Sentence, s))) return a;
  const merged: Sentence[] = [];
  const remap: number[] = [];
  for (const s of sentences) {
    const prev = merged[merged.length - 1];
    if (prev && joins(prev, s)) {
      merged[merged.length - 1] = { ...prev, span: { start: prev.span.start, end: s.span.end }, endToken: s.endToken };
    } else merged.push({ ...s, index: merged.length });
    remap[s.index] = merged.length - 1;
  }
  const out = tokens.map((t) => ({ ...t, sentence: remap[t.sentence] as number }));
  return { ...a, tokens: out, sentences: merged };
}

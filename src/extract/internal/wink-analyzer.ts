import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Analysis, Analyzer, Sentence, Span, Token } from '../types.js';
import { splitParagraphs } from './paragraphs.js';

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
    paragraphs.forEach((para, pi) => {
      const ptext = text.slice(para.start, para.end);
      const doc = w.readDoc(ptext);
      const values = doc.tokens().out() as string[];
      const pos = doc.tokens().out(its.pos) as string[];
      const lemma = doc.tokens().out(its.lemma as unknown as typeof its.pos) as string[];
      const base = tokens.length;
      const local: Span[] = [];
      let cursor = 0;
      for (const v of values) {
        let at = ptext.indexOf(v, cursor);
        // wink may normalise a token; keep offsets monotone and never lose the cursor.
        if (at < 0 || at - cursor > v.length + 64) at = cursor;
        const end = Math.min(ptext.length, at + v.length);
        local.push({ start: para.start + at, end: para.start + end });
        cursor = end;
      }
      const sentSpans = doc.sentences().out(its.span) as unknown as [number, number][];
      const sentIndexOf = new Array<number>(values.length).fill(0);
      for (const [a, b] of sentSpans) {
        const si = sentences.length;
        for (let k = a; k <= b; k++) sentIndexOf[k] = si;
        const first = local[a];
        const last = local[b];
        if (!first || !last) continue;
        sentences.push({ index: si, span: { start: first.start, end: last.end }, paragraph: pi, firstToken: base + a, endToken: base + b + 1 });
      }
      values.forEach((v, k) => {
        const sp = local[k] as Span;
        tokens.push({ text: v, span: sp, pos: pos[k] ?? 'X', lemma: lemma[k] ?? v.toLowerCase(), sentence: sentIndexOf[k] ?? 0 });
      });
    });
    return { text, tokens, sentences, paragraphs };
  }
}

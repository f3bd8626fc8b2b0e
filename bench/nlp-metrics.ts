/** Metrics for bench/nlp.ts, shared with the regression gate. */
import type { DateMention, Quote } from '../src/extract/types.js';

interface Span {
  start: number;
  end: number;
}
const overlap = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export interface PRF {
  p: number;
  r: number;
  f1: number;
  tp: number;
  pred: number;
  gold: number;
}

function prf(tpPred: number, pred: number, tpGold: number, gold: number): PRF {
  const p = pred ? tpPred / pred : 0;
  const r = gold ? tpGold / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, tp: tpGold, pred, gold };
}

export interface GoldAttribution {
  content: Span[];
  source: Span[];
  /** Cue spans (may be empty). */
  cue: Span[];
  direct: boolean;
}

/** Parses brat stand-off: T lines (Source/Cue/Content spans, possibly discontinuous) and E lines linking them. */
export function parseAnn(ann: string, text: string): GoldAttribution[] {
  const spans = new Map<string, { type: string; spans: Span[] }>();
  const out: GoldAttribution[] = [];
  for (const line of ann.split('\n')) {
    const t = /^(T\d+)\t(\w+) ([\d; ]+)\t/.exec(line);
    if (t) {
      const parts = (t[3] as string).split(';').map((p) => p.trim().split(' ').map(Number) as [number, number]);
      spans.set(t[1] as string, { type: t[2] as string, spans: parts.map(([start, end]) => ({ start, end })) });
    }
  }
  for (const line of ann.split('\n')) {
    if (!line.startsWith('E')) continue;
    const args = Object.fromEntries([...line.matchAll(/(\w+):(T\d+)/g)].map((m) => [m[1], m[2]]));
    const content = spans.get(args.Content as string)?.spans ?? [];
    const source = spans.get(args.Source as string)?.spans ?? [];
    const cue = spans.get(args.Cue as string)?.spans ?? [];
    if (!content.length) continue;
    // Direct: the content is (mostly) inside quotation marks.
    const ctext = content.map((s) => text.slice(s.start, s.end)).join(' ');
    const quoted = (ctext.match(/[“"«„][^”"»“]*[”"»“]/g) ?? []).join('').length;
    out.push({ content, source, cue, direct: quoted >= 0.5 * ctext.trim().length });
  }
  return out;
}

export interface AttributionScore {
  direct: PRF;
  all: PRF;
  speakerKnownRate: number;
}

/**
 * A predicted attribution matches a gold one when their content spans overlap; it is correct when
 * the predicted speaker span also overlaps the gold Source (predictions with no speaker span are
 * wrong). Precision over predictions, recall over gold; direct = gold content in quotation marks
 * (for precision: predicted direct quotes).
 */
export function scoreAttribution(docs: readonly { text: string; ann: string; quotes: readonly Quote[] }[]): AttributionScore {
  let dTpPred = 0,
    dPred = 0,
    dTpGold = 0,
    dGold = 0,
    aTpPred = 0,
    aPred = 0,
    aTpGold = 0,
    aGold = 0,
    known = 0,
    total = 0;
  const correct = (q: Quote, g: GoldAttribution) =>
    q.parts.some((p) => g.content.some((c) => overlap(p, c))) && !!q.speaker.span && g.source.some((s) => overlap(s, q.speaker.span as Span));
  for (const d of docs) {
    const gold = parseAnn(d.ann, d.text);
    // A quote whose speaker is explicitly unknown claims no attribution: it is neither a prediction nor a
    // match for recall (it may keep the span of the phrase it rejected, which must not count as a find).
    const claims = d.quotes.filter((x) => x.speaker.kind !== 'unknown');
    for (const q of claims) {
      total++;
      if (q.speaker.kind !== 'unknown') known++;
      const ok = gold.some((g) => correct(q, g));
      aPred++;
      if (ok) aTpPred++;
      if (q.type === 'direct') {
        dPred++;
        // A predicted direct quote is right when it matches any gold attribution (a quoted phrase inside
        // a larger reported clause is still a correct attribution).
        if (gold.some((g) => correct(q, g))) dTpPred++;
      }
    }
    for (const g of gold) {
      aGold++;
      const ok = claims.some((q) => correct(q, g));
      if (ok) aTpGold++;
      if (g.direct) {
        dGold++;
        if (claims.some((q) => q.type === 'direct' && correct(q, g))) dTpGold++;
      }
    }
  }
  return { direct: prf(dTpPred, dPred, dTpGold, dGold), all: prf(aTpPred, aPred, aTpGold, aGold), speakerKnownRate: total ? known / total : 0 };
}

export interface DateScore {
  p: number;
  r: number;
  f1: number;
  gold: number;
  found: number;
  valueCorrect: number;
  valueAccuracy: number;
}

interface Timex {
  span: Span;
  type: string;
  value: string;
}

/** Strips TimeML tags from the TEXT element, keeping offsets of TIMEX3s; returns the text, DCT and timexes. */
export function parseTml(xml: string): { text: string; dct: string; timexes: Timex[] } {
  const dct = /<DCT>\s*<TIMEX3[^>]*value="([^"]+)"/.exec(xml)?.[1] ?? '';
  const body = /<TEXT>([\s\S]*)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: Timex[] = [];
  const re = /<TIMEX3([^>]*)>([\s\S]*?)<\/TIMEX3>|<[^>]+>|([^<]+)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[1] !== undefined) {
      const attrs = m[1];
      const inner = (m[2] as string).replace(/<[^>]+>/g, '');
      const start = text.length;
      text += inner;
      timexes.push({ span: { start, end: text.length }, type: /type="([^"]+)"/.exec(attrs)?.[1] ?? '', value: /value="([^"]+)"/.exec(attrs)?.[1] ?? '' });
    } else if (m[3] !== undefined) text += m[3];
  }
  const decodeXmlEntities = (s: string) =>
    s
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'");
  // Entities in the XML shift offsets; the bench files contain none inside TEXT in practice, but keep text readable.
  return { text: decodeXmlEntities(text), dct, timexes };
}

/**
 * Span P/R/F1 (relaxed: overlap) for DATE timexes, and value accuracy on the found ones.
 * Predictions overlapping a gold DURATION/TIME/SET are neither true nor false positives for DATE.
 */
export function scoreDates(
  tmls: readonly string[],
  run: (doc: { title: string; text: string; published: string | null; language: string | null }) => readonly DateMention[],
): DateScore {
  let gold = 0,
    found = 0,
    correct = 0,
    pred = 0,
    tpPred = 0;
  for (const xml of tmls) {
    const { text, dct, timexes } = parseTml(xml);
    const dates = run({ title: '', text, published: dct, language: 'en' });
    const golds = timexes.filter((t) => t.type === 'DATE');
    const others = timexes.filter((t) => t.type !== 'DATE');
    for (const d of dates) {
      if (others.some((o) => overlap(o.span, d.span)) && !golds.some((g) => overlap(g.span, d.span))) continue;
      pred++;
      if (golds.some((g) => overlap(g.span, d.span))) tpPred++;
    }
    for (const g of golds) {
      gold++;
      const hit = dates.find((d) => overlap(g.span, d.span));
      if (!hit) continue;
      found++;
      if (hit.value === g.value) correct++;
    }
  }
  const p = pred ? tpPred / pred : 0;
  const r = gold ? found / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, gold, found, valueCorrect: correct, valueAccuracy: found ? correct / found : 0 };
}

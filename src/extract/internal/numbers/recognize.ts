/**
 * The default number recognizer: digits (with thousands separators), number words and vague
 * scales ("tens of billions"), with currency, percent, scale words and hyphenated units
 * ("28-point", "2-hour"), approximators ("around", "almost"), and the noun phrase quantified
 * (the nouns that follow, or "of …" after a scale).
 */
import type { Analysis, DateMention, NumberMention, NumberRecognizer, Token } from '../../types.js';
import { NUMBER_WORDS } from '../dates/lexicon.js';

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, tn: 1e12 };
const VAGUE: Record<string, [number, number]> = {
  tens: [10, 90],
  hundreds: [100, 900],
  dozens: [24, 96],
  thousands: [1e3, 9e3],
  millions: [1e6, 9e6],
  billions: [1e9, 9e9],
};
const CURRENCY_SIGNS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₴': 'UAH', '₽': 'RUB' };
const CURRENCY_WORDS: Record<string, string> = {
  dollars: 'USD',
  dollar: 'USD',
  euros: 'EUR',
  euro: 'EUR',
  pounds: 'GBP',
  rubles: 'RUB',
  roubles: 'RUB',
  hryvnias: 'UAH',
  yuan: 'CNY',
  yen: 'JPY',
};
/** Tokens back searched for the noun a bare number quantifies ("reduce its forces to 600,000"), and how far back a verb ends the search; read off the seeds and PolNeAR sentences. */
const PRECEDING_NOUN_WINDOW = 8;
const VERB_BARRIER_TOKENS = 3;
/** Longest quantified noun phrase kept, in tokens. */
const MAX_NOUN_TOKENS = 4;

const WORD_NUM = Object.keys(NUMBER_WORDS)
  .filter((w) => !['a', 'an', 'half', 'several', 'few', 'couple'].includes(w))
  .join('|');
const NUMBER_RE = new RegExp(
  [
    '(?<cur>[$€£¥₴₽])?\\s?',
    '(?:(?<vague>tens|hundreds|dozens|thousands|millions|billions)\\s+of\\s+(?<vscale>thousands|millions|billions|trillions)?(?:\\s+of)?',
    `|(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|(?:${WORD_NUM})(?:[- ](?:${WORD_NUM}))?)`,
    '(?:\\s?(?<scale>thousand|million|billion|trillion|bn|mn|tn)\\b|(?<sscale>[kmb])\\b)?)',
    '(?:(?<pct>\\s?%|\\s(?:percent|per cent)\\b)|-(?<hunit>[a-z]+)\\b)?',
  ].join(''),
  'giu',
);

function parseNum(s: string): number {
  const clean = s.replace(/,/g, '').toLowerCase();
  const n = Number(clean);
  if (!Number.isNaN(n)) return n;
  return clean.split(/[- ]/).reduce((acc, w) => acc + (NUMBER_WORDS[w] ?? 0), 0);
}

export class RuleNumberRecognizer implements NumberRecognizer {
  recognize(analysis: Analysis, dates: readonly DateMention[]): NumberMention[] {
    const { text, tokens } = analysis;
    const out: NumberMention[] = [];
    const inDate = (a: number, b: number) => dates.some((d) => d.kind !== 'duration' && a < d.span.end && d.span.start < b);
    for (const s of analysis.sentences) {
      const stext = text.slice(s.span.start, s.span.end);
      NUMBER_RE.lastIndex = 0;
      for (let m = NUMBER_RE.exec(stext); m; m = NUMBER_RE.exec(stext)) {
        const g = m.groups ?? {};
        if (!g.num && !g.vague) {
          if (m[0].length === 0) NUMBER_RE.lastIndex++;
          continue;
        }
        const start = s.span.start + m.index + (m[0].length - m[0].trimStart().length);
        let end = s.span.start + m.index + m[0].trimEnd().length;
        if (inDate(start, end)) continue;
        // List markers ("1. …", "2) …") at the start of a sentence are not quantities.
        if (g.num && start === s.span.start && /^\s*[.)]/.test(text.slice(end, end + 2)) && !g.pct && !g.cur) continue;
        // Word numbers must stand alone ("one of" is not a quantity worth keeping unless a unit follows).
        if (g.num && /^[a-z]/i.test(g.num) && !g.scale && !g.pct && !g.hunit && !/^\s+\p{L}/u.test(stext.slice(m.index + m[0].length))) continue;
        const numAt = g.num ? m.index + m[0].indexOf(g.num) : -1;
        if (g.num && /[\p{L}_]/u.test(stext[numAt - 1] ?? '')) continue; // part of a word or code
        let value: number;
        let upper: number | null = null;
        let scale: string | null = null;
        if (g.vague) {
          const [lo, hi] = VAGUE[g.vague.toLowerCase()] as [number, number];
          const sc = g.vscale ? (SCALES[g.vscale.toLowerCase().replace(/s$/, '')] ?? 1) : 1;
          value = lo * sc;
          upper = hi * sc;
          scale = g.vscale ? `${g.vague} of ${g.vscale}` : g.vague;
        } else {
          value = parseNum(g.num as string);
          const sc = (g.scale ?? g.sscale)?.toLowerCase();
          if (sc) {
            value *= SCALES[sc] ?? 1;
            scale = sc;
          }
        }
        let unit: string | null = g.cur ? (CURRENCY_SIGNS[g.cur] ?? null) : null;
        if (g.pct) unit = 'percent';
        if (g.hunit) unit = g.hunit.toLowerCase().replace(/s$/, '');
        // Words after: currency word ("of dollars"), unit noun, quantified noun phrase.
        let ti = tokens.findIndex((t) => t.span.start >= end);
        if (ti < 0) ti = tokens.length;
        let noun: string | null = null;
        const nounToks: Token[] = [];
        let k = ti;
        if ((tokens[k] as Token | undefined)?.text.toLowerCase() === 'of' && g.vague) k++;
        const cw = tokens[k] && CURRENCY_WORDS[(tokens[k] as Token).text.toLowerCase()];
        if (cw && !unit) {
          unit = cw;
          end = (tokens[k] as Token).span.end;
          k++;
          if (['in', 'of', 'for'].includes((tokens[k] as Token | undefined)?.text.toLowerCase() ?? '')) k++;
        }
        while (k < s.endToken && nounToks.length < MAX_NOUN_TOKENS) {
          const t = tokens[k] as Token;
          if (t.pos === 'NOUN' || (t.pos === 'ADJ' && nounToks.length < MAX_NOUN_TOKENS - 1) || (t.pos === 'PROPN' && nounToks.length > 0)) {
            nounToks.push(t);
            k++;
          } else break;
        }
        while (nounToks.length && (nounToks[nounToks.length - 1] as Token).pos === 'ADJ') nounToks.pop();
        if (nounToks.length) noun = text.slice((nounToks[0] as Token).span.start, (nounToks[nounToks.length - 1] as Token).span.end);
        if (
          !unit &&
          noun &&
          /^(hours?|days?|weeks?|months?|years?|minutes?|points?|km|kilometres?|kilometers?|miles?|tonnes?|tons?|people|soldiers|troops)$/i.test(
            noun.split(' ')[0] as string,
          )
        ) {
          unit = (noun.split(' ')[0] as string).toLowerCase().replace(/s$/, '');
        }
        // Preceding noun phrase for "reduce its forces to 600,000": the nearest noun before, same sentence.
        if (!noun && !g.hunit) {
          for (let b = ti - 2; b >= s.firstToken && b >= ti - PRECEDING_NOUN_WINDOW; b--) {
            const t = tokens[b] as Token;
            if (t.pos === 'NOUN') {
              let a = b;
              while (a - 1 >= s.firstToken && ['NOUN', 'ADJ'].includes((tokens[a - 1] as Token).pos)) a--;
              noun = text.slice((tokens[a] as Token).span.start, t.span.end);
              break;
            }
            if (t.pos === 'VERB' && b < ti - VERB_BARRIER_TOKENS) break;
          }
        }
        if (g.pct) value = value / 100;
        const approxMatch = /(about|around|almost|nearly|approximately|roughly|more than|over|less than|under|at least|up to|some)\s+$/i.exec(
          stext.slice(Math.max(0, m.index - 20), m.index),
        );
        out.push({
          raw: text.slice(start, end),
          span: { start, end },
          value,
          upper,
          unit,
          scale,
          approx: approxMatch ? (approxMatch[1] as string).toLowerCase() : upper !== null ? 'vague' : null,
          noun,
          sentence: s.index,
          paragraph: s.paragraph,
        });
      }
    }
    return out;
  }
}

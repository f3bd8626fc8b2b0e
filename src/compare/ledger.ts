/**
 * The claim ledger: every quantity and quote stated in the input, aligned across articles, with its
 * independent sources, who reported it first, and how values on the same slot relate (agreement,
 * conflict, change over time, competing positions).
 */
import { attributionOf, holderOf, isParty } from './internal/attribution.js';
import { buildCorpus, type Corpus } from './internal/corpus.js';
import { assignSlots, type SlotCandidate } from './internal/slots.js';
import { clusterStatements, keySentences } from './internal/statements.js';
import { compareDates, contentWords, dayGap, shortHash, singular, words } from './internal/text.js';
import { statementTime } from './internal/time.js';
import type { Claim, ClaimStatement, ClaimTime, CmpQuote, CompareInput, Ledger, Slot, SlotRelation, SlotRelationKind, SourceGroup } from './types.js';

/** Two statements' times overlap when their dates are at most this many days apart (demo corpus: reports of one event come out up to 2 days after it; the closest plan revision is 7 weeks). */
export const OVERLAP_DAYS = 2;
/** A position is held by one party, named at most this many ways across outlets ("Russia", "Moscow"); more holders mean reporters' sources, not a party. */
const MAX_HOLDERS_PER_POSITION = 2;
/** Two values are the same when within this relative difference ("around 880,000" vs "880,000"). */
const SAME_VALUE_TOLERANCE = 0.005;
/** Two quotes by one speaker are the same statement when this share of the shorter one's content words occurs in the other (paraphrased translations of one quote score 0.6–0.9 on the seeds). */
const QUOTE_MATCH = 0.6;

interface Draft {
  readonly slot: string;
  readonly kind: Claim['kind'];
  readonly numeric: number | null;
  readonly unit: string | null;
  readonly label: string;
  readonly value: string;
  readonly statement: ClaimStatement;
  readonly order: number;
  /** Content words of a quote's text (for matching paraphrased copies of one quote). */
  readonly words?: ReadonlySet<string>;
}

function headOf(noun: string | null): string | null {
  if (!noun) return null;
  const ws = words(noun).filter((w) => /\p{L}/u.test(w));
  const last = ws[ws.length - 1];
  return last ? singular(last) : null;
}

function valueLabel(value: number, unit: string | null): string {
  const v = Number.isInteger(value) ? String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(value);
  if (unit === 'percent') return `${v}%`;
  return unit ? `${v} ${unit}` : v;
}

function numberDrafts(corpus: Corpus, attribution: (sentence: string) => string | null): Draft[] {
  const cands: SlotCandidate[] = [];
  const pending: { cand: SlotCandidate; statement: ClaimStatement; unit: string | null; noun: string | null }[] = [];
  for (const article of corpus.input.articles) {
    const ann = corpus.input.annotations[article.id];
    if (!ann) continue;
    for (const n of ann.numbers) {
      const text = article.paragraphs[n.paragraph];
      if (text === undefined) continue;
      // "one" written as a word is as often a pronoun ("the one most likely to fail") as a count
      if (n.value === 1 && !/\d/u.test(n.raw)) continue;
      const sentence = corpus.sentenceAt(article.id, n.paragraph, n.offset);
      const inSentence = n.offset - sentence.start;
      const after = sentence.text.slice(inSentence + n.raw.length);
      const weakNoun = n.noun !== null && !after.toLowerCase().includes((n.noun.split(/\s+/)[0] ?? '').toLowerCase());
      const quote = ann.quotes.find((q) => q.paragraph === n.paragraph && n.offset >= q.offset && n.offset < q.offset + q.text.length + 2);
      const cand: SlotCandidate = {
        id: cands.length,
        articleId: article.id,
        sentence: corpus.sentenceIndex(article.id, n.paragraph, n.offset),
        value: n.value,
        unit: n.unit,
        head: headOf(n.noun),
        weakNoun,
      };
      cands.push(cand);
      pending.push({
        cand,
        unit: n.unit,
        noun: n.noun,
        statement: {
          articleId: article.id,
          outlet: article.outlet,
          published: article.published,
          citation: { articleId: article.id, paragraph: n.paragraph, text: sentence.text },
          raw: n.raw,
          // a direct quote's speaker asserts the figure; an indirect "officials said" names a source, kept as attribution
          holder:
            (quote?.type === 'direct' && isSpeech(quote) && quote.speaker && isParty(quote.speaker) ? quote.speaker : null) ??
            holderOf(sentence.text, inSentence),
          attribution:
            attribution(sentence.text) ??
            (quote?.speaker && quote.type === 'indirect' && /^\p{Lu}/u.test(quote.speaker) && isParty(quote.speaker) ? `said by ${quote.speaker}` : null),
          time: statementTime(article, ann.dates, sentence, n.paragraph, n.offset, text),
        },
      });
    }
  }
  const slots = assignSlots(cands);
  const out: Draft[] = [];
  for (const p of pending) {
    const slot = slots.get(p.cand.id);
    if (!slot) continue;
    out.push({
      slot: `number:${slot}`,
      kind: 'number',
      numeric: p.cand.value,
      unit: p.unit,
      label: p.noun ?? p.unit ?? 'figure',
      value: valueLabel(p.cand.value, p.unit),
      statement: p.statement,
      order: out.length,
    });
  }
  return out;
}

function quoteDrafts(corpus: Corpus, attribution: (sentence: string) => string | null): Draft[] {
  const out: Draft[] = [];
  for (const article of corpus.input.articles) {
    const ann = corpus.input.annotations[article.id];
    if (!ann) continue;
    for (const q of ann.quotes) {
      if (!quotable(q) || !q.speaker) continue;
      const sentence = corpus.sentenceAt(article.id, q.paragraph, q.offset);
      const text = article.paragraphs[q.paragraph] ?? '';
      out.push({
        slot: `quote:${q.speakerKey ?? q.speaker.toLowerCase()}`,
        kind: 'quote',
        numeric: null,
        unit: null,
        label: q.speaker,
        value: q.text,
        words: new Set(contentWords(q.text)),
        order: out.length,
        statement: {
          articleId: article.id,
          outlet: article.outlet,
          published: article.published,
          citation: { articleId: article.id, paragraph: q.paragraph, text: sentence.text },
          raw: q.text,
          holder: q.speaker,
          attribution: attribution(sentence.text),
          time: statementTime(article, ann.dates, sentence, q.paragraph, q.offset, text),
        },
      });
    }
  }
  return out;
}

/** A quote whose cue is an attribution phrase ("according to") names a source, not the holder of a position. */
function isSpeech(q: CmpQuote): boolean {
  return !/^according/iu.test(q.cue ?? '');
}

/** Quotes the ledger keeps: direct quotes, and indirect ones whose speaker is a named entity. */
function quotable(q: CmpQuote): boolean {
  return q.speaker !== null && (q.type === 'direct' || q.speakerKey !== null) && isSpeech(q) && /^\p{Lu}/u.test(q.speaker);
}

function sameValue(a: Draft, b: Draft): boolean {
  if (a.kind !== b.kind) return false;
  if (a.numeric !== null && b.numeric !== null)
    return Math.abs(a.numeric - b.numeric) <= SAME_VALUE_TOLERANCE * Math.max(Math.abs(a.numeric), Math.abs(b.numeric));
  const wa = a.words ?? new Set(contentWords(a.value));
  const wb = b.words ?? new Set(contentWords(b.value));
  const [short, long] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  if (short.size === 0) return a.value === b.value;
  let hit = 0;
  for (const w of short) if (long.has(w)) hit++;
  return hit / short.size >= QUOTE_MATCH;
}

function claimTime(statements: readonly ClaimStatement[]): ClaimTime {
  const current = statements.filter((s) => !s.time.prior && s.time.date).sort((a, b) => compareDates(a.time.date, b.time.date));
  const first = current[0];
  if (first) return first.time;
  const dated = statements.filter((s) => s.time.date).sort((a, b) => compareDates(a.time.date, b.time.date))[0];
  if (dated) return dated.time;
  return statements.every((s) => s.time.prior)
    ? { date: null, precision: 'unknown', basis: 'earlier-than-article', prior: true }
    : { date: null, precision: 'unknown', basis: 'unknown', prior: false };
}

function toClaim(corpus: Corpus, drafts: readonly Draft[]): Claim {
  const d0 = drafts[0] as Draft;
  const statements = drafts.map((d) => d.statement);
  const byGroup = new Map<number, ClaimStatement[]>();
  for (const s of statements) {
    const g = corpus.groupOf.get(s.articleId) ?? -1;
    {
      const l = byGroup.get(g);
      if (l) l.push(s);
      else byGroup.set(g, [s]);
    }
  }
  const sources: SourceGroup[] = [...byGroup.values()].map((list) => ({
    articles: [...new Set(list.map((s) => s.articleId))],
    outlets: [...new Set(list.map((s) => s.outlet))],
    first:
      list
        .map((s) => s.published)
        .filter((p): p is string => p !== null)
        .sort()[0] ?? null,
  }));
  const first = [...statements].sort(
    (a, b) => compareDates(a.published, b.published) || (corpus.order.get(a.articleId) ?? 0) - (corpus.order.get(b.articleId) ?? 0),
  )[0] as ClaimStatement;
  const subject = d0.kind === 'quote' ? d0.label : d0.label;
  return {
    id: `c${shortHash(`${d0.slot}|${d0.value}`)}`,
    kind: d0.kind,
    slot: d0.slot,
    subject,
    relation: d0.kind === 'quote' ? 'said' : 'amounts to',
    value: d0.value,
    numeric: d0.numeric,
    statements,
    sources,
    independentSources: sources.length,
    singleSource: sources.length === 1,
    firstReported: { articleId: first.articleId, outlet: first.outlet, published: first.published },
    holders: [...new Set(statements.map((s) => s.holder).filter((h): h is string => h !== null))],
    attributions: [...new Set(statements.map((s) => s.attribution).filter((h): h is string => h !== null))],
    time: claimTime(statements),
  };
}

/** First and last day a claim's current (not "earlier version") statements are dated, or null. */
function timeRange(c: Claim): [string, string] | null {
  const current = c.statements.filter((s) => !s.time.prior && s.time.date);
  const list = (current.length ? current : c.statements.filter((s) => s.time.date)).map((s) => (s.time.date as string).slice(0, 10)).sort();
  return list.length ? [list[0] as string, list[list.length - 1] as string] : null;
}

function rangeText(r: [string, string]): string {
  return r[0] === r[1] ? r[0] : `${r[0]}…${r[1]}`;
}

/** A key sentence names at least this many distinct entities (who did what with whom). */
export const KEY_SENTENCE_ENTITIES = 2;
/** Names shown as a statement's subject, at most. */
const SUBJECT_NAMES = 3;

/** Statement claims: key sentences aligned across articles (see internal/statements.ts). */
function statementClaims(corpus: Corpus, attribution: (sentence: string) => string | null): Claim[] {
  const out: Claim[] = [];
  for (const cluster of clusterStatements(corpus, keySentences(corpus))) {
    const rep = cluster.central;
    const span = corpus.sentences(rep.citation.articleId, rep.citation.paragraph).find((x) => x.text === rep.citation.text);
    const mentions = (corpus.input.annotations[rep.citation.articleId]?.mentions ?? []).filter(
      (m) => m.paragraph === rep.citation.paragraph && span !== undefined && m.start >= span.start && m.start < span.end,
    );
    const names = [...new Map(mentions.map((m) => [m.key, m.text])).values()];
    if (names.length < KEY_SENTENCE_ENTITIES) continue;
    const seen = new Set<string>();
    const statements: ClaimStatement[] = [];
    // the central wording is cited first for its article; other articles cite their own sentence
    for (const m of [rep, ...cluster.members]) {
      if (seen.has(m.citation.articleId)) continue;
      seen.add(m.citation.articleId);
      const a = corpus.articles.get(m.citation.articleId);
      if (!a) continue;
      statements.push({
        articleId: a.id,
        outlet: a.outlet,
        published: a.published,
        citation: m.citation,
        raw: m.citation.text,
        holder: null,
        attribution: attribution(m.citation.text),
        time: a.published
          ? { date: a.published.slice(0, 10), precision: 'day', basis: a.publishedSource === 'event' ? 'event-date' : 'article-date', prior: false }
          : { date: null, precision: 'unknown', basis: 'unknown', prior: false },
      });
    }
    const slot = `statement:${shortHash(rep.citation.text)}`;
    const drafts: Draft[] = statements.map((st, i) => ({
      slot,
      kind: 'statement',
      numeric: null,
      unit: null,
      label: names.slice(0, SUBJECT_NAMES).join(' / '),
      value: rep.citation.text,
      statement: st,
      order: i,
    }));
    const claim = toClaim(corpus, drafts);
    out.push({ ...claim, relation: 'reported' });
  }
  return out;
}

/** How two values on one slot relate. */
function relate(a: Claim, b: Claim): SlotRelation {
  const ordered = (x: Claim, y: Claim): [string, string] => [x.id, y.id];
  const sharedArticle = a.statements.find((s) => b.statements.some((t) => t.articleId === s.articleId));
  // 1. an article presents one value as the earlier state ("the original 28-point plan", "from 14 to 9")
  const aPrior = sharedArticle ? a.statements.filter((s) => s.articleId === sharedArticle.articleId).every((s) => s.time.prior) : a.time.prior;
  const bPrior = sharedArticle ? b.statements.filter((s) => s.articleId === sharedArticle.articleId).every((s) => s.time.prior) : b.time.prior;
  if (aPrior !== bPrior)
    return { kind: 'change-over-time', claims: aPrior ? ordered(a, b) : ordered(b, a), reason: 'one value is presented as the earlier version' };
  // 2. the times the two values are stated for do not overlap
  const ra = timeRange(a);
  const rb = timeRange(b);
  const gap = ra && rb ? Math.max(0, dayGap(ra[1], rb[0]) ?? 0, dayGap(rb[1], ra[0]) ?? 0) * (ra[1] < rb[0] || rb[1] < ra[0] ? 1 : 0) : null;
  if (gap !== null && gap > OVERLAP_DAYS && ra && rb) {
    const [x, y] = ra[0] <= rb[0] ? [a, b] : [b, a];
    const [rx, ry] = ra[0] <= rb[0] ? [ra, rb] : [rb, ra];
    return { kind: 'change-over-time', claims: ordered(x, y), reason: `stated for ${rangeText(rx)} and later for ${rangeText(ry)} (${gap} days apart)` };
  }
  // 3. different parties hold different values at the same time: either one article sets the two holders
  //    against each other, or every statement names its holder and the two sides never share one
  const lower = (h: string | null) => (h ?? '').toLowerCase();
  const inShared = sharedArticle
    ? [a, b].map((c) => new Set(c.statements.filter((s) => s.articleId === sharedArticle.articleId && s.holder).map((s) => lower(s.holder))))
    : null;
  const [sa, sb] = inShared ?? [new Set<string>(), new Set<string>()];
  const sharedSplit = sa !== undefined && sb !== undefined && sa.size > 0 && sb.size > 0 && [...sb].every((h) => !sa.has(h));
  const consistent = (c: Claim) => c.statements.every((s) => s.holder) && new Set(c.statements.map((s) => lower(s.holder))).size <= MAX_HOLDERS_PER_POSITION;
  const holdersA = new Set(a.holders.map((h) => h.toLowerCase()));
  const partySplit = consistent(a) && consistent(b) && b.holders.every((h) => !holdersA.has(h.toLowerCase()));
  if (sharedSplit || partySplit)
    return { kind: 'competing-positions', claims: ordered(a, b), reason: `held by ${a.holders.join(', ')} vs ${b.holders.join(', ')}` };
  // 4. one article stating both without a cue: a sequence in its own telling
  if (sharedArticle) return { kind: 'change-over-time', claims: ordered(a, b), reason: 'one article states both values in turn' };
  return { kind: 'conflict', claims: ordered(a, b), reason: gap === null ? 'same slot, times unknown or overlapping' : `same slot, dates ${gap} day(s) apart` };
}

export function slotStatus(relations: readonly SlotRelation[]): Slot['status'] {
  const kinds = new Set<SlotRelationKind>(relations.map((r) => r.kind));
  if (kinds.size === 0) return 'agreement';
  if (kinds.size === 1) return [...kinds][0] as SlotRelationKind;
  return 'mixed';
}

export function buildLedger(input: CompareInput): Ledger {
  const corpus = buildCorpus(input);
  const memo = new Map<string, string | null>();
  const attribution = (sentence: string) => {
    let a = memo.get(sentence);
    if (a === undefined) {
      a = attributionOf(sentence);
      memo.set(sentence, a);
    }
    return a;
  };
  const drafts = [...numberDrafts(corpus, attribution), ...quoteDrafts(corpus, attribution)];
  const bySlot = new Map<string, Draft[]>();
  for (const d of drafts) {
    const l = bySlot.get(d.slot);
    if (l) l.push(d);
    else bySlot.set(d.slot, [d]);
  }
  const claims: Claim[] = [];
  const slots: Slot[] = [];
  for (const [slot, list] of bySlot) {
    const clusters: Draft[][] = [];
    for (const d of list) {
      const home = clusters.find((c) => sameValue(c[0] as Draft, d));
      if (home) home.push(d);
      else clusters.push([d]);
    }
    const slotClaims = clusters.map((c) => toClaim(corpus, c));
    slotClaims.sort((a, b) => compareDates(a.time.date, b.time.date) || Number(b.time.prior) - Number(a.time.prior));
    const relations: SlotRelation[] = [];
    if (list[0]?.kind === 'number')
      for (let i = 0; i < slotClaims.length; i++)
        for (let j = i + 1; j < slotClaims.length; j++) relations.push(relate(slotClaims[i] as Claim, slotClaims[j] as Claim));
    claims.push(...slotClaims);
    const first = list[0] as Draft;
    slots.push({ id: slot, label: first.label, unit: first.unit, claims: slotClaims.map((c) => c.id), status: slotStatus(relations), relations });
  }
  for (const c of statementClaims(corpus, attribution)) {
    claims.push(c);
    slots.push({ id: c.slot, label: c.subject, unit: null, claims: [c.id], status: 'agreement', relations: [] });
  }
  return { id: input.id, claims, slots };
}

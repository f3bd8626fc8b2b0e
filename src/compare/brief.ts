/**
 * The brief: headline, what happened, key numbers, who said what, where sources differ, timeline and
 * coverage. Every printed sentence is extracted from, and cites, an article paragraph; a sentence that
 * cannot be cited is not printed. `since` keeps only what was published after that time.
 */
import { buildCorpus, type Corpus } from './internal/corpus.js';
import { checkSupport } from './internal/support.js';
import { compareDates, containment, contentWords, dayGap, formatDate, sentenceKey } from './internal/text.js';
import { buildLedger, OVERLAP_DAYS } from './ledger.js';
import { buildTimeline } from './timeline.js';
import type { Brief, BriefFormat, BriefSection, BriefSentence, Citation, Claim, CompareInput, Ledger, Timeline } from './types.js';

export interface BriefOptions {
  /** ISO time: print only what was published after it. */
  readonly since?: string | null;
  readonly format?: BriefFormat;
  /** Precomputed ledger/timeline (to avoid recomputing when the caller has them). */
  readonly ledger?: Ledger;
  readonly timeline?: Timeline;
}

/** Lead paragraphs read per article for "what happened" (news leads carry the facts; later paragraphs are background). */
export const LEAD_PARAGRAPHS = 3;
/** Sentences in "what happened". */
export const MAX_HAPPENED = 6;
/** Two sentences say the same when this share of one's content words is in the other (dedup of "what happened"; reworded copies score 0.5–0.8). */
export const SAME_SENTENCE = 0.5;
/** Shortest sentence kept, in characters (drops datelines and labels). */
export const MIN_SENTENCE_CHARS = 40;
/** Reports corroborate a sentence only when published within this many days of it (same window as a claim's time overlap, see OVERLAP_DAYS). */
export const CORROBORATION_DAYS = OVERLAP_DAYS;
/** Rarest words of a sentence used to find sentences that may say the same (a same-content sentence shares most words, so it shares at least one of its 3 rarest). */
export const RARE_KEYS = 3;
/** Items per list section. */
export const MAX_ITEMS = 8;

function sentenceItem(corpus: Corpus, c: Citation, label?: string): BriefSentence {
  const published = corpus.articles.get(c.articleId)?.published ?? null;
  return label ? { text: c.text, label, citations: [c], published } : { text: c.text, citations: [c], published };
}

function whatHappened(corpus: Corpus, headline: { current: BriefSentence | null }): BriefSentence[] {
  interface Cand {
    c: Citation;
    group: number;
    rank: number;
    support: number;
  }
  const cands: Cand[] = [];
  for (const a of corpus.input.articles) {
    let seen = 0;
    a.paragraphs.forEach((p, pi) => {
      if (seen >= LEAD_PARAGRAPHS || p.trim().length < MIN_SENTENCE_CHARS) return;
      seen++;
      for (const [si, s] of corpus.sentences(a.id, pi).entries()) {
        if (s.text.length < MIN_SENTENCE_CHARS || !/[.!?]["”’]?$/u.test(s.text)) continue;
        cands.push({ c: { articleId: a.id, paragraph: pi, text: s.text }, group: corpus.groupOf.get(a.id) ?? -1, rank: seen * 10 + si, support: 0 });
      }
    });
  }
  // support: how many independence groups say the same thing. Identical sentences (wire copies) are
  // counted once; candidates for "the same thing" come from each sentence's rarest words, then overlap is exact.
  // a sentence is only corroborated by reports from about the same time (two meetings in one city weeks apart are not one)
  const dayOf = (id: string) => corpus.articles.get(id)?.published?.slice(0, 10) ?? null;
  const uniq = new Map<string, { words: Set<string>; groups: Set<number>; day: string | null }>();
  const keyOf = cands.map((x) => {
    const key = sentenceKey(x.c.text);
    const u = uniq.get(key);
    if (u) u.groups.add(x.group);
    else uniq.set(key, { words: new Set(contentWords(x.c.text)), groups: new Set([x.group]), day: dayOf(x.c.articleId) });
    return key;
  });
  const list = [...uniq.values()];
  const postings = new Map<string, number[]>();
  list.forEach((u, i) => {
    for (const w of u.words) {
      const l = postings.get(w);
      if (l) l.push(i);
      else postings.set(w, [i]);
    }
  });
  const supportOf = new Map<string, number>();
  [...uniq.keys()].forEach((key, i) => {
    const u = list[i] as { words: Set<string>; groups: Set<number>; day: string | null };
    const groups = new Set(u.groups);
    const rare = [...u.words].sort((p, q) => (postings.get(p)?.length ?? 0) - (postings.get(q)?.length ?? 0)).slice(0, RARE_KEYS);
    const others = new Set<number>();
    for (const w of rare) for (const j of postings.get(w) ?? []) if (j !== i) others.add(j);
    for (const j of others) {
      const v = list[j] as { words: Set<string>; groups: Set<number>; day: string | null };
      if ([...v.groups].every((g) => groups.has(g))) continue;
      const gap = dayGap(u.day, v.day);
      if (gap !== null && gap > CORROBORATION_DAYS) continue;
      let n = 0;
      for (const w of u.words) if (v.words.has(w)) n++;
      if (u.words.size && n / u.words.size >= SAME_SENTENCE) for (const g of v.groups) groups.add(g);
    }
    supportOf.set(key, groups.size);
  });
  cands.forEach((x, i) => {
    x.support = supportOf.get(keyOf[i] as string) ?? 1;
  });
  cands.sort((a, b) => b.support - a.support || a.rank - b.rank);
  const chosen: Cand[] = [];
  const keys = new Set<string>();
  for (const x of cands) {
    if (chosen.length >= MAX_HAPPENED) break;
    const key = sentenceKey(x.c.text);
    if (keys.has(key) || chosen.some((y) => containment(x.c.text, y.c.text) >= SAME_SENTENCE || containment(y.c.text, x.c.text) >= SAME_SENTENCE)) continue;
    keys.add(key);
    chosen.push(x);
  }
  // ordered by publication, then position (the best-supported one, chosen first, is the headline)
  // headline: among the best-supported sentences (within one source of the top), the one nearest an article's lead
  const top = chosen[0]?.support ?? 0;
  const lead = chosen.filter((x) => x.support >= top - 1).sort((a, b) => a.rank - b.rank)[0];
  headline.current = lead ? sentenceItem(corpus, lead.c) : null;
  return chosen
    .sort(
      (a, b) => compareDates(corpus.articles.get(a.c.articleId)?.published ?? null, corpus.articles.get(b.c.articleId)?.published ?? null) || a.rank - b.rank,
    )
    .map((x) => sentenceItem(corpus, x.c, x.support > 1 ? `${x.support} independent sources` : 'single source'));
}

function claimLabel(c: Claim): string {
  const who = c.holders.length ? `; held by ${c.holders.join(', ')}` : '';
  const att = c.attributions.length ? `; ${c.attributions.join(', ')}` : '';
  const src = c.singleSource ? 'single source' : `${c.independentSources} independent sources`;
  return `${c.value} — ${src}, first ${c.firstReported.outlet}${c.time.date ? ` (${c.time.date})` : ''}${who}${att}`;
}

function keyNumbers(corpus: Corpus, ledger: Ledger): BriefSentence[] {
  // figures the sources argue about first, then the best sourced
  const disputed = new Set(ledger.slots.filter((s) => s.relations.length > 0).flatMap((s) => s.claims));
  return ledger.claims
    .filter((c) => c.kind === 'number')
    .sort(
      (a, b) =>
        Number(disputed.has(b.id)) - Number(disputed.has(a.id)) || b.independentSources - a.independentSources || compareDates(a.time.date, b.time.date),
    )
    .slice(0, MAX_ITEMS)
    .map((c) => sentenceItem(corpus, (c.statements[0] as Claim['statements'][number]).citation, claimLabel(c)));
}

function whoSaid(corpus: Corpus, ledger: Ledger): BriefSentence[] {
  return ledger.claims
    .filter((c) => c.kind === 'quote')
    .sort((a, b) => b.independentSources - a.independentSources || compareDates(a.time.date, b.time.date))
    .slice(0, MAX_ITEMS)
    .map((c) =>
      sentenceItem(
        corpus,
        (c.statements[0] as Claim['statements'][number]).citation,
        `${c.subject} — ${c.singleSource ? 'single source' : `${c.independentSources} independent sources`}`,
      ),
    );
}

function differences(corpus: Corpus, ledger: Ledger): BriefSentence[] {
  const byId = new Map(ledger.claims.map((c) => [c.id, c]));
  const out: BriefSentence[] = [];
  const status = {
    conflict: 'conflict',
    'change-over-time': 'changed over time',
    'competing-positions': 'competing positions',
    mixed: 'differ',
    agreement: 'agree',
  } as const;
  for (const slot of ledger.slots) {
    if (slot.relations.length === 0) continue;
    for (const id of slot.claims) {
      const c = byId.get(id);
      const s = c?.statements[0];
      if (!c || !s) continue;
      const when = c.time.date ? `, ${c.time.date}` : c.time.prior ? ', earlier version' : '';
      const who = c.holders.length ? `; held by ${c.holders.join(', ')}` : '';
      out.push(sentenceItem(corpus, s.citation, `${slot.label}: ${status[slot.status]} — ${c.value} (${s.outlet}${when}${who})`));
    }
  }
  return out;
}

function timelineItems(corpus: Corpus, timeline: Timeline): BriefSentence[] {
  return timeline.entries
    .filter((e) => e.citation)
    .map((e) =>
      sentenceItem(
        corpus,
        e.citation as Citation,
        `${formatDate(e.date, e.precision)}${e.kind === 'background' ? ' (background)' : ''} — ${e.independentSources} independent source${e.independentSources === 1 ? '' : 's'}`,
      ),
    );
}

function coverage(input: CompareInput): Brief['coverage'] {
  const by = new Map<string, string[]>();
  for (const a of input.articles) {
    const l = by.get(a.outlet);
    if (l) l.push(a.published ?? '');
    else by.set(a.outlet, [a.published ?? '']);
  }
  return [...by]
    .map(([outlet, dates]) => {
      const known = dates.filter(Boolean).sort();
      return { outlet, articles: dates.length, first: known[0] ?? null, last: known[known.length - 1] ?? null };
    })
    .sort((a, b) => compareDates(a.first, b.first) || a.outlet.localeCompare(b.outlet));
}

function coverageItems(corpus: Corpus): BriefSentence[] {
  return corpus.input.articles
    .map((a) => ({ a, p: a.paragraphs.findIndex((x) => x.trim().length >= MIN_SENTENCE_CHARS) }))
    .filter((x) => x.p >= 0)
    .sort((x, y) => compareDates(x.a.published, y.a.published))
    .map(({ a, p }) => sentenceItem(corpus, corpus.cite(a.id, p, 0), `${a.outlet}, ${a.published ?? 'date unknown'}`));
}

export function buildBrief(input: CompareInput, options: BriefOptions = {}): Brief {
  const corpus = buildCorpus(input);
  const ledger = options.ledger ?? buildLedger(input);
  const timeline = options.timeline ?? buildTimeline(input);
  const since = options.since ?? null;
  let dropped = 0;
  const keep = (items: BriefSentence[]): BriefSentence[] =>
    items.filter((s) => {
      // a sentence that cannot be cited, or is not in its cited passage, is not printed
      const passages = s.citations.map((c) => corpus.articles.get(c.articleId)?.paragraphs[c.paragraph] ?? '');
      const ok = s.citations.length > 0 && checkSupport(s.text, passages).supported;
      if (!ok) dropped++;
      return ok && (!since || (s.published !== null && s.published > since));
    });
  const top: { current: BriefSentence | null } = { current: null };
  const happened = keep(whatHappened(corpus, top));
  const headline = top.current && keep([top.current]).length ? top.current : (happened[0] ?? null);
  const sections: BriefSection[] = [
    { key: 'what-happened', title: 'What happened', items: happened },
    { key: 'key-numbers', title: 'Key numbers', items: keep(keyNumbers(corpus, ledger)) },
    { key: 'who-said-what', title: 'Who said what', items: keep(whoSaid(corpus, ledger)) },
    { key: 'differences', title: 'Where sources differ', items: keep(differences(corpus, ledger)) },
    { key: 'timeline', title: 'Timeline', items: keep(timelineItems(corpus, timeline)) },
    { key: 'coverage', title: 'Coverage by outlet and time', items: keep(coverageItems(corpus)) },
  ];
  const notes = [...input.notes];
  if (since) notes.push(`only material published after ${since}; undated sources are left out`);
  return { id: input.id, headline, since, sections, coverage: coverage(input).filter((c) => !since || (c.last !== null && c.last > since)), dropped, notes };
}

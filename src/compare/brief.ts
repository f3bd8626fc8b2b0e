/**
 * The brief: headline, what happened, key numbers, who said what, where sources differ, timeline and
 * coverage. Every printed sentence is extracted from, and cites, an article paragraph; a sentence that
 * cannot be cited is not printed. `since` keeps only what was published after that time.
 */
import { buildCorpus, type Corpus } from './internal/corpus.js';
import { MIN_SENTENCE_CHARS, SAME_SENTENCE } from './internal/statements.js';
import { checkSupport } from './internal/support.js';
import { compareDates, containment, formatDate } from './internal/text.js';
import { buildLedger } from './ledger.js';
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

/** Sentences in "what happened". */
export const MAX_HAPPENED = 6;
/** Items per list section. */
export const MAX_ITEMS = 8;

function sentenceItem(corpus: Corpus, c: Citation, label?: string): BriefSentence {
  const published = corpus.articles.get(c.articleId)?.published ?? null;
  return label ? { text: c.text, label, citations: [c], published } : { text: c.text, citations: [c], published };
}

function whatHappened(corpus: Corpus, ledger: Ledger, headline: { current: BriefSentence | null }): BriefSentence[] {
  // key sentences as aligned by the ledger: the best corroborated first, nearest the lead on ties
  const statements = ledger.claims
    .filter((c) => c.kind === 'statement')
    // the claim's value is its clearest wording; cite the statement that carries it
    .map((c) => ({ c, first: c.statements.find((s) => s.citation.text === c.value) ?? c.statements[0] }))
    .filter((x): x is { c: Claim; first: Claim['statements'][number] } => x.first !== undefined)
    .sort((a, b) => b.c.independentSources - a.c.independentSources || a.first.citation.paragraph - b.first.citation.paragraph);
  const chosen: typeof statements = [];
  for (const x of statements) {
    if (chosen.length >= MAX_HAPPENED) break;
    // clusters are already distinct; this also drops sentences contained in a chosen one
    if (chosen.some((y) => containment(x.first.citation.text, y.first.citation.text) >= SAME_SENTENCE)) continue;
    chosen.push(x);
  }
  // headline: among the best corroborated (within one source of the top), the one nearest an article's lead
  const top = chosen[0]?.c.independentSources ?? 0;
  const lead = chosen.filter((x) => x.c.independentSources >= top - 1).sort((a, b) => a.first.citation.paragraph - b.first.citation.paragraph)[0];
  headline.current = lead ? sentenceItem(corpus, lead.first.citation) : null;
  return chosen
    .sort((a, b) => compareDates(a.first.published, b.first.published) || a.first.citation.paragraph - b.first.citation.paragraph)
    .map((x) => sentenceItem(corpus, x.first.citation, x.c.singleSource ? 'single source' : `${x.c.independentSources} independent sources`));
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

/** Whether `time` is after `since`; both ISO days or datetimes (with or without offsets). Unknown times are not. */
function after(time: string | null, since: string): boolean {
  if (!time) return false;
  const t = Date.parse(time);
  const s = Date.parse(since);
  return Number.isNaN(t) || Number.isNaN(s) ? time > since : t > s;
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
      return ok && (!since || after(s.published, since));
    });
  const top: { current: BriefSentence | null } = { current: null };
  const happened = keep(whatHappened(corpus, ledger, top));
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
  return { id: input.id, headline, since, sections, coverage: coverage(input).filter((c) => !since || after(c.last, since)), dropped, notes };
}

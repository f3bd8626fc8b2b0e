/**
 * Key sentences aligned across articles: lead sentences that say the same thing (≥ half their content
 * words shared) in reports published about the same time. Identical sentences (wire copies) are handled
 * once; candidates come from shared uncommon words, then overlap with each cluster's first sentence is counted exactly.
 */
import type { Citation } from '../types.js';
import type { Corpus } from './corpus.js';
import { compareDates, contentWords, dayGap, sentenceKey } from './text.js';

/** Lead paragraphs read per article (news leads carry the facts; later paragraphs are background). */
export const LEAD_PARAGRAPHS = 3;
/** Shortest sentence kept, in characters (drops datelines and labels). */
export const MIN_SENTENCE_CHARS = 40;
/** Two sentences say the same when this share of the shorter one's content words is in the other (reworded copies score 0.5–0.8 on the seeds; different events of one story < 0.45). */
export const SAME_SENTENCE = 0.5;
/** Reports corroborate a sentence only when published within this many days of its first report (reports of one event come out up to 2 days after it in the demo corpus; the seeds' two Moscow meetings are seven weeks apart). */
export const CORROBORATION_DAYS = 2;
/** Words in more than this share of the distinct sentences (and at least COMMON_MIN of them) are too common to propose candidates; the final overlap still counts them. */
export const COMMON_SHARE = 0.1;
export const COMMON_MIN = 50;
/** Candidates must share at least this many uncommon words before the exact overlap is computed. */
export const MIN_SHARED = 2;

export interface KeySentence {
  readonly citation: Citation;
  readonly group: number;
  /** Position in its article: paragraph rank × 10 + sentence index (smaller is nearer the lead). */
  readonly rank: number;
  readonly day: string | null;
}

export interface StatementCluster {
  /** First reported member first. */
  readonly members: readonly KeySentence[];
  /** The member sharing most content words with the others: the clearest wording to show. */
  readonly central: KeySentence;
  readonly groups: ReadonlySet<number>;
}

export function keySentences(corpus: Corpus): KeySentence[] {
  const out: KeySentence[] = [];
  for (const a of corpus.input.articles) {
    let seen = 0;
    const day = a.published?.slice(0, 10) ?? null;
    a.paragraphs.forEach((p, pi) => {
      if (seen >= LEAD_PARAGRAPHS || p.trim().length < MIN_SENTENCE_CHARS) return;
      seen++;
      for (const [si, s] of corpus.sentences(a.id, pi).entries()) {
        if (s.text.length < MIN_SENTENCE_CHARS || !/[.!?]["”’]?$/u.test(s.text)) continue;
        out.push({ citation: { articleId: a.id, paragraph: pi, text: s.text }, group: corpus.groupOf.get(a.id) ?? -1, rank: seen * 10 + si, day });
      }
    });
  }
  return out;
}

interface Uniq {
  readonly words: Set<string>;
  readonly members: KeySentence[];
  readonly day: string | null;
  cluster: number;
}

/** Groups key sentences that say the same thing at about the same time. Deterministic: earliest reports seed clusters. */
export function clusterStatements(corpus: Corpus, sentences: readonly KeySentence[]): StatementCluster[] {
  const order = [...sentences].sort(
    (a, b) => compareDates(a.day, b.day) || (corpus.order.get(a.citation.articleId) ?? 0) - (corpus.order.get(b.citation.articleId) ?? 0) || a.rank - b.rank,
  );
  const byKey = new Map<string, Uniq>();
  for (const s of order) {
    const key = sentenceKey(s.citation.text);
    const u = byKey.get(key);
    if (u) u.members.push(s);
    else byKey.set(key, { words: new Set(contentWords(s.citation.text)), members: [s], day: s.day, cluster: -1 });
  }
  const list = [...byKey.values()];
  const postings = new Map<string, number[]>();
  list.forEach((u, i) => {
    for (const w of u.words) {
      const l = postings.get(w);
      if (l) l.push(i);
      else postings.set(w, [i]);
    }
  });
  const common = Math.max(COMMON_MIN, list.length * COMMON_SHARE);
  const reps: number[] = [];
  list.forEach((u, i) => {
    // earlier sentences sharing at least MIN_SHARED words that are not common to the whole story
    const shared = new Map<number, number>();
    for (const w of u.words) {
      const l = postings.get(w) ?? [];
      if (l.length > common) continue;
      for (const j of l) if (j < i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    // single link: the sentence joins the cluster of the first earlier sentence it matches (within the time window)
    for (const [j, n] of shared) {
      const v = list[j] as Uniq;
      if (n < MIN_SHARED || v.cluster < 0) continue;
      const gap = dayGap(list[reps[v.cluster] as number]?.day ?? null, u.day);
      if (gap !== null && gap > CORROBORATION_DAYS) continue;
      const [small, big] = u.words.size <= v.words.size ? [u.words, v.words] : [v.words, u.words];
      let hit = 0;
      for (const x of small) if (big.has(x)) hit++;
      if (small.size && hit / small.size >= SAME_SENTENCE) {
        u.cluster = v.cluster;
        break;
      }
    }
    if (u.cluster < 0) {
      u.cluster = reps.length;
      reps.push(i);
    }
  });
  const clusters: KeySentence[][] = reps.map(() => []);
  for (const u of list) clusters[u.cluster]?.push(...u.members);
  return clusters
    .filter((members) => members.length > 0)
    .map((members) => ({ members, central: centralMember(members), groups: new Set(members.map((m) => m.group)) }));
}

function centralMember(members: readonly KeySentence[]): KeySentence {
  if (members.length <= 2) return members[0] as KeySentence;
  const sets = members.map((m) => new Set(contentWords(m.citation.text)));
  let best = 0;
  let bestScore = -1;
  sets.forEach((a, i) => {
    let score = 0;
    sets.forEach((b, j) => {
      if (i === j || a.size === 0) return;
      let hit = 0;
      for (const w of a) if (b.has(w)) hit++;
      score += hit / a.size;
    });
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return members[best] as KeySentence;
}

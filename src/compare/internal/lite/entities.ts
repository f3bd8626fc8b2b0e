import type { CmpMention } from '../../types.js';
import { FUNCTION_WORDS } from './lexicon.js';

/** A run of capitalised words ("Russian President Vladimir Putin", "White House"), hyphens and apostrophes kept. */
const CAP_RUN = /\p{Lu}[\p{L}\p{M}’'-]*(?:\s+\p{Lu}[\p{L}\p{M}’'-]*)*/gu;
/** Longest descriptor kept, in words ("US special envoy", "head of Ukraine's Center …" is cut). */
const MAX_DESCRIPTOR_WORDS = 4;

/** Inflected verb forms ("including", "joined", "meets") end a descriptor; nouns before a name rarely take these endings. */
const VERB_FORM = /(?:ing|ed|[^s]s)$/u;

/**
 * Words used as verbs somewhere in the storyline: directly after "to", a modal or a subject pronoun
 * ("to meet", "will meet", "he meets"). They cannot be part of a descriptor.
 */
export function verbsOf(paragraphs: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const p of paragraphs)
    for (const m of p.matchAll(/\b(?:to|will|would|could|can|may|might|must|should|he|she|they|we|i)\s+(\p{Ll}+)/gu)) if (m[1]) out.add(m[1]);
  return out;
}

export interface RawRun {
  readonly tokens: string[];
  readonly paragraph: number;
  readonly start: number;
  /** Lower-case words directly before the run, back to a function word or punctuation ("dictator" in "Russian dictator Vladimir Putin"). */
  readonly before: string[];
  readonly sentenceStart: boolean;
}

function stripPossessive(t: string): string {
  return t.replace(/[’']s?$/u, '');
}

/** Capitalised runs of one paragraph with the words just before them. */
export function findRuns(paragraph: string, index: number): RawRun[] {
  const out: RawRun[] = [];
  for (const m of paragraph.matchAll(CAP_RUN)) {
    let tokens = m[0].split(/\s+/).map(stripPossessive).filter(Boolean);
    let start = m.index ?? 0;
    // leading function words ("The Kremlin", "In the …") are not part of a name
    while (tokens.length && FUNCTION_WORDS.has((tokens[0] ?? '').toLowerCase())) {
      start = paragraph.indexOf(tokens[1] ?? '', start + (tokens[0] ?? '').length);
      tokens = tokens.slice(1);
    }
    if (!tokens.length || start < 0) continue;
    const prefix = paragraph.slice(0, start);
    const sentenceStart = /(^|[.!?:]["”’]?\s+|^["“‘]?)$/u.test(prefix.slice(-4)) || prefix.trim() === '';
    const before: string[] = [];
    const prev = prefix.replace(/\s+$/u, '');
    if (prev.length === prefix.length - (prefix.length - prefix.trimEnd().length) && /[\p{Ll}]$/u.test(prev)) {
      const ws = prev.split(/\s+/);
      for (let i = ws.length - 1; i >= 0 && before.length < MAX_DESCRIPTOR_WORDS; i--) {
        const w = ws[i] ?? '';
        const lower = /^[\p{Ll}][\p{L}-]*$/u.test(w);
        // capitalised words join only behind a lower-case descriptor word ("Kremlin head", "Russian dictator")
        const capital = before.length > 0 && /^\p{Lu}[\p{L}-]*$/u.test(w);
        if ((!lower && !capital) || FUNCTION_WORDS.has(w.toLowerCase()) || (lower && VERB_FORM.test(w))) break;
        before.unshift(w);
      }
    }
    out.push({ tokens, paragraph: index, start, before, sentenceStart });
  }
  return out;
}

/** Consonant skeleton used to merge spelling variants ("Kiev"/"Kyiv", "Zelensky"/"Zelenskyy"): accents folded, vowels and y dropped, doubles collapsed, first letter kept. */
export function skeleton(name: string): string {
  const folded = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ø/giu, 'o')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');
  if (!folded) return '';
  const rest = folded
    .slice(1)
    .replace(/[aeiouy]/g, '')
    .replace(/(.)\1+/g, '$1');
  return folded[0] + rest;
}

/** Skeletons shorter than this merge too much ("Rome"/"Rima"), so short names only merge on exact spelling. */
const MIN_SKELETON = 2;
/** Longest length difference between two spellings merged as variants of one name (Zelensky/Zelenskyy: 1; a gap of 2 already merges Ukraine/Ukrainian). */
const MAX_LENGTH_GAP = 1;

export function sameVariant(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  const sa = skeleton(a);
  return sa.length >= MIN_SKELETON && sa === skeleton(b) && Math.abs(a.length - b.length) <= MAX_LENGTH_GAP;
}

/**
 * Turns the runs of a whole storyline into mentions with keys and descriptors. A capitalised word that
 * precedes two or more different words across the storyline ("President" before Putin, Trump, Macron) is
 * a title, not a given name; the name is what follows the last title word.
 */
export function resolveMentions(runsByArticle: ReadonlyMap<string, readonly RawRun[]>, verbs: ReadonlySet<string> = new Set()): Map<string, CmpMention[]> {
  const followers = new Map<string, Set<string>>();
  const singles = new Set<string>();
  for (const runs of runsByArticle.values())
    for (const r of runs) {
      if (r.tokens.length === 1 && !r.sentenceStart) singles.add((r.tokens[0] ?? '').toLowerCase());
      for (let i = 0; i + 1 < r.tokens.length; i++) {
        const t = (r.tokens[i] ?? '').toLowerCase();
        const set = followers.get(t) ?? new Set<string>();
        set.add((r.tokens[i + 1] ?? '').toLowerCase());
        followers.set(t, set);
      }
    }
  const nonFinal = new Set(followers.keys());
  // a title precedes several different words, at least one of which is itself a given name or title
  // ("President" → Vladimir, Donald); a given name precedes one surname (or a few glued variants of it)
  const isTitle = (t: string) => {
    const f = followers.get(t.toLowerCase());
    return f !== undefined && f.size >= 2 && [...f].some((x) => nonFinal.has(x));
  };
  const out = new Map<string, CmpMention[]>();
  for (const [id, runs] of runsByArticle) {
    const mentions: CmpMention[] = [];
    for (const r of runs) {
      let cut = 0;
      for (let i = 0; i < r.tokens.length - 1; i++) if (isTitle(r.tokens[i] ?? '')) cut = i + 1;
      const name = r.tokens.slice(cut);
      const titleWords = r.tokens.slice(0, cut);
      // a lone sentence-initial capital word that never appears mid-sentence is most likely just a capitalised word
      if (name.length === 1 && r.sentenceStart && cut === 0 && !singles.has((name[0] ?? '').toLowerCase())) continue;
      if (name.length === 1 && (name[0] ?? '').length < 2) continue;
      const last = (name[name.length - 1] ?? '').toLowerCase();
      const titleCase = name.every((t) => /^\p{Lu}\p{Ll}/u.test(t));
      const person = titleCase && name.length >= 2 && name.length <= 3 && singles.has(last);
      const key = person ? `person:${last}` : `name:${name.join(' ').toLowerCase()}`;
      // a leading verb ("to meet Russian President …") is not part of the descriptor
      const descriptorWords = [...r.before.filter((w, i) => i > 0 || !verbs.has(w)), ...titleWords];
      let offset = r.start;
      for (const t of titleWords) offset += t.length + 1;
      mentions.push({
        key,
        type: person ? 'PERSON' : 'MISC',
        text: name.join(' '),
        descriptor: descriptorWords.length ? descriptorWords.join(' ') : null,
        paragraph: r.paragraph,
        start: offset,
      });
    }
    out.set(id, mentions);
  }
  // single-word mentions of a person ("Putin") take the person's key
  const persons = new Set<string>();
  for (const ms of out.values()) for (const m of ms) if (m.type === 'PERSON') persons.add(m.key);
  for (const [id, ms] of out)
    out.set(
      id,
      ms.map((m) => {
        const single = m.key.startsWith('name:') && !m.text.includes(' ') ? `person:${m.text.toLowerCase()}` : null;
        return single && persons.has(single) ? { ...m, key: single, type: 'PERSON' as const } : m;
      }),
    );
  return out;
}

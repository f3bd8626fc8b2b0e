/**
 * Groups one article's mentions into entities: full-name spelling variants, a lone surname (or
 * given name) to the full name it belongs to (nearest preceding, else the only one), acronyms to
 * their expansion, and seats of power to one organisation each.
 */
import type { Analysis, Entity, EntityType, Mention, RecognizedMention } from '../../types.js';
import { ORG_HEADS } from './lexicon.js';
import { acronymOf, entityKey, foldName, isAcronym, lastWord, nameVariant, skeleton, undot, wordVariant } from './names.js';

interface Group {
  type: EntityType;
  mentions: Mention[];
  forms: Map<string, number>;
  seat: string | null;
  /** Canonical name supplied by a recogniser or an acronym's expansion. */
  fullForms: string[];
}

function paragraphOf(analysis: Analysis, sentence: number): number {
  return analysis.sentences[sentence]?.paragraph ?? 0;
}

function wordCount(s: string): number {
  return s.trim().split(/\s+/).length;
}

function canonicalOf(g: Group): string {
  // Most frequent multi-word form (ties: first seen); else most frequent form.
  const forms = [...g.forms.entries()];
  const multi = forms.filter(([f]) => wordCount(f) > 1 && !isAcronym(f));
  const pool = multi.length ? multi : forms;
  pool.sort((a, b) => b[1] - a[1]);
  return (pool[0] as [string, number])[0];
}

/** Skeleton key of a whole name: the consonant skeleton of each word (variants share it). */
function nameKey(name: string): string {
  return foldName(name).split(' ').map(skeleton).join(' ');
}

export function groupMentions(analysis: Analysis, found: readonly RecognizedMention[]): Entity[] {
  const ordered = [...found].sort((a, b) => a.span.start - b.span.start);
  const groups: Group[] = [];
  // Indexes: whole-name skeleton → groups; first/last word skeleton of multi-word forms → groups; acronym → groups.
  const byName = new Map<string, Group[]>();
  const byWord = new Map<string, Group[]>();
  const byAcronym = new Map<string, Group[]>();
  const push = (map: Map<string, Group[]>, k: string, g: Group) => {
    const l = map.get(k);
    if (!l) map.set(k, [g]);
    else if (!l.includes(g)) l.push(g);
  };
  const toMention = (m: RecognizedMention): Mention => ({
    text: m.text,
    span: m.span,
    type: m.type,
    descriptor: m.descriptor,
    sentence: m.sentence,
    paragraph: paragraphOf(analysis, m.sentence),
    evidence: m.evidence,
  });
  const add = (g: Group, m: RecognizedMention) => {
    g.mentions.push(toMention(m));
    const form = m.canonical ?? m.text.replace(/['’]s$/u, '');
    if (!g.forms.has(form)) {
      push(byName, nameKey(form), g);
      const words = form.split(/\s+/);
      if (words.length > 1) {
        push(byWord, `L|${skeleton(words[words.length - 1] as string)}`, g);
        push(byWord, `F|${skeleton(words[0] as string)}`, g);
        push(byAcronym, acronymOf(form), g);
      }
    }
    g.forms.set(form, (g.forms.get(form) ?? 0) + 1);
    if (m.type !== 'MISC' && g.type === 'MISC') g.type = m.type;
  };
  const compatible = (g: Group, type: EntityType) => g.type === type || g.type === 'MISC' || type === 'MISC';
  const newGroup = (m: RecognizedMention): Group => {
    const g: Group = { type: m.type, mentions: [], forms: new Map(), seat: m.seat ?? null, fullForms: [] };
    groups.push(g);
    return g;
  };
  // Pass 1: multi-word names (and seats) make groups; spelling variants join them.
  const multi = new Set(ordered.filter((m) => wordCount(m.text) > 1 || m.seat));
  for (const m of multi) {
    const g = (byName.get(nameKey(m.text)) ?? []).find((x) => compatible(x, m.type) && [...x.forms.keys()].some((f) => nameVariant(f, m.text)));
    add(g ?? newGroup(m), m);
  }
  // Pass 2: single words attach to a full name (surname or given name), an expansion (acronym), or a variant.
  for (const m of ordered) {
    if (multi.has(m)) continue;
    const w = m.text.replace(/['’]s$/u, '');
    let target: Group | undefined;
    if (isAcronym(w)) {
      const acr = undot(w).replace(/s$/, '');
      target = (byAcronym.get(acr) ?? []).find((g) => g.type === 'ORG' || g.type === 'MISC');
    }
    if (!target && m.type !== 'ORG') {
      const sk = skeleton(w);
      const pool = [...(byWord.get(`L|${sk}`) ?? []), ...(m.type === 'PERSON' ? (byWord.get(`F|${sk}`) ?? []) : [])];
      const candidates = [...new Set(pool)].filter(
        (g) =>
          (g.type === 'PERSON' || g.type === 'MISC') &&
          [...g.forms.keys()].some((f) => {
            const words = f.split(/\s+/);
            return words.length > 1 && (wordVariant(words[words.length - 1] as string, w) || (m.type === 'PERSON' && wordVariant(words[0] as string, w)));
          }),
      );
      if (candidates.length === 1) target = candidates[0];
      else if (candidates.length > 1) {
        // Nearest full name introduced before the mention, else the first one.
        const before = candidates
          .map((g) => ({ g, at: Math.max(...g.mentions.filter((x) => x.span.start < m.span.start).map((x) => x.span.start), -1) }))
          .sort((a, b) => b.at - a.at);
        target = (before[0] as { g: Group }).g;
      }
    }
    if (!target && m.type !== 'PERSON' && !ORG_HEADS.has(w.toLowerCase())) {
      // A distinctive last word alone names the organisation introduced in full ("Drennick Rovers" … "Rovers");
      // a generic head ("Ministry", "Council") is left alone, it could be any of several bodies.
      const orgs = [...new Set(byWord.get(`L|${skeleton(w)}`) ?? [])].filter(
        (g) => g.type === 'ORG' && [...g.forms.keys()].some((f) => wordCount(f) > 1 && lastWord(f).toLowerCase() === w.toLowerCase()),
      );
      if (orgs.length === 1) target = orgs[0];
    }
    if (!target)
      target = (byName.get(nameKey(w)) ?? []).find((g) => compatible(g, m.type) && [...g.forms.keys()].some((f) => wordCount(f) === 1 && wordVariant(f, w)));
    if (target) {
      add(target, m);
      if (target.type === 'MISC' && m.type === 'MISC' && wordCount(canonicalOf(target)) > 1) target.type = 'PERSON';
    } else add(newGroup(m), m);
  }
  return groups
    .map((g) => {
      const name = canonicalOf(g);
      const aliases = [...g.forms.keys()].filter((f) => f !== name);
      const acr = g.type === 'ORG' && wordCount(name) > 1 ? acronymOf(name) : '';
      const descriptors = [...new Set(g.mentions.map((m) => m.descriptor).filter((d): d is string => !!d))];
      return {
        key: entityKey(g.type, name),
        type: g.type,
        name,
        aliases: acr && aliases.some((a) => undot(a) === acr) ? aliases : aliases,
        descriptors,
        mentions: g.mentions.sort((a, b) => a.span.start - b.span.start),
        seat: g.seat,
      };
    })
    .sort((a, b) => (a.mentions[0]?.span.start ?? 0) - (b.mentions[0]?.span.start ?? 0));
}

export { foldName };

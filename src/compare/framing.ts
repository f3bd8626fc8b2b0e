/**
 * Framing: for each main entity, the spellings and descriptors each outlet uses, side by side. Spelling
 * variants the extractor keyed apart ("Kiev"/"Kyiv") are merged by consonant skeleton.
 */
import { sameVariant } from './internal/lite/entities.js';
import type { CmpMention, CompareInput, Framing, FramingEntity, FramingUse } from './types.js';

/** An entity is "main" when at least this many independent articles mention it (a single article's aside is not framing). */
export const MIN_FRAMING_ARTICLES = 2;
/** Entities listed at most (most mentioned first). */
export const MAX_FRAMING_ENTITIES = 25;

interface Acc {
  keys: Set<string>;
  type: string;
  names: Map<string, number>;
  mentions: { m: CmpMention; articleId: string; outlet: string }[];
}

function mergeVariants(accs: Map<string, Acc>): Acc[] {
  const list = [...accs.values()];
  const merged: Acc[] = [];
  for (const acc of list) {
    const home = merged.find((m) => [...m.names.keys()].some((a) => [...acc.names.keys()].some((b) => sameVariant(a, b))));
    if (!home) {
      merged.push(acc);
      continue;
    }
    for (const k of acc.keys) home.keys.add(k);
    for (const [n, c] of acc.names) home.names.set(n, (home.names.get(n) ?? 0) + c);
    home.mentions.push(...acc.mentions);
  }
  return merged;
}

export function buildFraming(input: CompareInput): Framing {
  const accs = new Map<string, Acc>();
  for (const a of input.articles) {
    for (const m of input.annotations[a.id]?.mentions ?? []) {
      const acc: Acc = accs.get(m.key) ?? { keys: new Set([m.key]), type: m.type, names: new Map(), mentions: [] };
      // the surname alone of a person is the same spelling family as the full name; compare on the last word
      const spelling = m.type === 'PERSON' ? (m.text.split(/\s+/).pop() ?? m.text) : m.text;
      acc.names.set(spelling, (acc.names.get(spelling) ?? 0) + 1);
      acc.mentions.push({ m, articleId: a.id, outlet: a.outlet });
      accs.set(m.key, acc);
    }
  }
  const groupOf = new Map<string, number>();
  input.groups.forEach((g, i) => {
    for (const id of g) groupOf.set(id, i);
  });
  const entities: FramingEntity[] = [];
  for (const acc of mergeVariants(accs)) {
    const independent = new Set(acc.mentions.map((x) => groupOf.get(x.articleId) ?? x.articleId));
    if (independent.size < MIN_FRAMING_ARTICLES) continue;
    const byOutlet = new Map<string, { names: Set<string>; descriptors: Set<string>; articles: Set<string> }>();
    const spellings = new Map<string, { shown: string; outlets: Set<string> }>();
    const descriptors = new Map<string, Set<string>>();
    for (const { m, articleId, outlet } of acc.mentions) {
      const use = byOutlet.get(outlet) ?? { names: new Set(), descriptors: new Set(), articles: new Set() };
      use.names.add(m.text);
      use.articles.add(articleId);
      const spelling = m.type === 'PERSON' ? (m.text.split(/\s+/).pop() ?? m.text) : m.text;
      // case alone is not a spelling ("HALVENPORT" in a dateline): keep one entry, shown in its mixed-case form
      const fold = spelling.toLocaleLowerCase();
      const entry = spellings.get(fold) ?? { shown: spelling, outlets: new Set<string>() };
      if (entry.shown === entry.shown.toLocaleUpperCase() && spelling !== spelling.toLocaleUpperCase()) entry.shown = spelling;
      entry.outlets.add(outlet);
      spellings.set(fold, entry);
      if (m.descriptor) {
        use.descriptors.add(m.descriptor);
        descriptors.set(m.descriptor, (descriptors.get(m.descriptor) ?? new Set()).add(outlet));
      }
      byOutlet.set(outlet, use);
    }
    // display name: the fullest wording used more than once (a one-off "Exteriores de Veloria" is not the name)
    const counts = new Map<string, number>();
    for (const x of acc.mentions) counts.set(x.m.text, (counts.get(x.m.text) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => Number(b[1] > 1) - Number(a[1] > 1) || b[0].split(/\s+/).length - a[0].split(/\s+/).length || b[1] - a[1]);
    const name = ranked[0]?.[0] ?? '';
    const uses: FramingUse[] = [...byOutlet].map(([outlet, u]) => ({
      outlet,
      names: [...u.names],
      descriptors: [...u.descriptors],
      articles: [...u.articles],
    }));
    entities.push({
      key: [...acc.keys].sort()[0] ?? name,
      type: acc.type,
      name,
      mentions: acc.mentions.length,
      spellings: [...spellings.values()].map((e) => ({ name: e.shown, outlets: [...e.outlets].sort() })),
      descriptors: [...descriptors].map(([d, o]) => ({ descriptor: d, outlets: [...o].sort() })),
      byOutlet: uses.sort((a, b) => a.outlet.localeCompare(b.outlet)),
    });
  }
  entities.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  const basis = input.articles.some((a) => a.outletSource !== 'metadata') ? 'outlet metadata; file name or article id where missing' : 'outlet metadata';
  return { id: input.id, outletBasis: basis, entities: entities.slice(0, MAX_FRAMING_ENTITIES) };
}

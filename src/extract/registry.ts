/**
 * Cross-article entity registry: gives the same person, organisation or place one key across
 * articles, whatever the spelling (Zelensky/Zelenskyy), however short the form (a surname alone,
 * an acronym), and whichever article introduced it first. Keys are derived from the first
 * canonical name seen, so they are stable and readable (`person:volodymyr-zelensky`).
 */

import { acronymOf, entityKey, foldName, isAcronym, lastWord, nameVariant, skeleton, undot, wordVariant } from './internal/entities/names.js';
import type { Entity, EntityType, Quote } from './types.js';

export interface RegistryEntry {
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
}

function skeletonKey(type: string, name: string): string {
  return `${type}|${foldName(name).split(' ').map(skeleton).join(' ')}`;
}

/** In-memory registry; `DbEntityRegistry` persists the same thing in SQLite. */
export class EntityRegistry {
  private readonly byKey = new Map<string, RegistryEntry>();
  private readonly bySkeleton = new Map<string, RegistryEntry[]>();
  private readonly byLastWord = new Map<string, RegistryEntry[]>();
  private readonly byAcronym = new Map<string, RegistryEntry[]>();

  constructor(entries: Iterable<RegistryEntry> = []) {
    for (const e of entries) this.index(e);
  }

  entries(): RegistryEntry[] {
    return [...this.byKey.values()];
  }

  get(key: string): RegistryEntry | undefined {
    return this.byKey.get(key);
  }

  private push(map: Map<string, RegistryEntry[]>, k: string, e: RegistryEntry): void {
    const list = map.get(k);
    if (!list) map.set(k, [e]);
    else if (!list.includes(e)) list.push(e);
  }

  private index(e: RegistryEntry): void {
    this.byKey.set(e.key, e);
    for (const form of [e.name, ...e.aliases]) {
      this.push(this.bySkeleton, skeletonKey(e.type, form), e);
      if (e.type === 'PERSON' && form.includes(' ')) this.push(this.byLastWord, `${skeleton(lastWord(form))}`, e);
      if (isAcronym(form)) this.push(this.byAcronym, undot(form), e);
      else if (form.includes(' ')) this.push(this.byAcronym, acronymOf(form), e);
    }
  }

  /** Finds the registered entry an article-level entity belongs to, or null. */
  match(entity: Pick<Entity, 'key' | 'type' | 'name' | 'aliases'>): RegistryEntry | null {
    const direct = this.byKey.get(entity.key);
    if (direct) return direct;
    const forms = [entity.name, ...entity.aliases];
    for (const form of forms) {
      for (const type of [entity.type, 'MISC' as EntityType]) {
        const hit = (this.bySkeleton.get(skeletonKey(type, form)) ?? []).find((e) => [e.name, ...e.aliases].some((f) => nameVariant(f, form)));
        if (hit) return hit;
      }
    }
    if (entity.type === 'PERSON' && !entity.name.includes(' ')) {
      const hits = (this.byLastWord.get(skeleton(entity.name)) ?? []).filter((e) => wordVariant(lastWord(e.name), entity.name));
      if (hits.length === 1) return hits[0] as RegistryEntry;
    }
    if (entity.type === 'ORG' || entity.type === 'MISC') {
      for (const form of forms) {
        const acr = isAcronym(form) ? undot(form) : form.includes(' ') ? acronymOf(form) : '';
        if (acr.length < 2) continue;
        const hits = (this.byAcronym.get(acr) ?? []).filter(
          (e) => e.type === 'ORG' && (isAcronym(form) ? [e.name, ...e.aliases].some((f) => f.includes(' ')) : [e.name, ...e.aliases].some(isAcronym)),
        );
        if (hits.length === 1) return hits[0] as RegistryEntry;
      }
    }
    return null;
  }

  /** Resolves an entity to its registry key, registering it (or new aliases) as needed. Returns the key and whether anything changed. */
  resolve(entity: Pick<Entity, 'key' | 'type' | 'name' | 'aliases'>): { entry: RegistryEntry; changed: boolean } {
    const hit = this.match(entity);
    if (!hit) {
      const entry: RegistryEntry = { key: entity.key, type: entity.type, name: entity.name, aliases: [...entity.aliases] };
      this.index(entry);
      return { entry, changed: true };
    }
    let changed = false;
    const known = new Set([hit.name, ...hit.aliases]);
    for (const form of [entity.name, ...entity.aliases]) {
      if (!known.has(form)) {
        hit.aliases.push(form);
        known.add(form);
        changed = true;
      }
    }
    // A full name upgrades a surname-only or acronym-only entry's display name (the key stays).
    if ((hit.type === 'PERSON' && !hit.name.includes(' ') && entity.name.includes(' ')) || (isAcronym(hit.name) && entity.name.includes(' '))) {
      hit.aliases.push(hit.name);
      hit.name = entity.name;
      changed = true;
    }
    if (hit.type === 'MISC' && entity.type !== 'MISC') {
      hit.type = entity.type;
      changed = true;
    }
    if (changed) this.index(hit);
    return { entry: hit, changed };
  }
}

/**
 * Gives entities of several articles shared keys: rewrites each entity's key (and mentions'
 * owner) in place to the registry's, and returns the registry. Articles are processed in order,
 * so the first spelling seen names the key.
 */
export function resolveAcrossArticles(articles: readonly { entities: Entity[]; quotes?: Quote[] }[], registry = new EntityRegistry()): EntityRegistry {
  // Full names first so lone surnames and acronyms find them regardless of article order.
  const all = articles.flatMap((a) => a.entities);
  const order = [...all].sort((a, b) => Number(b.name.includes(' ')) - Number(a.name.includes(' ')));
  const renamed = new Map<Entity, string>();
  for (const e of order) {
    const { entry } = registry.resolve(e);
    if (entry.key !== e.key) renamed.set(e, e.key);
    e.key = entry.key;
    if (e.type === 'MISC' && entry.type !== 'MISC') e.type = entry.type;
  }
  // Speakers follow their entity's new key.
  for (const a of articles) {
    if (!a.quotes) continue;
    const map = new Map<string, Entity>();
    for (const e of a.entities) map.set(renamed.get(e) ?? e.key, e);
    a.quotes = a.quotes.map((q) => {
      const e = q.speaker.entityKey ? map.get(q.speaker.entityKey) : undefined;
      return e && e.key !== q.speaker.entityKey ? { ...q, speaker: { ...q.speaker, entityKey: e.key, name: e.name } } : q;
    });
  }
  // Merge entities of one article that now share a key.
  for (const a of articles) {
    const byKey = new Map<string, Entity>();
    for (const e of a.entities) {
      const prev = byKey.get(e.key);
      if (!prev) {
        byKey.set(e.key, e);
        continue;
      }
      prev.mentions.push(...e.mentions);
      prev.mentions.sort((x, y) => x.span.start - y.span.start);
      prev.aliases = [...new Set([...prev.aliases, e.name, ...e.aliases])].filter((x) => x !== prev.name);
      prev.descriptors = [...new Set([...prev.descriptors, ...e.descriptors])];
    }
    a.entities.splice(0, a.entities.length, ...byKey.values());
  }
  return registry;
}

export { entityKey };

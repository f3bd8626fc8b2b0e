/**
 * Slot alignment: which quantity statements talk about the same thing ("a 28-point plan", "the original
 * 28-item plan", "the 19-point proposal" share a slot; "600,000" and "a limit of 800,000" a sentence apart too).
 */
import { singular } from './text.js';

export interface SlotCandidate {
  readonly id: number;
  readonly articleId: string;
  /** Sentence index over the whole article. */
  readonly sentence: number;
  readonly value: number;
  readonly unit: string | null;
  /** Head word of the quantified noun phrase, singular, lower-case; null when none. */
  readonly head: string | null;
  /** True when the noun was found before the number ("a limit of 800,000"): a container word, weak evidence. */
  readonly weakNoun: boolean;
}

/** A slot head is a word of at least three letters. */
const WORD_HEAD = /^\p{L}{3,}$/u;
/** Units that measure (money, shares); nouns are never merged through them. */
const MEASURE_UNITS = new Set(['percent', 'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'RUB', 'UAH', 'CHF']);
/** Time units name durations of different things ("30-day ceasefire", "2-hour meeting"); they do not link nouns either. */
const TIME_UNITS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade']);
/** Two bare figures a sentence or less apart are one running figure when within this ratio (600,000 vs 800,000: 1.33; the demo's 3 vs 17 injured: 5.7). */
const RUNNING_RATIO = 1.5;
/** Largest sentence distance for a running figure (same or next sentence). */
const RUNNING_SENTENCES = 1;

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // the smaller key becomes the root, so slot ids do not depend on input order
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent.set(child, root);
  }
}

function unitKey(unit: string | null): string | null {
  return unit ? singular(unit.toLowerCase()) : null;
}

/** Assigns every candidate a slot key; candidates with neither noun nor unit get none (cannot be compared). */
export function assignSlots(cands: readonly SlotCandidate[]): Map<number, string> {
  const uf = new UnionFind();
  const node = new Map<number, string>();
  for (const c of cands) {
    const unit = unitKey(c.unit);
    if (!c.head && !unit) continue;
    // heads that are not words ("p.m.", "a.m.") and bare durations or shares of nothing named are not comparable
    if (c.head && !WORD_HEAD.test(c.head)) continue;
    if (unit && !c.head && (TIME_UNITS.has(unit) || MEASURE_UNITS.has(c.unit ?? '') || unit === 'percent')) continue;
    if (unit && c.head && TIME_UNITS.has(unit) && singular(c.head) === unit) continue;
    if (unit && (MEASURE_UNITS.has(c.unit ?? '') || TIME_UNITS.has(unit) || !c.head)) {
      node.set(c.id, `m:${unit}:${c.head ?? ''}`);
      continue;
    }
    const n = `n:${c.head}${unit ? '' : ':bare'}`;
    node.set(c.id, n);
    // a counting unit ("-point", "-item") links every noun it counts
    if (unit) uf.union(n, `u:${unit}`);
  }
  // "14 points" counts the same things as "a 14-point plan": a bare head that is also a counting unit joins that unit
  const countingUnits = new Set(cands.map((c) => unitKey(c.unit)).filter((u): u is string => u !== null && !TIME_UNITS.has(u) && !MEASURE_UNITS.has(u)));
  for (const c of cands) if (!c.unit && c.head && countingUnits.has(c.head) && node.has(c.id)) uf.union(node.get(c.id) ?? '', `u:${c.head}`);
  // running figures inside one article
  const byArticle = new Map<string, SlotCandidate[]>();
  for (const c of cands)
    if (node.has(c.id)) {
      const l = byArticle.get(c.articleId);
      if (l) l.push(c);
      else byArticle.set(c.articleId, [c]);
    }
  for (const list of byArticle.values()) {
    const sorted = [...list].sort((a, b) => a.sentence - b.sentence);
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++) {
        const a = sorted[i];
        const b = sorted[j];
        if (!a || !b) continue;
        if (b.sentence - a.sentence > RUNNING_SENTENCES) break;
        if (unitKey(a.unit) !== unitKey(b.unit) || !(a.weakNoun || b.weakNoun)) continue;
        const ratio = Math.max(a.value, b.value) / Math.max(Number.MIN_VALUE, Math.min(a.value, b.value));
        if (ratio <= RUNNING_RATIO) uf.union(node.get(a.id) ?? '', node.get(b.id) ?? '');
      }
  }
  const out = new Map<number, string>();
  for (const [id, n] of node) out.set(id, uf.find(n));
  return out;
}

/** Evaluation helpers shared by the benchmark and the regression gate: CSV reading, Pearson, BCubed. */

export { parseCsv } from '../../internal/csv.js';

export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return Number.NaN;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}

export interface BCubed {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/**
 * BCubed precision/recall/F1 of a predicted partition against a gold one (item → cluster label),
 * over the items both name: per item, the share of its predicted cluster that is in its gold cluster
 * (precision) and the share of its gold cluster found in its predicted cluster (recall), averaged.
 */
export function bcubed(gold: ReadonlyMap<string, string>, pred: ReadonlyMap<string, string>): BCubed {
  const items = [...gold.keys()].filter((k) => pred.has(k));
  const groups = (m: ReadonlyMap<string, string>) => {
    const g = new Map<string, Set<string>>();
    for (const k of items) {
      const c = m.get(k)!;
      const s = g.get(c) ?? new Set<string>();
      s.add(k);
      g.set(c, s);
    }
    return g;
  };
  const gg = groups(gold);
  const pg = groups(pred);
  let p = 0;
  let r = 0;
  for (const k of items) {
    const gs = gg.get(gold.get(k)!)!;
    const ps = pg.get(pred.get(k)!)!;
    let both = 0;
    for (const x of ps) if (gs.has(x)) both++;
    p += both / ps.size;
    r += both / gs.size;
  }
  const precision = items.length ? p / items.length : 0;
  const recall = items.length ? r / items.length : 0;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/**
 * The candidate scorer of the online clusterer: the same numbers as `score()` in similarity.ts (checked by
 * test/cluster/fastscore.test.ts), computed without hashing strings. The article's IDF-weighted vector is
 * scattered once into a flat array indexed by document-frequency cell id; each profile is packed once (until
 * it changes) into arrays of cells and weights, so scoring a candidate is one pass over its packed profile.
 * Term IDFs are shifted by the article's language as score() does (languageShift); dates, the cross-language
 * rule and the total are delegated to similarity.ts's own functions.
 */
import { ClusterError } from '../errors.js';
import type { ScoreParts } from '../types.js';
import type { DfCell, DfCells } from './dfcells.js';
import type { Features } from './features.js';
import { languageShift } from './idf.js';
import type { Packed } from './packed.js';
import type { Profile } from './profile.js';
import { combine, crossLanguage, dateComponent, type Weights } from './similarity.js';

/** Smallest scatter array allocated (cells); it grows by doubling past the largest cell id seen. */
const SCATTER_MIN = 1024;

/** Scores one article against many profiles. `load` the article, `parts` per profile, `unload` when done. */
export class FastScorer {
  private scatter = new Float64Array(0);
  private touched: number[] = [];
  private norms = [0, 0, 0];
  private f: Features | null = null;
  private docs = 0;
  /** Lowers term IDFs for the loaded article's language (0 for one-language stores), as termIdf() does. */
  private shift = 0;
  private epoch = -1;
  /** The loaded article language's text scale (Backgrounds.scale), passed to combine() as score() takes it. */
  private textScale = 1;

  constructor(private readonly cells: DfCells) {}

  /**
   * Scatters the article's IDF-weighted keys (its cells must not be evicted until `unload`). `textScale`: its
   * language's background scale, as score()'s 7th argument.
   */
  load(f: Features, docs: number, textScale = 1): void {
    this.unload();
    this.f = f;
    this.docs = docs;
    this.textScale = textScale;
    this.epoch = this.cells.epoch;
    this.shift = languageShift((k) => this.cells.idfOf(this.cells.cell(k), docs), f.language);
    let nt = 0;
    let ne = 0;
    let nn = 0;
    // Object.keys rather than for…in over the dictionary-mode records (see packed.ts pack).
    for (const k of Object.keys(f.terms)) nt += this.put(this.cells.cell(k), f.terms[k] as number, docs, true);
    for (const k of Object.keys(f.entities)) ne += this.put(this.cells.prefixedCell('e:', k), f.entities[k] as number, docs, false);
    for (const n of new Set(f.numbers)) nn += this.put(this.cells.prefixedCell('n:', n), 1, docs, false);
    this.norms = [nt, ne, nn];
  }

  /** Scatters one key of the loaded article (its IDF lowered by the language shift for terms); returns its squared weight. */
  private put(c: DfCell, x: number, docs: number, term: boolean): number {
    if (c.id >= this.scatter.length) {
      const grown = new Float64Array(Math.max(SCATTER_MIN, (c.id + 1) * 2));
      grown.set(this.scatter);
      this.scatter = grown;
    }
    const idf = this.cells.idfOf(c, docs);
    const xa = x * (term ? Math.max(0, idf - this.shift) : idf);
    this.scatter[c.id] = xa;
    this.touched.push(c.id);
    return xa * xa;
  }

  unload(): void {
    for (const id of this.touched) this.scatter[id] = 0;
    this.touched.length = 0;
    this.f = null;
  }

  /** The cosine of the loaded article with one segment of a packed profile; IDFs lowered by `shift` (≥ 0). */
  private cosine(p: Packed, from: number, to: number, na: number, shift: number): number {
    // An article with nothing in this segment scores 0 against any profile (as below, without the pass).
    if (!(na > 0)) return 0;
    let dot = 0;
    let nb = 0;
    const { cells, w } = p;
    const scatter = this.scatter;
    const lnDocs = this.cells.logDocs(this.docs);
    // idfFromLogs(lnDocs, c.lnDf) inlined as max(0, lnDocs − lnDf) (the same expression, so the same bits as score()'s
    // idfValue); one loop per case of the shift, so the per-key step has no branch on it.
    if (shift > 0) {
      for (let i = from; i < to; i++) {
        const c = cells[i] as DfCell;
        const yb = (w[i] as number) * Math.max(0, Math.max(0, lnDocs - c.lnDf) - shift);
        nb += yb * yb;
        dot += (scatter[c.id] as number) * yb;
      }
    } else {
      for (let i = from; i < to; i++) {
        const c = cells[i] as DfCell;
        const yb = (w[i] as number) * Math.max(0, lnDocs - c.lnDf);
        nb += yb * yb;
        dot += (scatter[c.id] as number) * yb;
      }
    }
    return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
  }

  /** Score parts of the loaded article against a profile, as `score(f, profile, idf, w, useDates, {}, textScale)` gives them. */
  parts(profile: Profile, packed: Packed, w: Weights, useDates = true): ScoreParts {
    const f = this.f;
    if (!f || packed.epoch !== this.epoch || this.epoch !== this.cells.epoch)
      throw new ClusterError('fast scorer: no article loaded, or its cells were evicted');
    if (this.scatter.length < this.cells.size) {
      const grown = new Float64Array(this.cells.size * 2);
      grown.set(this.scatter);
      this.scatter = grown;
    }
    const [nt, ne, nn] = this.norms as [number, number, number];
    const text = this.cosine(packed, 0, packed.eStart, nt, this.shift);
    const entities = this.cosine(packed, packed.eStart, packed.nStart, ne, 0);
    const numbers = this.cosine(packed, packed.nStart, packed.cells.length, nn, 0);
    const { date } = dateComponent(f, profile, w, useDates);
    return {
      text,
      entities,
      numbers,
      date,
      total: combine({ text, entities, numbers, date }, w, crossLanguage(f, profile), this.textScale),
    };
  }
}

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
import { PROFILE_ENTITIES, PROFILE_NUMBERS, PROFILE_TERMS, type Profile, SPENT_WEIGHT, TRIM_SLACK } from './profile.js';
import { keysOf } from './record-facts.js';
import { combine, crossLanguage, dateComponent, type SharedKeys, type Weights } from './similarity.js';

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
  /** The loaded article's term and name keys (Object.keys order) with their IDF before any shift (see `keyIdfs`). */
  private termKeys: string[] = [];
  private readonly termIdf: number[] = [];
  private nameKeys: string[] = [];
  private readonly nameIdf: number[] = [];
  /** The cells and article weights of `termKeys` and `nameKeys` (same order), and the numbers' keys, cells and IDFs (see `shared`). */
  private readonly termCells: DfCell[] = [];
  private readonly termX: number[] = [];
  private readonly nameCells: DfCell[] = [];
  private readonly nameX: number[] = [];
  private readonly numberKeys: string[] = [];
  private readonly numberCells: DfCell[] = [];
  private readonly numberIdf: number[] = [];
  /** Per cell id, 1 + the key's place in the packed segment `shared` is reading (0 elsewhere; cleared after each read). */
  private mark = new Int32Array(0);

  constructor(private readonly cells: DfCells) {}

  /**
   * Scatters the article's IDF-weighted keys (its cells must not be evicted until `unload`). `textScale`: its
   * language's background scale, as score()'s 7th argument. `listed`: `f` is a stored row's profile seen as features
   * (storyline.ts asFeatures), so its terms and names are the row's records, whose keys record-facts lists in Object.keys
   * order (keysOf, as pack() reads them): enumerating a 150-key dictionary-mode record costs ~8 µs.
   */
  load(f: Features, docs: number, textScale = 1, listed = false): void {
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
    this.termKeys = listed ? keysOf(f.terms) : Object.keys(f.terms);
    for (const k of this.termKeys) {
      const c = this.cells.cell(k);
      const idf = this.cells.idfOf(c, docs);
      const x = f.terms[k] as number;
      this.termIdf.push(idf);
      this.termCells.push(c);
      this.termX.push(x);
      nt += this.put(c, x, idf, true);
    }
    this.nameKeys = listed ? keysOf(f.entities) : Object.keys(f.entities);
    for (const k of this.nameKeys) {
      const c = this.cells.prefixedCell('e:', k);
      const idf = this.cells.idfOf(c, docs);
      const x = f.entities[k] as number;
      this.nameIdf.push(idf);
      this.nameCells.push(c);
      this.nameX.push(x);
      ne += this.put(c, x, idf, false);
    }
    for (const n of new Set(f.numbers)) {
      const c = this.cells.prefixedCell('n:', n);
      const idf = this.cells.idfOf(c, docs);
      this.numberKeys.push(n);
      this.numberCells.push(c);
      this.numberIdf.push(idf);
      nn += this.put(c, 1, idf, false);
    }
    this.norms = [nt, ne, nn];
  }

  /**
   * The loaded article's term keys and name keys (bare, as in `f.entities`), each in Object.keys order, with the IDF
   * `idf()` gives them at the loaded document count (`e:` for names; no language shift): what the engine weighs to pick
   * its query keys, looked up once with the scatter instead of again. Throws unless `f` is the loaded article.
   */
  keyIdfs(f: Features): { terms: readonly string[]; termIdf: readonly number[]; names: readonly string[]; nameIdf: readonly number[] } {
    if (this.f !== f || this.epoch !== this.cells.epoch) throw new ClusterError('fast scorer: the article asked for is not the loaded one');
    return { terms: this.termKeys, termIdf: this.termIdf, names: this.nameKeys, nameIdf: this.nameIdf };
  }

  /** Scatters one key of the loaded article (its IDF lowered by the language shift for terms); returns its squared weight. */
  private put(c: DfCell, x: number, idf: number, term: boolean): number {
    if (c.id >= this.scatter.length) {
      const grown = new Float64Array(Math.max(SCATTER_MIN, (c.id + 1) * 2));
      grown.set(this.scatter);
      this.scatter = grown;
    }
    const xa = x * (term ? Math.max(0, idf - this.shift) : idf);
    this.scatter[c.id] = xa;
    this.touched.push(c.id);
    return xa * xa;
  }

  unload(): void {
    for (const id of this.touched) this.scatter[id] = 0;
    this.touched.length = 0;
    this.termKeys = [];
    this.termIdf.length = 0;
    this.nameKeys = [];
    this.nameIdf.length = 0;
    this.termCells.length = 0;
    this.termX.length = 0;
    this.nameCells.length = 0;
    this.nameX.length = 0;
    this.numberKeys.length = 0;
    this.numberCells.length = 0;
    this.numberIdf.length = 0;
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

  /**
   * The keys the loaded article shares with a packed profile, per kind, with the contributions score()'s cosine gives
   * them: what evidenceWith (similarity.ts) lists for the pair, found by marking the packing's cells instead of looking
   * each article key up in the profile's records and again in the document frequencies (its IDFs are the loaded ones,
   * at the loaded document count; the caller must not have changed any). Null when that is not exact: a profile record
   * with a prototype (a lookup there could answer for an inherited key) or a contribution that is not a number (the items
   * shown would then depend on the lists' order).
   */
  shared(profile: Profile, packed: Packed): SharedKeys | null {
    const f = this.f;
    if (!f || packed.epoch !== this.epoch || this.epoch !== this.cells.epoch)
      throw new ClusterError('fast scorer: no article loaded, or its cells were evicted');
    for (const r of [profile.terms, profile.entities, profile.numbers]) if (Object.getPrototypeOf(r) !== null) return null;
    if (this.mark.length < this.cells.size) this.mark = new Int32Array(this.cells.size * 2);
    const shift = this.shift;
    const terms: [string, number][] = [];
    this.marked(packed, 0, packed.eStart, this.termCells, (j, y) => {
      const idf = this.termIdf[j] as number;
      // termIdf() in similarity.ts: lowered by the shift only when there is one.
      const w = shift > 0 ? Math.max(0, idf - shift) : idf;
      const xa = (this.termX[j] as number) * w;
      terms.push([this.termKeys[j] as string, xa * y * w]);
    });
    const entities: [string, number][] = [];
    this.marked(packed, packed.eStart, packed.nStart, this.nameCells, (j, y) => {
      const w = this.nameIdf[j] as number;
      const xa = (this.nameX[j] as number) * w;
      entities.push([this.nameKeys[j] as string, xa * y * w]);
    });
    const numbers: [string, number][] = [];
    // Numbers are sets on both sides (weight 1), as numberSets() in similarity.ts makes them.
    this.marked(packed, packed.nStart, packed.cells.length, this.numberCells, (j) => {
      const w = this.numberIdf[j] as number;
      const xa = 1 * w;
      numbers.push([this.numberKeys[j] as string, xa * 1 * w]);
    });
    for (const list of [terms, entities, numbers]) for (const e of list) if (Number.isNaN(e[1])) return null;
    return { terms, entities, numbers };
  }

  /**
   * Calls `hit(j, y)` for each article key `j` (of `articleCells`, in order) whose cell is in the packing's segment
   * [from, to), `y` the profile's weight there.
   */
  private marked(packed: Packed, from: number, to: number, articleCells: readonly DfCell[], hit: (j: number, y: number) => void): void {
    const mark = this.mark;
    const { cells, w } = packed;
    for (let i = from; i < to; i++) mark[(cells[i] as DfCell).id] = i + 1;
    for (let j = 0; j < articleCells.length; j++) {
      const at = mark[(articleCells[j] as DfCell).id] as number;
      if (at > 0) hit(j, w[at - 1] as number);
    }
    for (let i = from; i < to; i++) mark[(cells[i] as DfCell).id] = 0;
  }

  /**
   * The cosine of the loaded article with one record of `a` less `b`, as `cosine` gives it on the packed difference that
   * storyline.ts restOf builds (its `minus`: `a`'s keys in order, `b`'s weights subtracted, those falling to SPENT_WEIGHT
   * or below dropped), without building or packing it. `numbers`: every kept key weighs 1 (a set). Null when the
   * difference is not that plain: a record with a prototype, a key only in `b` that would be kept (a negative weight), or
   * more keys than `keep` × TRIM_SLACK (restOf would trim it).
   */
  private cosineLess(
    a: Record<string, number>,
    b: Record<string, number>,
    prefix: '' | 'e:' | 'n:',
    keep: number,
    na: number,
    shift: number,
    listed: boolean,
  ): number | null {
    if (Object.getPrototypeOf(a) !== null || Object.getPrototypeOf(b) !== null) return null;
    for (const k of listed ? keysOf(b) : Object.keys(b)) if (!(k in a) && 0 + -1 * (b[k] as number) > SPENT_WEIGHT) return null;
    const keys = listed ? keysOf(a) : Object.keys(a);
    const cells = this.cells;
    const scatter = this.scatter;
    const lnDocs = cells.logDocs(this.docs);
    let size = 0;
    let dot = 0;
    let nb = 0;
    for (const k of keys) {
      const x = a[k] as number;
      const y = b[k];
      const v = y === undefined ? x : x + -1 * y;
      if (y !== undefined && !(v > SPENT_WEIGHT)) continue;
      size++;
      // As pack() weighs and looks up the key (names and numbers by their bare name), then cosine() scores it; a cell
      // loaded here is not in the article, whose cells were all loaded before (its scatter entry is 0).
      const c = prefix === '' ? cells.cell(k) : cells.prefixedCell(prefix, k);
      const wk = prefix === 'n:' ? 1 : v;
      const yb = shift > 0 ? wk * Math.max(0, Math.max(0, lnDocs - c.lnDf) - shift) : wk * Math.max(0, lnDocs - c.lnDf);
      nb += yb * yb;
      dot += (c.id < scatter.length ? (scatter[c.id] as number) : 0) * yb;
    }
    if (size > keep * TRIM_SLACK) return null;
    // An article with nothing in this segment scores 0 (cosine() returns before its pass).
    if (!(na > 0)) return 0;
    return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
  }

  /**
   * Score parts of the loaded article against `a` less `b` as restOf(a, b) builds it (storyline.ts), equal to `parts`
   * on that profile packed: the three keyed records scored as they are subtracted (`cosineLess`); `shell` is restOf's
   * profile for the rest (dates, languages, size), its keyed records unread. Null when the difference is not plain
   * (then build it and call `parts`). `listed`: `a` and `b` are stored rows' profiles, whose keyed records' keys
   * record-facts lists (see `load`).
   */
  partsLess(shell: Profile, a: Profile, b: Profile, w: Weights, useDates = true, listed = false): ScoreParts | null {
    const f = this.f;
    if (!f || this.epoch !== this.cells.epoch) throw new ClusterError('fast scorer: no article loaded, or its cells were evicted');
    const [nt, ne, nn] = this.norms as [number, number, number];
    const text = this.cosineLess(a.terms, b.terms, '', PROFILE_TERMS, nt, this.shift, listed);
    if (text === null) return null;
    const entities = this.cosineLess(a.entities, b.entities, 'e:', PROFILE_ENTITIES, ne, 0, listed);
    if (entities === null) return null;
    const numbers = this.cosineLess(a.numbers, b.numbers, 'n:', PROFILE_NUMBERS, nn, 0, listed);
    if (numbers === null) return null;
    const { date } = dateComponent(f, shell, w, useDates);
    return {
      text,
      entities,
      numbers,
      date,
      total: combine({ text, entities, numbers, date }, w, crossLanguage(f, shell), this.textScale),
    };
  }

  /**
   * Score parts of the loaded article against a profile, as `score(f, profile, idf, w, useDates, {}, textScale)` gives them.
   * `listed`: a stored row's profile, whose dates record-facts lists (similarity.ts dateComponent).
   */
  parts(profile: Profile, packed: Packed, w: Weights, useDates = true, listed = false): ScoreParts {
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
    const { date } = dateComponent(f, profile, w, useDates, listed);
    return {
      text,
      entities,
      numbers,
      date,
      total: combine({ text, entities, numbers, date }, w, crossLanguage(f, profile), this.textScale),
    };
  }
}

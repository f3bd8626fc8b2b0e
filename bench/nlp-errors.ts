/**
 * Error breakdown for the attribution benchmark (bench-side tool, run by `bench/nlp.ts --errors`):
 * buckets false negatives and false positives by kind (no content match / content matched but wrong
 * speaker / speaker missing), direct vs indirect, and cue word, so the biggest buckets are fixed first.
 */
import type { Quote } from '../src/extract/types.js';
import { parseAnn } from './nlp-metrics.js';

interface Span {
  start: number;
  end: number;
}
const overlap = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export interface ErrorSample {
  file: string;
  bucket: string;
  content: string;
  gold: string;
  predicted: string;
  /** Offsets of the content (gold or predicted), for reading the context. */
  at: [number, number];
}

export interface ErrorBreakdown {
  fn: Map<string, number>;
  fp: Map<string, number>;
  /** Predictions by type and cue: correct and total, for the precision of each cue. */
  byCue: Map<string, { ok: number; all: number }>;
  samples: ErrorSample[];
}

/** Cue class of a gold cue or a predicted cue, as written (lower case, at most three words). */
function cueClass(cue: string): string {
  const w = cue.toLowerCase().replace(/[“”"]/g, '').trim().split(/\s+/);
  return w.slice(0, 3).join(' ');
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

export function attributionErrors(docs: readonly { file: string; text: string; ann: string; quotes: readonly Quote[] }[]): ErrorBreakdown {
  const fn = new Map<string, number>();
  const fp = new Map<string, number>();
  const byCue = new Map<string, { ok: number; all: number }>();
  const samples: ErrorSample[] = [];
  const clip = (s: string) => (s.length > 140 ? `${s.slice(0, 137)}…` : s).replace(/\s+/g, ' ');
  for (const d of docs) {
    const gold = parseAnn(d.ann, d.text);
    const speaks = d.quotes.filter((q) => q.speaker.kind !== 'unknown');
    for (const g of gold) {
      const hits = speaks.filter((q) => q.parts.some((p) => g.content.some((c) => overlap(p, c))));
      const ok = hits.some((q) => q.speaker.span && g.source.some((s) => overlap(s, q.speaker.span as Span)));
      if (ok) continue;
      const kind = !hits.length ? 'no-content' : hits.some((q) => !q.speaker.span) ? 'no-speaker-span' : g.source.length ? 'wrong-speaker' : 'gold-no-source';
      const cue = g.cue.map((c) => d.text.slice(c.start, c.end)).join(' ');
      const key = `${g.direct ? 'direct' : 'indirect'} | ${kind}`;
      bump(fn, key);
      bump(fn, `cue ${kind}: ${cueClass(cue)}`);
      samples.push({
        file: d.file,
        bucket: `FN ${key} [${cueClass(cue)}]`,
        content: clip(g.content.map((c) => d.text.slice(c.start, c.end)).join(' … ')),
        gold: g.source.map((s) => d.text.slice(s.start, s.end)).join(' … '),
        predicted: hits.map((q) => `${q.speaker.span ? d.text.slice(q.speaker.span.start, q.speaker.span.end) : '∅'} (${q.cue})`).join('; '),
        at: [Math.min(...g.content.map((c) => c.start)), Math.max(...g.content.map((c) => c.end))],
      });
    }
    for (const q of speaks) {
      const hits = gold.filter((g) => q.parts.some((p) => g.content.some((c) => overlap(p, c))));
      const ok = hits.some((g) => q.speaker.span && g.source.some((s) => overlap(s, q.speaker.span as Span)));
      const c = byCue.get(`${q.type} ${cueClass(q.cue ?? '∅')}`) ?? { ok: 0, all: 0 };
      byCue.set(`${q.type} ${cueClass(q.cue ?? '∅')}`, { ok: c.ok + (ok ? 1 : 0), all: c.all + 1 });
      if (ok) continue;
      const kind = !hits.length ? 'no-content' : 'wrong-speaker';
      const key = `${q.type} | ${kind}`;
      bump(fp, key);
      bump(fp, `cue ${kind}: ${cueClass(q.cue ?? '∅')}`);
      samples.push({
        file: d.file,
        bucket: `FP ${key} [${cueClass(q.cue ?? '∅')}]`,
        content: clip(q.text),
        gold: hits.map((g) => g.source.map((s) => d.text.slice(s.start, s.end)).join(' … ')).join('; '),
        predicted: q.speaker.span ? d.text.slice(q.speaker.span.start, q.speaker.span.end) : '∅',
        at: [q.span.start, q.span.end],
      });
    }
  }
  return { fn, fp, byCue, samples };
}

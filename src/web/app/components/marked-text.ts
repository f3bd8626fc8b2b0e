import { h, type JSX } from 'preact';

/** A range to mark inside one paragraph. `term` = a search word (shown as <mark>). */
export interface Range {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
  readonly label: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Ranges of every occurrence of the search terms in `text`. */
export function termRanges(text: string, terms: readonly string[]): Range[] {
  if (terms.length === 0) return [];
  const re = new RegExp(terms.map(escapeRegExp).join('|'), 'giu');
  return [...text.matchAll(re)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, kind: 'term', label: 'search term' }));
}

/**
 * The text cut at every range boundary; each piece that some ranges cover becomes a span with one
 * class per kind and the labels as its tooltip (a <mark> when a search term covers it). Text only,
 * never markup, so article content cannot inject anything.
 */
export function markedText(text: string, ranges: readonly Range[]): (string | JSX.Element)[] {
  const valid = ranges.filter((r) => r.start >= 0 && r.end <= text.length && r.end > r.start);
  if (valid.length === 0) return [text];
  const cuts = [...new Set([0, text.length, ...valid.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
  const out: (string | JSX.Element)[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i] ?? 0;
    const b = cuts[i + 1] ?? 0;
    const piece = text.slice(a, b);
    const covering = valid.filter((r) => r.start <= a && r.end >= b);
    if (covering.length === 0) {
      out.push(piece);
      continue;
    }
    const kinds = [...new Set(covering.map((r) => r.kind))];
    const props = { key: a, class: kinds.map((k) => `hl hl-${k}`).join(' '), title: [...new Set(covering.map((r) => r.label))].join(' · ') };
    out.push(h(kinds.includes('term') ? 'mark' : 'span', props, piece));
  }
  return out;
}

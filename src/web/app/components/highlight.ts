import { type JSX, h } from 'preact';

/** Words of a search, for highlighting (letters and digits only, like the server's full-text query). */
export function termsOf(q: string): string[] {
  return [...new Set((q.match(/[\p{L}\p{N}]+/gu) ?? []).map((t) => t.toLowerCase()))].filter((t) => t.length > 1);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text with every occurrence of the terms wrapped in <mark>; plain text nodes otherwise (never markup). */
export function highlight(text: string, terms: readonly string[]): (string | JSX.Element)[] {
  if (terms.length === 0) return [text];
  const re = new RegExp(`(${terms.map(escapeRegExp).join('|')})`, 'giu');
  return text.split(re).map((part, i) => (i % 2 === 1 ? h('mark', { key: i }, part) : part));
}

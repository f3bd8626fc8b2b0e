/**
 * The text of one `cluster_df_log` row (an article's distinct document-frequency keys). Rows are written as the keys
 * joined by U+001F (the ASCII unit separator), led by one more: cheaper to build and to split than a JSON array, which
 * escapes and quotes every key. Rows written as JSON arrays (by earlier versions, and here for an article without
 * keys, with a key holding the separator, or with a surrogate) start with `[` and still read. A process of an earlier version cannot read
 * the joined rows (JSON.parse throws on them): cluster schema 5 (schema.ts) makes it stop at open instead.
 *
 * Measured 2026-11-21 on 8,192 articles of the synthetic stream (149.7 keys each, /tmp/h1-s6/win.mjs): JSON.stringify
 * 3.27 µs a row, the join 2.28; JSON.parse 10.7 µs, the split 6.2 (a full journal read parses up to 2,048 rows).
 */

/** Separates (and leads) the keys of a joined row. */
const SEPARATOR = '\u001f';
/** Any UTF-16 surrogate code unit. */
const SURROGATE = /[\uD800-\uDFFF]/;

/** The stored text of an article's keys. */
export function encodeKeys(keys: readonly string[]): string {
  if (keys.length === 0) return '[]';
  for (const k of keys) if (k.includes(SEPARATOR)) return JSON.stringify(keys);
  const joined = SEPARATOR + keys.join(SEPARATOR);
  // SQLite stores text as UTF-8, where a lone surrogate becomes U+FFFD: such keys go as JSON, which escapes them (one
  // scan of the joined row; a well-formed pair would survive, but telling them apart is not worth a second pass).
  return SURROGATE.test(joined) ? JSON.stringify(keys) : joined;
}

/** The keys of a stored row, whichever form it was written in. */
export function decodeKeys(row: string): string[] {
  if (row.charCodeAt(0) !== SEPARATOR.charCodeAt(0)) return JSON.parse(row) as string[];
  return row.slice(1).split(SEPARATOR);
}

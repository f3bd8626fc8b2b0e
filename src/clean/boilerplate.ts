import type { Database } from 'better-sqlite3';
import { stmt } from '../internal/stmts.js';
import { lineFingerprint } from './internal/fingerprint.js';
import { shapeOf } from './internal/line-shape.js';

/**
 * Cross-article repetition: a line that appears in many articles of one outlet is that outlet's
 * boilerplate (promo bars, "follow us" lines, disclaimers), whatever its language. The pipeline
 * records each article's lines after cleaning and passes the outlet's known fingerprints to the
 * next `clean` call as `CleanOptions.knownBoilerplate`.
 */

/**
 * Distinct articles of one outlet a line must appear in before it is boilerplate. Three keeps a
 * story and its one update (which share most lines) from marking each other's text.
 */
export const MIN_OUTLET_ARTICLES = 3;
/** Only lines up to this many words are tracked: boilerplate lines are short, body paragraphs are not. */
export const MAX_TRACKED_WORDS = 25;
/** Fewest letters for a tracked line (bare numbers and symbols are not evidence). */
const MIN_TRACKED_LETTERS = 3;

/** Fingerprints of an article's short lines (distinct): pass the cleaned paragraphs. */
export function linesFingerprints(lines: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of lines) {
    const s = shapeOf(t);
    if (s.words.length > MAX_TRACKED_WORDS || s.letters < MIN_TRACKED_LETTERS) continue;
    out.add(lineFingerprint(t));
  }
  return [...out];
}

/** Counts one article's line fingerprints for its outlet (call once per stored article). */
export function recordOutletLines(db: Database, outlet: string, fingerprints: readonly string[]): void {
  const up = stmt(
    db,
    'INSERT INTO clean_outlet_lines (outlet, fingerprint, articles) VALUES (?, ?, 1) ON CONFLICT(outlet, fingerprint) DO UPDATE SET articles = articles + 1',
  );
  db.transaction(() => {
    for (const f of fingerprints) up.run(outlet, f);
  })();
}

/** The outlet's boilerplate fingerprints: lines seen in at least `minArticles` of its articles. */
export function knownBoilerplate(db: Database, outlet: string, minArticles = MIN_OUTLET_ARTICLES): Set<string> {
  const rows = stmt(db, 'SELECT fingerprint FROM clean_outlet_lines WHERE outlet = ? AND articles >= ?').all(outlet, minArticles) as {
    fingerprint: string;
  }[];
  return new Set(rows.map((r) => r.fingerprint));
}

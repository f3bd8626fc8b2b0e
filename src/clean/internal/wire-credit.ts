/**
 * The agency a wire dateline credits: "CALDER, Veloria, Feb 16 (Meridian Wire) — …", "MOSCOW (Reuters) - …".
 * A plain-text article with no outlet metadata is then attributed to the agency its own first lines name,
 * instead of to its file name. Precision first: the place must open in capitals, the credit must be a short
 * name in parentheses, and a dash must follow it, so an acronym expansion ("the Treaty Organization (NATO) —")
 * or a parenthetical aside does not match.
 */
import type { Sourced } from './metadata.js';

/** Paragraphs searched from the top: a dateline opens the first body paragraph, sometimes after a title or byline line. */
const DATELINE_PARAGRAPHS = 3;
/** Longest place-and-date part before the credit, in characters ("PORT ASHBY, Veloria, March 11, 2026" is 35). */
const MAX_PREFIX_CHARS = 60;
/** Longest agency name, in characters (agency names are one to four words). */
const MAX_AGENCY_CHARS = 40;

/**
 * Place in capitals (at least two capital letters in its first word), optional ", region, date" parts with no
 * parentheses or dashes, the credit in parentheses, then a dash.
 */
const DATELINE =
  /^\s*(\p{Lu}[\p{Lu}\p{M}'’.-]+(?:\s+\p{Lu}[\p{Lu}\p{M}'’.-]*)*)((?:,\s*[^()\u2014\u2013\n]+?)?)\s*\(([^()\n]+)\)\s*(?:\u2014|\u2013|--?)\s*\S/u;
/** An agency name: letters, spaces, '&', '.', apostrophes and hyphens, starting with a letter; no digits. */
const AGENCY = /^\p{L}[\p{L}\p{M}&.'’ -]*$/u;

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

/** The agency named by a wire dateline at the top of the article, or null. */
export function wireCredit(paragraphs: readonly string[]): Sourced | null {
  for (const p of paragraphs.slice(0, DATELINE_PARAGRAPHS)) {
    const m = DATELINE.exec(p);
    if (!m) continue;
    const [, place = '', rest = '', agency = ''] = m;
    const name = agency.trim();
    if (place.length + rest.length > MAX_PREFIX_CHARS || name.length > MAX_AGENCY_CHARS || !AGENCY.test(name)) continue;
    // "NATO (North Atlantic Treaty Organization) —": the parentheses expand the capitals, they credit no one
    if (initials(name) === place.replace(/[^\p{Lu}]/gu, '')) continue;
    return { value: name, source: 'dateline-credit' };
  }
  return null;
}

import { isNameShaped, type LineShape, shapeOf } from './line-shape.js';

/**
 * Byline prepositions ("By", "Von", "Par", "Por", "Door", "Av", "Przez", "Автор"…). Used only to
 * pick and trim the name segment of a line the shape rules already cut as byline or dateline.
 */
const BY_PREFIX = /^(by|von|vom|par|por|di|da|de|door|av|af|przez|autor|autora|автор|от|від|oleh|bởi):?\s+/iu;

/** Longest "By …" line taken as a byline ("By Meridian Wire staff in Halven", "Von Anna Weber und Jan Kurz"). */
const PREFIXED_BYLINE_MAX_WORDS = 8;

/** A short line that starts with a byline preposition followed by a capitalised word and is not a sentence. */
export function isPrefixedByline(line: string, shape: LineShape): boolean {
  const m = BY_PREFIX.exec(line.trim());
  if (!m) return false;
  const rest = line.trim().slice(m[0].length);
  return /^\p{Lu}/u.test(rest) && shape.words.length <= PREFIXED_BYLINE_MAX_WORDS && !shape.endsSentence;
}

function nameOrNull(s: string): string | null {
  const shape = shapeOf(s);
  return shape.words.length >= 2 && isNameShaped(s, shape) ? s : null;
}

/**
 * The author name in a line cut as byline or dateline: the segment (split on `·`, `|`, ` - `,
 * `, `) that starts with a byline preposition, without it; for a bare byline line the whole line.
 */
export function bylineName(line: string, bare: boolean): string | null {
  const segments = line.split(/\s[·|•–—-]\s|,\s/).map((s) => s.trim());
  for (const seg of segments) {
    if (BY_PREFIX.test(seg)) {
      const name = nameOrNull(seg.replace(BY_PREFIX, ''));
      if (name) return name;
    }
  }
  return bare ? nameOrNull(line.trim()) : null;
}

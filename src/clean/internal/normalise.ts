/**
 * Character-level normalisation: mojibake repair (UTF-8 read as Windows-1252/Latin-1), Unicode
 * NFC, typographic quotes and whitespace.
 */

/** Windows-1252 code points for bytes 0x80–0x9F (where it differs from Latin-1). */
const CP1252_HIGH: Readonly<Record<number, number>> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88, 0x2030: 0x89,
  0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95,
  0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};
const CONT = '\\u0080-\\u00bf\\u20ac\\u201a\\u0192\\u201e\\u2026\\u2020\\u2021\\u02c6\\u2030\\u0160\\u2039\\u0152\\u017d\\u2018\\u2019\\u201c\\u201d\\u2022\\u2013\\u2014\\u02dc\\u2122\\u0161\\u203a\\u0153\\u017e\\u0178';
/**
 * A UTF-8 lead byte (0xC2–0xF4) read as a Windows-1252 character, followed by 1–3 continuation
 * bytes read the same way: the shape of mojibake. Only runs that decode as valid UTF-8 are replaced.
 */
const MOJIBAKE_RUN = new RegExp(`[\\u00c2-\\u00f4][${CONT}]{1,3}`, 'g');
const MOJIBAKE_HINT = /[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u201e\u2020\u2021\u2122\u0153\u0161\u017e\u0178\u2018\u2019\u201c\u201d\u2013\u2014]/;
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function toByte(ch: string): number | null {
  const c = ch.charCodeAt(0);
  if (c <= 0xff) return c;
  return CP1252_HIGH[c] ?? null;
}

/** Repairs runs of UTF-8-read-as-Windows-1252 mojibake; text without such runs is returned unchanged. */
export function repairMojibake(s: string): { text: string; repaired: number } {
  if (!MOJIBAKE_HINT.test(s)) return { text: s, repaired: 0 };
  let repaired = 0;
  const text = s.replace(MOJIBAKE_RUN, (run) => {
    const bytes: number[] = [];
    for (const ch of run) {
      const b = toByte(ch);
      if (b === null) return run;
      bytes.push(b);
    }
    try {
      const fixed = STRICT_UTF8.decode(new Uint8Array(bytes));
      if (fixed.length !== 1 && [...fixed].length !== 1) return run;
      repaired++;
      return fixed;
    } catch {
      return run;
    }
  });
  return { text, repaired };
}

const QUOTES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u2018\u2019\u201a\u201b\u2032\u00b4]/g, "'"],
  [/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"'],
];
/** Space characters, including the zero-width space (a word separator in Thai/Japanese layout). */
const SPACES = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\t\f\v]+/g;
/** Characters with no visible or semantic role (BOM, word joiner, soft hyphen); ZWJ/ZWNJ stay, they shape Indic and Persian words. */
const INVISIBLE = /[\u2060\ufeff\u00ad]/g;

export interface NormaliseOptions {
  /** Replace typographic quotes with ASCII ones. */
  readonly asciiQuotes: boolean;
}

/** NFC, invisible characters dropped, exotic spaces to plain spaces, runs collapsed; quotes optionally ASCII. Newlines are kept. */
export function normaliseText(s: string, opts: NormaliseOptions): string {
  let t = s.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ');
  if (opts.asciiQuotes) for (const [re, to] of QUOTES) t = t.replace(re, to);
  return t.replace(/ {2,}/g, ' ').replace(/ *\r?\n */g, '\n');
}

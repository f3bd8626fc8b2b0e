/**
 * Character-level normalisation: mojibake repair (UTF-8 read as Windows-1252/Latin-1), Unicode
 * NFC, typographic quotes and whitespace.
 */

/** Windows-1252 code points for bytes 0x80–0x9F (where it differs from Latin-1). */
const CP1252_HIGH: Readonly<Record<number, number>> = {
  8364: 0x80,
  8218: 0x82,
  402: 0x83,
  8222: 0x84,
  8230: 0x85,
  8224: 0x86,
  8225: 0x87,
  710: 0x88,
  8240: 0x89,
  352: 0x8a,
  8249: 0x8b,
  338: 0x8c,
  381: 0x8e,
  8216: 0x91,
  8217: 0x92,
  8220: 0x93,
  8221: 0x94,
  8226: 0x95,
  8211: 0x96,
  8212: 0x97,
  732: 0x98,
  8482: 0x99,
  353: 0x9a,
  8250: 0x9b,
  339: 0x9c,
  382: 0x9e,
  376: 0x9f,
};
const CONT =
  '\\u0080-\\u00bf\\u20ac\\u201a\\u0192\\u201e\\u2026\\u2020\\u2021\\u02c6\\u2030\\u0160\\u2039\\u0152\\u017d\\u2018\\u2019\\u201c\\u201d\\u2022\\u2013\\u2014\\u02dc\\u2122\\u0161\\u203a\\u0153\\u017e\\u0178';
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

/**
 * Which of two related texts is the likelier origin: the earliest publication time (metadata, or
 * else a date written in the article's URL or file path), then — when the times cannot separate
 * them — the text that the other one credits (it names the other's outlet while not being named
 * back), then the most complete text, then the one stored first.
 */

export interface OriginFacts {
  readonly id: string;
  readonly seq: number;
  readonly published: string | null;
  /** Text length in characters (completeness). */
  readonly chars: number;
  /** Optional facts for the date fallback and the credit test (absent ones are simply not used). */
  readonly url?: string | null;
  readonly path?: string | null;
  readonly outlet?: string | null;
  readonly author?: string | null;
  readonly text?: string;
  /** Other locations (paths, URLs) the same text was seen at. */
  readonly locations?: readonly string[];
}

/** Article columns (besides id, seq, published, text) the ranking reads when the store has them. */
export const ORIGIN_COLUMNS = ['url', 'path', 'outlet', 'author'] as const;

/** Publication dates before this are treated as unreliable (bad parses, epoch defaults). */
const EARLIEST_RELIABLE = Date.UTC(1990, 0, 1);
/** Dates more than a day in the future of the clock are unreliable (time-zone slack allowed). */
const FUTURE_SLACK_MS = 24 * 3600 * 1000;
/** A date without a time of day stands for this whole span. */
const DAY_MS = 24 * 3600 * 1000;
/**
 * Shortest squashed outlet name used in the credit test: shorter names ("AP", "BBC") occur inside
 * ordinary words once spaces are removed. Set by that reasoning, not swept.
 */
const MIN_OUTLET_KEY = 6;

/** A date (year 1990–2099, month, day) in a URL or path: 2026-03-11, 2026/03/11, 2026_03_11, 20260311. */
const PATH_DATE = /(?<!\d)((?:19|20)\d\d)[-/_.]?(0[1-9]|1[0-2])[-/_.]?(0[1-9]|[12]\d|3[01])(?!\d)/;
/** A published string carrying a time of day. */
const HAS_TIME = /\d:\d\d/;

/** Milliseconds of a reliable publication time, or null. */
export function reliableTime(published: string | null, now = Date.now()): number | null {
  if (!published) return null;
  const t = Date.parse(published);
  if (!Number.isFinite(t) || t < EARLIEST_RELIABLE || t > now + FUTURE_SLACK_MS) return null;
  return t;
}

/** When an article appeared, as an interval [from, to] in ms: a point for a full timestamp, a day for a bare date. */
export interface TimeSpan {
  readonly from: number;
  readonly to: number;
}

function dayOf(s: string | null | undefined, now: number): TimeSpan | null {
  const m = s ? PATH_DATE.exec(s) : null;
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (t < EARLIEST_RELIABLE || t > now + FUTURE_SLACK_MS) return null;
  return { from: t, to: t + DAY_MS - 1 };
}

/** Publication span: metadata first; when absent or unreliable, a date in the URL, then in the file path. */
export function publicationSpan(x: OriginFacts, now = Date.now()): TimeSpan | null {
  const t = reliableTime(x.published, now);
  if (t !== null) return HAS_TIME.test(x.published!) ? { from: t, to: t } : { from: t, to: t + DAY_MS - 1 };
  let best: TimeSpan | null = null;
  for (const loc of [x.url, x.path, ...(x.locations ?? [])]) {
    const d = dayOf(loc, now);
    if (d && (!best || d.from < best.from)) best = d;
  }
  return best;
}

function squash(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function hostLabel(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '').split('.')[0] ?? null;
  } catch {
    return null;
  }
}

function folderName(location: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return hostLabel(location);
  const parts = location.split(/[\\/]/).filter(Boolean);
  return parts.length >= 2 ? parts[parts.length - 2]! : null;
}

/**
 * The outlet's possible names, squashed: metadata, else the URL's host label, else the folder of each
 * location the text was seen at (collections are commonly filed by outlet).
 */
export function outletKeys(x: OriginFacts): string[] {
  const names: (string | null)[] = x.outlet
    ? [x.outlet]
    : [x.url ? hostLabel(x.url) : null, ...[x.path, ...(x.locations ?? [])].map((l) => (l ? folderName(l) : null))];
  const keys = new Set<string>();
  for (const n of names) {
    if (!n) continue;
    const key = squash(n.replace(/^the\s+/i, ''));
    if (key.length >= MIN_OUTLET_KEY) keys.add(key);
  }
  return [...keys];
}

/** Longest run of capitalised words looked at as one name ("Orbis News Network Europe Desk" is 5). */
const MAX_NAME_WORDS = 5;
/** A run of capitalised words (a name: "Meridian Wire", "The Harbor Ledger", "ONN"). */
const NAME_RUN = /\p{Lu}[\p{L}\p{N}&'’-]*(?:[ \t]+\p{Lu}[\p{L}\p{N}&'’-]*)*/gu;

const namesCache = new WeakMap<OriginFacts, Set<string>>();

/**
 * Every run of 1–MAX_NAME_WORDS consecutive capitalised words in the byline and text, squashed. An
 * outlet is named when its squashed name is one of these: a name, not any substring ("forwarded"
 * in running text does not name a folder called "forwarded").
 */
function namesIn(x: OriginFacts): Set<string> {
  let names = namesCache.get(x);
  if (!names) {
    names = new Set<string>();
    for (const m of `${x.author ?? ''}\n${x.text ?? ''}`.normalize('NFKC').matchAll(NAME_RUN)) {
      const ws = m[0].split(/[ \t]+/);
      for (let i = 0; i < ws.length; i++) for (let j = i + 1; j <= Math.min(ws.length, i + MAX_NAME_WORDS); j++) names.add(squash(ws.slice(i, j).join('')));
    }
    namesCache.set(x, names);
  }
  return names;
}

function mentions(x: OriginFacts, key: string): boolean {
  return namesIn(x).has(key);
}

/**
 * Credit between two outlets: negative when `y` names `x`'s outlet (a dateline "(Wire Name)", a
 * byline "By Wire Name staff") and `x` does not name `y`'s — `x` is then the source. 0 when unknown.
 */
export function credit(x: OriginFacts, y: OriginFacts): number {
  const kx = outletKeys(x);
  const ky = outletKeys(y);
  if (kx.length === 0 || ky.length === 0) return 0;
  // the same outlet under two spellings: credit says nothing
  if (kx.some((a) => ky.some((b) => a.includes(b) || b.includes(a)))) return 0;
  const yNamesX = kx.some((k) => mentions(y, k));
  const xNamesY = ky.some((k) => mentions(x, k));
  return yNamesX === xNamesY ? 0 : yNamesX ? -1 : 1;
}

/** Negative when `x` is the likelier origin. Deterministic. */
export function compareOrigin(x: OriginFacts, y: OriginFacts, now = Date.now()): number {
  const sx = publicationSpan(x, now);
  const sy = publicationSpan(y, now);
  if (sx && sy) {
    if (sx.to < sy.from) return -1;
    if (sy.to < sx.from) return 1;
  }
  const c = credit(x, y);
  if (c !== 0) return c;
  if (sx && !sy) return -1;
  if (!sx && sy) return 1;
  if (x.chars !== y.chars) return y.chars - x.chars;
  return x.seq - y.seq || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

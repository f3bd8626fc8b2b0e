import { createHash } from 'node:crypto';

/** Query parameters that only track campaigns and never change the article. */
const TRACKING_PARAMS = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid)$/i;

/**
 * Canonical form of an article URL: http(s) only, lower-case host without `www.`, no fragment,
 * no tracking parameters, remaining parameters sorted, no trailing slash. Null for anything else.
 */
export function canonicalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const params = [...u.searchParams.entries()].filter(([k]) => !TRACKING_PARAMS.test(k)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const path = u.pathname.replace(/\/+$/, '') || '';
  return `https://${host}${u.port ? `:${u.port}` : ''}${path}${query}`;
}

/** Text normalised for hashing: NFKC, case-folded, only letters and digits separated by single spaces. */
export function normaliseForHash(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/**
 * Identity of a stored article: the hash of its normalised title, text, outlet and canonical URL.
 * The same content ingested again hashes the same; the same text from two outlets does not
 * (those are two publications, linked later as exact copies).
 */
export function contentHash(parts: { title: string; text: string; outlet: string | null; url: string | null }): string {
  return sha256([parts.title, parts.text, parts.outlet ?? '', parts.url ?? ''].map(normaliseForHash).join('\u0001'));
}

/** Stable article id derived from the content hash (64 bits: collision-free at any realistic corpus size). */
export function articleId(hash: string): string {
  return `a${hash.slice(0, 16)}`;
}

/** Outlet name inferred from a URL host (`www.harbor-ledger.example` → `harbor-ledger.example`). */
export function outletFromUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

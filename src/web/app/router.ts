/** Hash routes: the server serves one page, so links work without server-side routing. */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { readonly name: 'storylines' }
  | { readonly name: 'story'; readonly id: string }
  | { readonly name: 'article'; readonly id: string; readonly paragraph: number | null; readonly terms: string }
  | { readonly name: 'search'; readonly q: string }
  | { readonly name: 'missing'; readonly path: string };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = raw.split('?', 2);
  const params = new URLSearchParams(query);
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  if (parts.length === 0) return { name: 'storylines' };
  if (parts[0] === 'story' && parts[1]) return { name: 'story', id: parts[1] };
  if (parts[0] === 'article' && parts[1]) {
    const p = Number.parseInt(params.get('p') ?? '', 10);
    return { name: 'article', id: parts[1], paragraph: Number.isFinite(p) && p >= 0 ? p : null, terms: params.get('q') ?? '' };
  }
  if (parts[0] === 'search') return { name: 'search', q: params.get('q') ?? '' };
  return { name: 'missing', path };
}

const enc = encodeURIComponent;

/** Link builders, so every view agrees on the route shapes. */
export const href = {
  storylines: () => '#/',
  story: (id: string) => `#/story/${enc(id)}`,
  article: (id: string, opts: { paragraph?: number; terms?: string } = {}) => {
    const q = new URLSearchParams();
    if (opts.paragraph !== undefined) q.set('p', String(opts.paragraph));
    if (opts.terms) q.set('q', opts.terms);
    const s = q.toString();
    return `#/article/${enc(id)}${s ? `?${s}` : ''}`;
  },
  search: (q: string) => `#/search?${new URLSearchParams({ q }).toString()}`,
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

import { h, type JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { Pager, PageTitle, Status } from '../components/common.js';
import { formatDate } from '../format.js';
import { href } from '../router.js';
import { useLoad } from '../use-load.js';

/** Results per page. */
const PAGE_SIZE = 20;

export function SearchView({ q, version }: { q: string; version: number }): JSX.Element {
  const [offset, setOffset] = useState(0);
  const state = useLoad((sig) => (q ? api.search(q, offset, PAGE_SIZE, sig) : Promise.resolve(null)), [q, offset, version]);
  const r = state.data;
  return h(
    'section',
    null,
    h(PageTitle, null, q ? `Search: ${q}` : 'Search'),
    h(Status, { state, what: 'results' }),
    r ? h('p', { class: 'muted' }, `${r.total} ${r.total === 1 ? 'article matches' : 'articles match'}.`) : null,
    r
      ? h(
          'ol',
          { class: 'cards results', 'aria-label': 'Search results' },
          r.items.map((hit) =>
            h(
              'li',
              { class: 'card', key: hit.id },
              h('h2', null, h('a', { href: href.article(hit.id, { terms: q }), dir: 'auto' }, hit.title)),
              h('p', { class: 'muted', dir: 'auto' }, `${hit.outlet ?? 'Unknown outlet'} · ${formatDate(hit.published)}`),
              h(
                'p',
                { class: 'snippet', dir: 'auto' },
                hit.snippet.map((s, i) => (s.hit ? h('mark', { key: i }, s.text) : s.text)),
              ),
            ),
          ),
        )
      : null,
    r ? h(Pager, { offset, limit: PAGE_SIZE, total: r.total, onPage: setOffset }) : null,
  );
}

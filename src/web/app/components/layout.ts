import { type ComponentChildren, h, type JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { LiveEvent } from '../../../api/live.js';
import { href } from '../router.js';

/** Header with navigation and search, the live-update notices, and the page. */
export function Layout(props: { children?: ComponentChildren; q: string; notices: readonly LiveEvent[]; connected: boolean }): JSX.Element {
  const [q, setQ] = useState(props.q);
  const submit = (e: Event) => {
    e.preventDefault();
    if (q.trim()) location.hash = href.search(q.trim());
  };
  return h(
    'div',
    { class: 'shell' },
    h('a', { class: 'skip', href: '#main' }, 'Skip to content'),
    h(
      'header',
      { class: 'top' },
      h('a', { class: 'brand', href: href.storylines() }, 'Storyline'),
      h(
        'form',
        { class: 'search', role: 'search', onSubmit: submit },
        h('label', { for: 'q', class: 'visually-hidden' }, 'Search articles'),
        h('input', {
          id: 'q',
          type: 'search',
          name: 'q',
          placeholder: 'Search articles',
          value: q,
          onInput: (e: Event) => setQ((e.target as HTMLInputElement).value),
          autocomplete: 'off',
        }),
        h('button', { type: 'submit' }, 'Search'),
      ),
      h(
        'span',
        { class: `live-dot ${props.connected ? 'on' : 'off'}`, title: props.connected ? 'Live updates on' : 'Live updates reconnecting' },
        props.connected ? 'Live' : 'Offline',
      ),
    ),
    h(
      'div',
      { class: 'notices', role: 'status', 'aria-live': 'polite' },
      props.notices.map((n, i) =>
        n.type === 'article'
          ? h(
              'p',
              { class: 'notice', key: `${n.id}-${i}` },
              'New article: ',
              h('a', { href: href.article(n.id), dir: 'auto' }, n.title),
              n.outlet ? h('span', { class: 'muted', dir: 'auto' }, ` — ${n.outlet}`) : null,
            )
          : h('p', { class: 'notice', key: `batch-${i}` }, `${n.count} new articles stored`),
      ),
    ),
    h('main', { id: 'main' }, props.children),
    h('footer', { class: 'foot' }, h('a', { href: '/api' }, 'API reference'), ' · ', h('a', { href: '/openapi.json' }, 'OpenAPI')),
  );
}

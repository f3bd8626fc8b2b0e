import { h, type JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, type StorySummary } from '../api.js';
import { Badge, Pager, PageTitle, Status } from '../components/common.js';
import { formatDate, plural, relativeTime } from '../format.js';
import { href } from '../router.js';
import { useLoad } from '../use-load.js';

/** Storylines per page in the list. */
const PAGE_SIZE = 20;

function StoryCard({ s }: { s: StorySummary }): JSX.Element {
  const span =
    s.firstPublished && s.lastPublished && s.firstPublished.slice(0, 10) !== s.lastPublished.slice(0, 10)
      ? `${formatDate(s.firstPublished)} – ${formatDate(s.lastPublished)}`
      : formatDate(s.lastPublished);
  return h(
    'li',
    { class: 'card story-card' },
    h('h2', null, h('a', { href: href.story(s.id), dir: 'auto' }, s.title)),
    h(
      'p',
      { class: 'stats' },
      h(Badge, { kind: 'sources', title: 'Outlets reporting it, not counting copies of other articles' }, plural(s.independentSources, 'independent source')),
      ' ',
      h('span', null, `${plural(s.articles, 'article')} · ${plural(s.events, 'event')} · ${plural(s.outlets, 'outlet')}`),
    ),
    h('p', { class: 'fresh muted' }, `Latest report ${span} · updated `, h('time', { dateTime: s.lastIngested ?? '' }, relativeTime(s.lastIngested))),
  );
}

export function StorylinesView({ version }: { version: number }): JSX.Element {
  const [offset, setOffset] = useState(0);
  const state = useLoad((sig) => api.storylines(offset, PAGE_SIZE, sig), [offset, version]);
  const data = state.data;
  return h(
    'section',
    null,
    h(PageTitle, null, 'Storylines'),
    h(Status, { state, what: 'storylines' }),
    data && data.total === 0 ? h('p', null, 'No storylines yet. Ingest some articles: ', h('code', null, 'storyline ingest <folder>'), '.') : null,
    data
      ? h(
          'ol',
          { class: 'cards', 'aria-label': 'Storylines' },
          data.items.map((s) => h(StoryCard, { s, key: s.id })),
        )
      : null,
    data ? h(Pager, { offset, limit: PAGE_SIZE, total: data.total, onPage: setOffset }) : null,
  );
}

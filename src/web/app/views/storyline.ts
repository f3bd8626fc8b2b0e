import { h, type JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, type EventDetail, type StoryView } from '../api.js';
import { Badge, PageTitle, Status } from '../components/common.js';
import { formatDate, plural, relativeTime } from '../format.js';
import { storylinePanels } from '../panels/index.js';
import { href } from '../router.js';
import { useLoad } from '../use-load.js';

type Ev = StoryView['events'][number];
type Art = Ev['articles'][number];

function ArticleItem({ a }: { a: Art }): JSX.Element {
  return h(
    'li',
    { class: 'member' },
    h(
      'p',
      { class: 'member-head' },
      h('a', { href: href.article(a.id), dir: 'auto' }, a.title),
      ' ',
      h('span', { class: 'muted', dir: 'auto' }, `${a.outlet ?? 'unknown outlet'} · ${formatDate(a.published)}`),
      a.copyOf ? h(Badge, { kind: `copy`, title: `This article is a ${a.copyOf.kind} copy of another stored article` }, `${a.copyOf.kind} copy`) : null,
    ),
    a.passage
      ? h(
          'blockquote',
          { class: 'passage', dir: 'auto' },
          h('p', null, a.passage.excerpt),
          h(
            'a',
            { class: 'cite', href: href.article(a.id, { paragraph: a.passage.paragraph }) },
            `Read this passage in context (paragraph ${a.passage.paragraph + 1})`,
          ),
        )
      : null,
  );
}

/** The rest of a large event's articles, loaded on request (titles only). */
function MoreArticles({ e }: { e: Ev }): JSX.Element {
  const [rest, setRest] = useState<EventDetail['articles'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = new Set(e.articles.map((a) => a.id));
  if (rest) {
    return h(
      'ul',
      { class: 'more' },
      rest
        .filter((a) => !shown.has(a.id))
        .map((a) =>
          h(
            'li',
            { key: a.id },
            h('a', { href: href.article(a.id), dir: 'auto' }, a.title),
            ' ',
            h('span', { class: 'muted', dir: 'auto' }, `${a.outlet ?? 'unknown outlet'} · ${formatDate(a.published)}`),
          ),
        ),
    );
  }
  const load = () =>
    api.event(e.id).then(
      (d) => setRest(d.articles),
      (err: Error) => setError(err.message),
    );
  return h(
    'p',
    null,
    h('button', { type: 'button', class: 'secondary', onClick: load }, `Show all ${e.articleCount} articles`),
    error ? h('span', { class: 'error', role: 'alert' }, ` ${error}`) : null,
  );
}

function EventItem({ e }: { e: Ev }): JSX.Element {
  return h(
    'li',
    { class: 'event' },
    h('h3', null, h('time', { dateTime: e.date ?? '' }, formatDate(e.date)), ' ', h('span', { dir: 'auto' }, e.title)),
    h(
      'ul',
      { class: 'members' },
      e.articles.map((a) => h(ArticleItem, { a, key: a.id })),
    ),
    e.articleCount > e.articles.length ? h(MoreArticles, { e }) : null,
  );
}

function panels(where: 'before' | 'after', storyId: string, version: number): JSX.Element[] {
  return storylinePanels
    .filter((p) => (p.placement ?? 'after') === where)
    .map((p) =>
      h(
        'section',
        { class: `panel panel-${p.name}`, key: p.name, 'aria-labelledby': `${p.name}-h` },
        h('h2', { id: `${p.name}-h` }, p.title),
        h(p.component, { storyId, version }),
      ),
    );
}

export function StorylineView({ id, version }: { id: string; version: number }): JSX.Element {
  const state = useLoad((sig) => api.storyline(id, sig), [id, version]);
  const v = state.data;
  return h(
    'article',
    { class: 'storyline' },
    h(Status, { state, what: 'the storyline' }),
    v
      ? [
          h(PageTitle, { key: 'title' }, v.story.title),
          h(
            'p',
            { class: 'stats', key: 'stats' },
            h(Badge, { kind: 'sources', title: 'Outlets reporting it, not counting copies' }, plural(v.story.independentSources, 'independent source')),
            ' ',
            `${plural(v.story.articles, 'article')} from ${plural(v.story.outlets, 'outlet')} · ${plural(v.story.events, 'event')} · updated ${relativeTime(v.story.lastIngested)}`,
          ),
          ...panels('before', id, version),
          h(
            'section',
            { class: 'panel', key: 'events', 'aria-labelledby': 'events-h' },
            h('h2', { id: 'events-h' }, 'Events'),
            h(
              'ol',
              { class: 'events' },
              v.events.map((e) => h(EventItem, { e, key: e.id })),
            ),
          ),
          ...panels('after', id, version),
        ]
      : null,
  );
}

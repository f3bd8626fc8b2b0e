import { h, type JSX } from 'preact';
import type { SpeakerQuotes } from '../../../api/sections/quotes.js';
import { api } from '../api.js';
import { Status } from '../components/common.js';
import { formatDate, plural } from '../format.js';
import { href } from '../router.js';
import { useLoad } from '../use-load.js';
import type { StorylinePanel } from './types.js';

/** Speakers listed before "show all". */
const SPEAKERS_SHOWN = 8;

function Speaker({ s }: { s: SpeakerQuotes }): JSX.Element {
  return h(
    'li',
    { class: 'speaker' },
    h(
      'details',
      null,
      h(
        'summary',
        null,
        h('strong', { dir: 'auto' }, s.speaker || 'Unattributed'),
        s.names.length ? h('span', { class: 'muted', dir: 'auto' }, ` (also “${s.names.join('”, “')}”)`) : null,
        ` · ${plural(s.quotes.length, 'quote')}`,
      ),
      h(
        'ul',
        null,
        s.quotes.map((q, i) =>
          h(
            'li',
            { key: i, class: `quote quote-${q.type}` },
            q.type === 'direct' ? h('q', { dir: 'auto' }, q.text) : h('span', { dir: 'auto', class: 'paraphrase' }, q.text),
            ' ',
            h(
              'a',
              { class: 'citation', href: href.article(q.articleId, { paragraph: q.paragraph }) },
              `[${q.outlet}${q.published ? `, ${formatDate(q.published)}` : ''}]`,
            ),
            q.type === 'indirect' ? h('span', { class: 'muted' }, ' (paraphrase)') : null,
          ),
        ),
      ),
    ),
  );
}

function QuotesPanel({ storyId, version }: { storyId: string; version: number }): JSX.Element {
  const state = useLoad((sig) => api.section<{ speakers: SpeakerQuotes[] }>(storyId, 'quotes', sig), [storyId, version]);
  const d = state.data;
  return h(
    'div',
    null,
    h(Status, { state, what: 'quotes' }),
    d && d.speakers.length === 0 ? h('p', null, 'No quotes found.') : null,
    d
      ? h(
          'ul',
          { class: 'speakers' },
          d.speakers.slice(0, SPEAKERS_SHOWN).map((s) => h(Speaker, { s, key: s.key })),
        )
      : null,
    d && d.speakers.length > SPEAKERS_SHOWN
      ? h(
          'details',
          null,
          h('summary', null, `${d.speakers.length - SPEAKERS_SHOWN} more speakers`),
          h(
            'ul',
            { class: 'speakers' },
            d.speakers.slice(SPEAKERS_SHOWN).map((s) => h(Speaker, { s, key: s.key })),
          ),
        )
      : null,
  );
}

export const quotesPanel: StorylinePanel = { name: 'quotes', title: 'Quotes by speaker', component: QuotesPanel };

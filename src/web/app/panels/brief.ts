import { h, type JSX } from 'preact';
import type { SourceIndex } from '../../../api/internal/source-index.js';
import type { Brief, BriefSentence } from '../../../compare/index.js';
import { api } from '../api.js';
import { Citations } from '../components/cite.js';
import { Status } from '../components/common.js';
import { useLoad } from '../use-load.js';
import type { StorylinePanel } from './types.js';

type BriefData = Brief & { sources: SourceIndex };
/** Brief sections shown here; the timeline and coverage have their own panels. */
const SHOWN = new Set(['what-happened', 'key-numbers', 'who-said-what', 'differences']);
/** Items per section before "show more"; a brief should read in a minute. */
const ITEMS_SHOWN = 6;

function Sentence({ s, sources }: { s: BriefSentence; sources: SourceIndex }): JSX.Element {
  return h(
    'li',
    { dir: 'auto' },
    s.label ? h('span', { class: 'label' }, `${s.label}: `) : null,
    s.text,
    ' ',
    h(Citations, { citations: s.citations, sources }),
  );
}

function BriefPanel({ storyId, version }: { storyId: string; version: number }): JSX.Element {
  const state = useLoad((sig) => api.section<BriefData>(storyId, 'brief', sig), [storyId, version]);
  const b = state.data;
  return h(
    'div',
    { class: 'brief' },
    h(Status, { state, what: 'the brief' }),
    b?.headline
      ? h('p', { class: 'headline', dir: 'auto' }, b.headline.text, ' ', h(Citations, { citations: b.headline.citations, sources: b.sources }))
      : null,
    b
      ? b.sections
          .filter((sec) => SHOWN.has(sec.key) && sec.items.length > 0)
          .map((sec) =>
            h(
              'div',
              { key: sec.key, class: `brief-section brief-${sec.key}` },
              h('h3', null, sec.title),
              h(
                'ul',
                null,
                sec.items.slice(0, ITEMS_SHOWN).map((s, i) => h(Sentence, { s, sources: b.sources, key: i })),
              ),
              sec.items.length > ITEMS_SHOWN
                ? h(
                    'details',
                    null,
                    h('summary', null, `${sec.items.length - ITEMS_SHOWN} more`),
                    h(
                      'ul',
                      null,
                      sec.items.slice(ITEMS_SHOWN).map((s, i) => h(Sentence, { s, sources: b.sources, key: i })),
                    ),
                  )
                : null,
            ),
          )
      : null,
  );
}

export const briefPanel: StorylinePanel = { name: 'brief', title: 'Brief', placement: 'before', component: BriefPanel };

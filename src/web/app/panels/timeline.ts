import { h, type JSX } from 'preact';
import type { SourceIndex } from '../../../api/internal/source-index.js';
import type { Timeline } from '../../../compare/index.js';
import { api } from '../api.js';
import { Citations } from '../components/cite.js';
import { Badge, Status } from '../components/common.js';
import { formatDate, plural } from '../format.js';
import { useLoad } from '../use-load.js';
import type { StorylinePanel } from './types.js';

type TimelineData = Timeline & { sources: SourceIndex };
type Entry = Timeline['entries'][number];

/** Axis geometry in SVG user units (the SVG scales down to the container). */
const AXIS_W = 640;
const AXIS_H = 56;
const PAD = 16;
const DAY_MS = 86_400_000;

/** Dated event entries on a time axis; background facts (often years earlier) stay in the list only. */
function Axis({ entries }: { entries: readonly Entry[] }): JSX.Element | null {
  const dated = entries
    .filter((e) => e.kind === 'event' && e.date)
    .map((e) => ({ e, t: Date.parse(e.date ?? '') }))
    .filter((x) => Number.isFinite(x.t));
  if (dated.length < 2) return null;
  const min = Math.min(...dated.map((d) => d.t));
  const max = Math.max(...dated.map((d) => d.t));
  const span = Math.max(DAY_MS, max - min);
  const x = (t: number) => PAD + ((t - min) / span) * (AXIS_W - 2 * PAD);
  return h(
    'svg',
    {
      class: 'axis',
      viewBox: `0 0 ${AXIS_W} ${AXIS_H}`,
      width: AXIS_W,
      height: AXIS_H,
      role: 'img',
      'aria-label': `Time line from ${formatDate(new Date(min).toISOString())} to ${formatDate(new Date(max).toISOString())}`,
    },
    h('line', { x1: PAD, y1: AXIS_H / 2, x2: AXIS_W - PAD, y2: AXIS_H / 2, class: 'axis-line' }),
    dated.map(({ e, t }, i) =>
      h(
        'circle',
        { key: i, cx: x(t), cy: AXIS_H / 2, r: 4 + Math.min(6, e.independentSources), class: 'axis-dot' },
        h('title', null, `${formatDate(e.date)}: ${e.title}`),
      ),
    ),
    h('text', { x: PAD, y: AXIS_H - 4, class: 'axis-label' }, formatDate(new Date(min).toISOString())),
    h('text', { x: AXIS_W - PAD, y: AXIS_H - 4, class: 'axis-label', 'text-anchor': 'end' }, formatDate(new Date(max).toISOString())),
  );
}

function TimelinePanel({ storyId, version }: { storyId: string; version: number }): JSX.Element {
  const state = useLoad((sig) => api.section<TimelineData>(storyId, 'timeline', sig), [storyId, version]);
  const t = state.data;
  return h(
    'div',
    null,
    h(Status, { state, what: 'the timeline' }),
    t ? h(Axis, { entries: t.entries }) : null,
    t
      ? h(
          'ol',
          { class: 'timeline' },
          t.entries.map((e, i) =>
            h(
              'li',
              { key: i, class: `tl-${e.kind}` },
              h('time', { dateTime: e.date ?? '' }, e.date ? formatDate(e.date) : 'undated'),
              ' ',
              e.kind === 'background' ? h(Badge, { kind: 'rule' }, 'background') : null,
              h('span', { dir: 'auto' }, e.title),
              ' ',
              h(Badge, { kind: 'sources' }, plural(e.independentSources, 'source')),
              ' ',
              e.citation ? h(Citations, { citations: [e.citation], sources: t.sources }) : null,
            ),
          ),
        )
      : null,
  );
}

export const timelinePanel: StorylinePanel = { name: 'timeline', title: 'Timeline', placement: 'before', component: TimelinePanel };

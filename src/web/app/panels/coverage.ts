import { h, type JSX } from 'preact';
import { api, type Coverage } from '../api.js';
import { Status } from '../components/common.js';
import { formatDate, plural } from '../format.js';
import { useLoad } from '../use-load.js';
import type { StorylinePanel } from './types.js';

/** Chart geometry in SVG user units; the SVG scales to its container's width. */
const BAR_WIDTH = 24;
const BAR_GAP = 8;
const CHART_HEIGHT = 120;
const LABEL_SPACE = 24;
/** Room left of the first bar so its centred date label is not cut off. */
const LEFT_PAD = 12;

function Chart({ data }: { data: Coverage }): JSX.Element {
  const days = data.days;
  const max = Math.max(1, ...days.map((d) => d.articles));
  const width = LEFT_PAD * 2 + Math.max(days.length * (BAR_WIDTH + BAR_GAP), BAR_WIDTH * 4);
  const summary = days.map((d) => `${formatDate(d.day)}: ${plural(d.articles, 'article')}`).join('; ');
  return h(
    'figure',
    { class: 'chart' },
    h(
      'svg',
      {
        viewBox: `0 0 ${width} ${CHART_HEIGHT + LABEL_SPACE}`,
        width,
        height: CHART_HEIGHT + LABEL_SPACE,
        role: 'img',
        'aria-labelledby': 'cov-title cov-desc',
        preserveAspectRatio: 'xMinYMin meet',
      },
      h('title', { id: 'cov-title' }, 'Articles per day'),
      h('desc', { id: 'cov-desc' }, summary),
      days.map((d, i) => {
        const hgt = Math.max(2, (d.articles / max) * (CHART_HEIGHT - 16));
        const x = LEFT_PAD + i * (BAR_WIDTH + BAR_GAP);
        return h(
          'g',
          { key: d.day },
          h(
            'rect',
            { x, y: CHART_HEIGHT - hgt, width: BAR_WIDTH, height: hgt, class: 'bar' },
            h('title', null, `${formatDate(d.day)}: ${plural(d.articles, 'article')}, ${plural(d.outlets, 'outlet')}`),
          ),
          h('text', { x: x + BAR_WIDTH / 2, y: CHART_HEIGHT - hgt - 4, 'text-anchor': 'middle', class: 'bar-value' }, String(d.articles)),
          h('text', { x: x + BAR_WIDTH / 2, y: CHART_HEIGHT + 14, 'text-anchor': 'middle', class: 'bar-label' }, d.day.slice(5)),
        );
      }),
    ),
    h(
      'figcaption',
      { class: 'muted' },
      `Articles per publication day (month-day).${data.undated ? ` ${plural(data.undated, 'undated article')} not shown.` : ''}`,
    ),
  );
}

function CoveragePanel({ storyId, version }: { storyId: string; version: number }): JSX.Element {
  const state = useLoad((sig) => api.section<Coverage>(storyId, 'coverage', sig), [storyId, version]);
  return h(
    'div',
    null,
    h(Status, { state, what: 'coverage' }),
    state.data ? (state.data.days.length ? h(Chart, { data: state.data }) : h('p', null, 'No dated articles.')) : null,
  );
}

export const coveragePanel: StorylinePanel = { name: 'coverage', title: 'Coverage over time', component: CoveragePanel };

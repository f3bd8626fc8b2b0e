import { type ComponentChildren, h, type JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Loaded } from '../use-load.js';

/** Page heading that takes focus when the page changes, so keyboard and screen-reader users start at the top. */
export function PageTitle(props: { children?: ComponentChildren }): JSX.Element {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  // The window title follows the page, for tabs, history and screen readers.
  useEffect(() => {
    const text = ref.current?.textContent?.trim();
    document.title = text ? `${text} · Storyline` : 'Storyline';
  });
  return h('h1', { ref, tabIndex: -1, dir: 'auto', class: 'page-title' }, props.children);
}

/** Loading and error states shared by every view. */
export function Status<T>(props: { state: Loaded<T>; what: string }): JSX.Element | null {
  const { state, what } = props;
  if (state.error) return h('p', { class: 'error', role: 'alert' }, `Could not load ${what}: ${state.error.message}`);
  if (state.loading && !state.data) return h('p', { class: 'loading', 'aria-busy': 'true' }, `Loading ${what}…`);
  return null;
}

export function Badge(props: { kind: string; children?: ComponentChildren; title?: string }): JSX.Element {
  return h('span', { class: `badge badge-${props.kind}`, title: props.title }, props.children);
}

/** Previous / next links for a paginated list. */
export function Pager(props: { offset: number; limit: number; total: number; onPage: (offset: number) => void }): JSX.Element | null {
  const { offset, limit, total, onPage } = props;
  if (total <= limit) return null;
  const last = Math.min(total, offset + limit);
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    h('button', { type: 'button', disabled: offset === 0, onClick: () => onPage(Math.max(0, offset - limit)) }, '← Previous'),
    h('span', null, `${offset + 1}–${last} of ${total}`),
    h('button', { type: 'button', disabled: last >= total, onClick: () => onPage(offset + limit) }, 'Next →'),
  );
}

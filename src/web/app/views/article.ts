import { h, type JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { Badge, PageTitle, Status } from '../components/common.js';
import { termsOf } from '../components/highlight.js';
import { markedText, type Range, termRanges } from '../components/marked-text.js';
import { formatDate, safeExternalUrl } from '../format.js';
import { href } from '../router.js';
import { useLoad } from '../use-load.js';

type HighlightKind = 'entity' | 'quote' | 'number';
const HIGHLIGHT_KINDS: readonly HighlightKind[] = ['entity', 'quote', 'number'];
const KIND_LABEL: Readonly<Record<HighlightKind, string>> = { entity: 'entities', quote: 'quotes', number: 'numbers' };

export function ArticleView({ id, paragraph, terms }: { id: string; paragraph: number | null; terms: string }): JSX.Element {
  const state = useLoad((sig) => api.article(id, sig), [id]);
  const marks = useLoad((sig) => api.highlights(id, sig), [id]);
  const [showRemoved, setShowRemoved] = useState(false);
  const [kinds, setKinds] = useState<Record<HighlightKind, boolean>>({ entity: true, quote: true, number: true });
  const a = state.data;
  const words = termsOf(terms);

  // Bring the cited passage into view once the text is there.
  useEffect(() => {
    if (!a || paragraph === null) return;
    const el = document.getElementById(`p-${paragraph}`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [a, paragraph]);

  if (!a) return h(Status, { state, what: 'the article' }) ?? h('p', null, '');
  const original = safeExternalUrl(a.url);
  const byParagraph = new Map<number, Range[]>();
  for (const m of marks.data?.highlights ?? []) {
    if (!kinds[m.kind]) continue;
    const list = byParagraph.get(m.paragraph) ?? [];
    list.push(m);
    byParagraph.set(m.paragraph, list);
  }
  const counts: Record<string, number> = {};
  for (const m of marks.data?.highlights ?? []) counts[m.kind] = (counts[m.kind] ?? 0) + 1;
  return h(
    'article',
    { class: 'article', lang: a.language ?? undefined },
    h(PageTitle, null, a.title),
    h(
      'p',
      { class: 'byline muted' },
      h('span', { dir: 'auto' }, a.outlet ?? 'Unknown outlet'),
      a.author ? h('span', { dir: 'auto' }, ` · ${a.author}`) : null,
      ` · ${formatDate(a.published)}`,
      a.language ? ` · ${a.language}` : null,
    ),
    h(
      'p',
      { class: 'links' },
      a.storyId ? h('a', { href: href.story(a.storyId) }, '← Storyline') : null,
      original ? h('a', { href: original, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'Original page ↗') : null,
    ),
    a.duplicates.length
      ? h(
          'ul',
          { class: 'copies' },
          a.duplicates.map((d) =>
            h(
              'li',
              { key: `${d.a}-${d.b}` },
              h(Badge, { kind: 'copy' }, d.kind),
              d.b === a.id ? ' Copy of ' : ' Copied by ',
              h('a', { href: href.article(d.b === a.id ? d.a : d.b) }, 'this article'),
            ),
          ),
        )
      : null,
    h(
      'div',
      { class: 'toolbar' },
      h(
        'fieldset',
        { class: 'kinds' },
        h('legend', null, 'Highlight'),
        HIGHLIGHT_KINDS.map((k) =>
          h(
            'label',
            { key: k, class: `kind-${k}` },
            h('input', { type: 'checkbox', checked: kinds[k], onChange: () => setKinds({ ...kinds, [k]: !kinds[k] }) }),
            ` ${KIND_LABEL[k]} (${counts[k] ?? 0})`,
          ),
        ),
        marks.loading && !marks.data ? h('span', { class: 'muted' }, ' loading…') : null,
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'toggle-removed',
          'aria-pressed': showRemoved,
          'aria-controls': 'removed',
          onClick: () => setShowRemoved(!showRemoved),
          disabled: a.removed.length === 0,
        },
        a.removed.length === 0 ? 'No boilerplate was removed' : `${showRemoved ? 'Hide' : 'Show'} removed boilerplate (${a.removed.length})`,
      ),
    ),
    showRemoved
      ? h(
          'section',
          { id: 'removed', class: 'removed', 'aria-label': 'Text removed by cleaning' },
          h('h2', null, 'Removed by cleaning'),
          h(
            'ol',
            null,
            a.removed.map((b, i) =>
              h('li', { key: i }, h(Badge, { kind: 'rule', title: b.reason }, b.rule), ' ', h('span', { class: 'removed-text', dir: 'auto' }, b.text)),
            ),
          ),
        )
      : null,
    h(
      'div',
      { class: 'text', dir: 'auto' },
      a.paragraphs.map((p, i) =>
        h(
          'p',
          { key: i, id: `p-${i}`, tabIndex: paragraph === i ? -1 : undefined, class: paragraph === i ? 'cited' : undefined, dir: 'auto' },
          paragraph === i ? h('span', { class: 'visually-hidden' }, 'Cited passage: ') : null,
          ...markedText(p, [...(byParagraph.get(i) ?? []), ...termRanges(p, words)]),
        ),
      ),
    ),
  );
}

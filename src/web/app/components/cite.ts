import { h, type JSX } from 'preact';
import type { SourceIndex } from '../../../api/internal/source-index.js';
import type { Citation } from '../../../compare/index.js';
import { formatDate } from '../format.js';
import { href } from '../router.js';

/** Links to cited passages, labelled by outlet and date; each opens the article at the highlighted paragraph. */
export function Citations({ citations, sources }: { citations: readonly Citation[]; sources?: SourceIndex }): JSX.Element | null {
  if (citations.length === 0) return null;
  return h(
    'span',
    { class: 'citations' },
    citations.map((c, i) => {
      const s = sources?.[c.articleId];
      const label = s ? `${s.outlet}${s.published ? `, ${formatDate(s.published)}` : ''}` : `source ${i + 1}`;
      return h(
        'a',
        {
          key: `${c.articleId}-${c.paragraph}-${i}`,
          class: 'citation',
          href: href.article(c.articleId, { paragraph: c.paragraph }),
          title: c.text,
          dir: 'auto',
        },
        `[${label}, ¶${c.paragraph + 1}]`,
      );
    }),
  );
}

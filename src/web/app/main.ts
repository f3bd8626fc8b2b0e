import { h, type JSX, render } from 'preact';
import { PageTitle } from './components/common.js';
import { Layout } from './components/layout.js';
import { useLive } from './live.js';
import { href, useRoute } from './router.js';
import { ArticleView } from './views/article.js';
import { SearchView } from './views/search.js';
import { StorylineView } from './views/storyline.js';
import { StorylinesView } from './views/storylines.js';

function App(): JSX.Element {
  const route = useRoute();
  const live = useLive();
  let page: JSX.Element;
  switch (route.name) {
    case 'storylines':
      page = h(StorylinesView, { version: live.version });
      break;
    case 'story':
      page = h(StorylineView, { id: route.id, version: live.version, key: route.id });
      break;
    case 'article':
      page = h(ArticleView, { id: route.id, paragraph: route.paragraph, terms: route.terms, key: `${route.id}?${route.paragraph}` });
      break;
    case 'search':
      page = h(SearchView, { q: route.q, version: live.version, key: route.q });
      break;
    default:
      page = h('section', null, h(PageTitle, null, 'Page not found'), h('p', null, h('a', { href: href.storylines() }, 'Back to the storylines')));
  }
  return h(Layout, { q: route.name === 'search' ? route.q : '', notices: live.notices, connected: live.connected }, page);
}

const root = document.getElementById('app');
if (root) render(h(App, null), root);

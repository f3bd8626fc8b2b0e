import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ARTICLES, fixtureServer, json } from './fixtures.js';

type Page<T> = { items: T[]; total: number; limit: number; offset: number; next: number | null };
type Story = { id: string; title: string; articles: number; outlets: number; independentSources: number; lastPublished: string | null };

const { app, db } = fixtureServer();
after(() => app.close());

const get = async <T>(url: string) => {
  const r = await app.inject({ url });
  assert.equal(r.statusCode, 200, `${url}: ${r.body}`);
  return json<T>(r.body);
};

describe('storylines', () => {
  test('list counts articles, outlets and independent sources (copies excluded)', async () => {
    const page = await get<Page<Story>>('/api/storylines');
    assert.equal(page.total, page.items.length);
    const totalArticles = page.items.reduce((n, s) => n + s.articles, 0);
    assert.equal(totalArticles, ARTICLES.length + 1);
    const copyId = (db.prepare('SELECT b FROM duplicates').get() as { b: string }).b;
    const withCopy = page.items.find((s) =>
      db.prepare('SELECT 1 FROM article_events ae JOIN events e ON e.id = ae.event_id WHERE e.story_id = ? AND ae.article_id = ?').get(s.id, copyId),
    );
    assert.ok(withCopy, 'the copy belongs to a storyline');
    assert.equal(withCopy.independentSources, withCopy.outlets - 1, 'the copying outlet is not independent');
    for (const s of page.items) assert.ok(s.independentSources <= s.outlets);
  });

  test('storyline page lists events with articles, copies marked and a cited passage each', async () => {
    const page = await get<Page<Story>>('/api/storylines?order=size');
    const big = page.items[0];
    assert.ok(big);
    const view = await get<{ story: Story; events: { articles: { id: string; copyOf: unknown; passage: { paragraph: number; excerpt: string } | null }[] }[] }>(
      `/api/storylines/${big.id}`,
    );
    assert.equal(view.story.id, big.id);
    const arts = view.events.flatMap((e) => e.articles);
    assert.equal(arts.length, big.articles);
    assert.ok(arts.some((a) => a.copyOf !== null));
    for (const a of arts) {
      assert.ok(a.passage, 'every article has a passage');
      const full = json<{ paragraphs: string[] }>((await app.inject({ url: `/api/articles/${a.id}` })).body);
      const cited = full.paragraphs[a.passage.paragraph] ?? '';
      assert.ok(cited.startsWith(a.passage.excerpt.replace(/…$/, '')), 'the excerpt is the start of the cited paragraph');
    }
  });

  test('coverage counts dated articles per day; provenance graph has the copy edge', async () => {
    const page = await get<Page<Story>>('/api/storylines?order=size');
    const id = page.items[0]?.id ?? '';
    const cov = await get<{ days: { day: string; articles: number }[]; undated: number }>(`/api/storylines/${id}/coverage`);
    assert.equal(cov.days.reduce((n, d) => n + d.articles, 0) + cov.undated, page.items[0]?.articles);
    assert.deepEqual(
      [...cov.days].map((d) => d.day),
      [...cov.days].map((d) => d.day).sort(),
    );
    const g = await get<{ nodes: { id: string }[]; edges: { from: string; to: string; kind: string }[] }>(`/api/storylines/${id}/provenance`);
    assert.equal(g.edges.length, 1);
    assert.equal(g.edges[0]?.kind, 'exact');
    const ids = new Set(g.nodes.map((n) => n.id));
    assert.ok(ids.has(g.edges[0]?.from ?? '') && ids.has(g.edges[0]?.to ?? ''));
  });
});

describe('pagination', () => {
  const cases = [
    { url: '/api/articles?limit=2', items: 2, next: 2 },
    { url: '/api/articles?limit=2&offset=2', items: 2, next: null },
    { url: '/api/articles?limit=2&offset=10', items: 0, next: null },
    { url: '/api/articles?limit=100', items: 4, next: null },
  ];
  for (const c of cases) {
    test(c.url, async () => {
      const p = await get<Page<unknown>>(c.url);
      assert.equal(p.items.length, c.items);
      assert.equal(p.total, 4);
      assert.equal(p.next, c.next);
    });
  }
  test('pages do not overlap and cover everything', async () => {
    const a = await get<Page<{ id: string }>>('/api/articles?limit=3');
    const b = await get<Page<{ id: string }>>(`/api/articles?limit=3&offset=${a.next}`);
    const ids = [...a.items, ...b.items].map((x) => x.id);
    assert.equal(new Set(ids).size, 4);
  });
});

describe('articles, events, duplicates, search', () => {
  test('article detail carries text, removed blocks, placement and copy links', async () => {
    const list = await get<Page<{ id: string; outlet: string }>>('/api/articles?outlet=Copycat%20Daily');
    assert.equal(list.total, 1);
    const a = await get<{ paragraphs: string[]; removed: unknown[]; storyId: string; eventId: string; duplicates: { kind: string }[] }>(
      `/api/articles/${list.items[0]?.id}`,
    );
    assert.ok(a.paragraphs.length >= 2);
    assert.ok(Array.isArray(a.removed));
    assert.match(a.storyId, /\S/);
    assert.equal(a.duplicates[0]?.kind, 'exact');
    const ev = await get<{ id: string; articles: { id: string }[] }>(`/api/events/${a.eventId}`);
    assert.ok(ev.articles.some((x) => x.id === list.items[0]?.id));
    const evs = await get<Page<{ storyId: string }>>(`/api/events?story=${a.storyId}`);
    assert.ok(evs.items.every((e) => e.storyId === a.storyId));
  });

  test('duplicates filter by kind', async () => {
    assert.equal((await get<Page<unknown>>('/api/duplicates?kind=exact')).total, 1);
    assert.equal((await get<Page<unknown>>('/api/duplicates?kind=rewrite')).total, 0);
  });

  const searches = [
    { q: 'orchard frost', total: 1 },
    { q: 'bridge', total: 3 },
    { q: 'ferry OR bridge', total: 0 }, // every word must match: "or" is a word, not an operator
    { q: '"); DROP TABLE articles; --', total: 0 },
    { q: '***', total: 0 },
  ];
  for (const s of searches) {
    test(`search ${JSON.stringify(s.q)}`, async () => {
      const r = await get<Page<{ snippet: { text: string; hit: boolean }[] }> & { query: string }>(`/api/search?q=${encodeURIComponent(s.q)}`);
      assert.equal(r.total, s.total);
      assert.equal(r.query, s.q);
      for (const item of r.items)
        assert.ok(
          item.snippet.some((p) => p.hit),
          'snippets mark matched words',
        );
    });
  }
});

describe('ETags', () => {
  test('a matching If-None-Match gets 304 with no body; new data changes the tag', async () => {
    const first = await app.inject({ url: '/api/storylines' });
    const etag = first.headers.etag as string;
    assert.match(etag, /^"[\w-]+"$/);
    const again = await app.inject({ url: '/api/storylines', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    const weak = await app.inject({ url: '/api/storylines', headers: { 'if-none-match': `"other", W/${etag}` } });
    assert.equal(weak.statusCode, 304);
    const stale = await app.inject({ url: '/api/storylines', headers: { 'if-none-match': '"stale"' } });
    assert.equal(stale.statusCode, 200);
    db.prepare("UPDATE stories SET title = title || ' (updated)'").run();
    const changed = await app.inject({ url: '/api/storylines', headers: { 'if-none-match': etag } });
    assert.equal(changed.statusCode, 200);
    assert.notEqual(changed.headers.etag, etag);
  });
});

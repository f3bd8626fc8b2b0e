import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { storylineSections } from '../../src/api/index.js';
import { fixtureServer, json } from './fixtures.js';

const { app } = fixtureServer();
after(() => app.close());

type Citation = { articleId: string; paragraph: number; text: string };

async function biggestStory(): Promise<string> {
  const page = json<{ items: { id: string }[] }>((await app.inject({ url: '/api/storylines?order=size' })).body);
  return page.items[0]?.id ?? '';
}

async function paragraphs(id: string): Promise<string[]> {
  return json<{ paragraphs: string[] }>((await app.inject({ url: `/api/articles/${id}` })).body).paragraphs;
}

describe('storyline sections', () => {
  for (const s of storylineSections) {
    test(`${s.name}: 200 for a storyline, 404 for an unknown one, listed in OpenAPI`, async () => {
      const id = await biggestStory();
      const ok = await app.inject({ url: `/api/storylines/${id}/${s.name}` });
      assert.equal(ok.statusCode, 200, ok.body);
      const missing = await app.inject({ url: `/api/storylines/st_nope/${s.name}` });
      assert.equal(missing.statusCode, 404);
      assert.equal(json<{ error: { code: string } }>(missing.body).error.code, 'not-found');
      const doc = json<{ paths: Record<string, unknown> }>((await app.inject({ url: '/openapi.json' })).body);
      assert.ok(doc.paths[`/api/storylines/{id}/${s.name}`]);
    });
  }

  test('every brief and timeline citation points at an existing paragraph that contains the cited sentence', async () => {
    const id = await biggestStory();
    const brief = json<{
      headline: { citations: Citation[] } | null;
      sections: { items: { citations: Citation[] }[] }[];
      sources: Record<string, { outlet: string }>;
    }>((await app.inject({ url: `/api/storylines/${id}/brief` })).body);
    const timeline = json<{ entries: { citation: Citation | null }[] }>((await app.inject({ url: `/api/storylines/${id}/timeline` })).body);
    const citations = [
      ...(brief.headline?.citations ?? []),
      ...brief.sections.flatMap((s) => s.items.flatMap((i) => i.citations)),
      ...timeline.entries.flatMap((e) => (e.citation ? [e.citation] : [])),
    ];
    assert.ok(citations.length > 0, 'the brief cites something');
    for (const c of citations) {
      const ps = await paragraphs(c.articleId);
      const p = ps[c.paragraph];
      assert.ok(p !== undefined, `paragraph ${c.paragraph} of ${c.articleId} exists`);
      assert.ok(brief.sources[c.articleId], 'the cited article is labelled');
      const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
      assert.ok(squash(p).includes(squash(c.text).slice(0, 30)), 'the paragraph contains the cited sentence');
    }
  });

  test('ledger claims count independent sources no higher than their statements', async () => {
    const id = await biggestStory();
    const l = json<{
      claims: { id: string; statements: unknown[]; independentSources: number; singleSource: boolean }[];
      slots: { claims: string[]; status: string }[];
    }>((await app.inject({ url: `/api/storylines/${id}/ledger` })).body);
    const ids = new Set(l.claims.map((c) => c.id));
    for (const c of l.claims) {
      assert.ok(c.independentSources >= 1 && c.independentSources <= c.statements.length);
      assert.equal(c.singleSource, c.independentSources === 1);
    }
    for (const s of l.slots) for (const c of s.claims) assert.ok(ids.has(c), 'slots refer to listed claims');
  });

  test('quotes are grouped by speaker and point at existing paragraphs', async () => {
    const id = await biggestStory();
    const q = json<{ speakers: { key: string; quotes: { articleId: string; paragraph: number; text: string }[] }[] }>(
      (await app.inject({ url: `/api/storylines/${id}/quotes` })).body,
    );
    assert.ok(q.speakers.length > 0, 'the fixture quotes a county engineer');
    assert.equal(new Set(q.speakers.map((s) => s.key)).size, q.speakers.length, 'one group per speaker');
    for (const s of q.speakers) for (const quote of s.quotes) assert.ok((await paragraphs(quote.articleId))[quote.paragraph] !== undefined);
  });
});

describe('article highlights', () => {
  test('entity, quote and number ranges lie inside their paragraphs; unknown articles 404', async () => {
    const list = json<{ items: { id: string }[] }>((await app.inject({ url: '/api/articles?outlet=Nordvik%20Herald' })).body);
    const id = list.items[0]?.id ?? '';
    const r = await app.inject({ url: `/api/articles/${id}/highlights` });
    assert.equal(r.statusCode, 200);
    const { highlights } = json<{ highlights: { kind: string; paragraph: number; start: number; end: number; label: string }[] }>(r.body);
    const ps = await paragraphs(id);
    assert.ok(
      highlights.some((x) => x.kind === 'quote' && x.label.includes('Lars Dahl')),
      'the quote is attributed',
    );
    assert.ok(highlights.some((x) => x.kind === 'entity'));
    for (const x of highlights) {
      const p = ps[x.paragraph] ?? '';
      assert.ok(x.start >= 0 && x.end <= p.length && x.start < x.end, `${x.kind} range inside paragraph ${x.paragraph}`);
    }
    const missing = await app.inject({ url: '/api/articles/a0000000000000000/highlights' });
    assert.equal(missing.statusCode, 404);
  });
});

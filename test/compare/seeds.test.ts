/** End to end on the five real seed articles (read from ../shared at run time; skipped when absent). */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { AnnotatorChoice, Claim, CompareInput } from '../../src/compare/index.js';
import { buildBrief, buildFraming, buildLedger, buildTimeline, checkSupport, inputForArticles } from '../../src/compare/index.js';
import { ingestPaths } from '../../src/pipeline.js';
import { listArticles } from '../../src/store/articles.js';
import { openDatabase } from '../../src/store/db.js';

const shared = process.env.STORYLINE_SHARED ?? path.resolve(import.meta.dirname, '../../../shared');
const seeds = path.join(shared, 'corpus/seeds');

async function seedInput(annotator: AnnotatorChoice): Promise<{ input: CompareInput; byFile: Map<string, string> }> {
  const db = openDatabase(':memory:');
  ingestPaths(db, [seeds]);
  const articles = listArticles(db);
  const byFile = new Map(articles.map((a) => [path.basename(a.path ?? ''), a.id]));
  const input = await inputForArticles(db, { id: 'seeds', title: 'seeds', articleIds: articles.map((a) => a.id) }, { annotator });
  db.close();
  return { input, byFile };
}

for (const annotator of ['extract', 'fallback'] as const)
  test(`seeds (${annotator} annotations): plan versions, army-size positions, independent sources, framing`, async (t) => {
    if (!existsSync(seeds)) {
      t.skip(`seed corpus not found at ${seeds}`);
      return;
    }
    const { input } = await seedInput(annotator);
    if (annotator === 'extract' && input.notes.some((n) => n.includes('fallback annotator'))) {
      t.skip(`extract stage not usable: ${input.notes.join('; ')}`);
      return;
    }
    const ledger = buildLedger(input);
    const claim = (v: number) =>
      ledger.claims.find((c) => c.kind === 'number' && c.numeric === v && c.statements.some((s) => /-(point|item)/u.test(s.raw))) as Claim;

    await t.test('28-, 19- and 20-point versions are one slot, changing over time, in date order', () => {
      const [c28, c19, c20] = [claim(28), claim(19), claim(20)];
      assert.ok(c28 && c19 && c20, 'all three versions found');
      assert.equal(c28.slot, c19.slot);
      assert.equal(c19.slot, c20.slot);
      const slot = ledger.slots.find((s) => s.id === c28.slot);
      assert.ok(slot);
      assert.equal(slot.status, 'change-over-time', JSON.stringify(slot.relations));
      assert.ok(c28.time.prior, '28-point is presented as the earlier version');
      assert.ok(c19.time.date && c20.time.date && c19.time.date < c20.time.date, `19-point (${c19.time.date}) before 20-point (${c20.time.date})`);
      assert.ok(c20.time.date?.startsWith('2026-01'), `20-point dated January 2026, got ${c20.time.date}`);
      // both spellings of the 28 version ("28-point", "28-item") are aligned into one claim
      assert.ok(new Set(c28.statements.map((s) => s.raw.split('-')[1])).size >= 2);
    });

    await t.test('army-size figures are competing positions with their holders', () => {
      const numbers = ledger.claims.filter((c) => c.kind === 'number' && c.numeric !== null && c.numeric >= 100_000 && c.numeric < 1_000_000);
      const slots = ledger.slots.filter((s) => s.relations.some((r) => r.kind === 'competing-positions') && numbers.some((n) => n.slot === s.id));
      assert.equal(slots.length, 1, 'one army-size slot with competing positions');
      const held = numbers.filter((n) => n.slot === slots[0]?.id && n.holders.length > 0);
      assert.ok(held.length >= 2, 'at least two figures with a holder');
      assert.ok(new Set(held.map((h) => h.holders.join())).size >= 2, 'held by different parties');
      assert.ok(
        held.some((h) => h.attributions.length > 0),
        'the attribution to a newspaper is kept',
      );
    });

    await t.test('the December Moscow meeting counts 3 independent sources, not 4', () => {
      const december = input.articles.filter((a) => a.published && a.published < '2026-01-01').map((a) => a.id);
      assert.equal(december.length, 4, `four December reports, dates: ${JSON.stringify(input.articles.map((a) => a.published))}`);
      const timeline = buildTimeline({ ...input, events: [{ id: 'moscow', title: 'Moscow meeting', date: null, articleIds: december }] });
      const entry = timeline.entries.find((e) => e.kind === 'event');
      assert.equal(entry?.independentSources, 3);
      assert.ok(
        timeline.entries.some((e) => e.kind === 'background'),
        'earlier happenings appear as background',
      );
    });

    await t.test('the December meeting as a key-sentence claim: 4 reports, 3 independent sources; never merged with January', () => {
      const day = new Map(input.articles.map((a) => [a.id, a.published ?? '']));
      const statements = ledger.claims.filter((c) => c.kind === 'statement');
      assert.ok(statements.length > 0);
      for (const c of statements) {
        const months = new Set(c.statements.map((s) => (day.get(s.articleId) ?? '').slice(0, 7)));
        assert.ok(!(months.has('2026-01') && [...months].some((m) => m.startsWith('2025'))), `merged across meetings: ${c.value}`);
      }
      const widest = [...statements].sort((a, b) => b.statements.length - a.statements.length)[0];
      assert.equal(widest?.statements.length, 4, JSON.stringify(statements.map((c) => [c.statements.length, c.value.slice(0, 60)])));
      assert.equal(widest?.independentSources, 3);
      assert.ok(widest?.statements.every((s) => (day.get(s.articleId) ?? '') < '2026-01-01'));
    });

    await t.test('framing: descriptors of the Russian president and both spellings of the capital, by outlet', () => {
      const framing = buildFraming(input);
      const withDescriptors = framing.entities.filter(
        (e) => e.type === 'PERSON' && e.descriptors.length >= 3 && new Set(e.descriptors.flatMap((d) => d.outlets)).size >= 3,
      );
      assert.ok(withDescriptors.length >= 1, 'a person described differently by at least three outlets');
      const twoSpellings = framing.entities.filter((e) => e.spellings.length >= 2 && e.spellings.every((s) => s.outlets.length >= 1));
      const disjoint = twoSpellings.filter((e) => {
        const [a, b] = e.spellings;
        return a && b && a.outlets.some((o) => !b.outlets.includes(o));
      });
      assert.ok(
        disjoint.length >= 1,
        `an entity spelled two ways by different outlets: ${JSON.stringify(framing.entities.map((e) => e.spellings.map((s) => s.name)))}`,
      );
    });

    await t.test('every brief sentence is found in its cited passage', () => {
      const brief = buildBrief(input);
      const items = [brief.headline, ...brief.sections.flatMap((s) => s.items)].filter((x) => x !== null);
      assert.ok(items.length > 10);
      for (const s of items) {
        const passages = s.citations.map((c) => input.articles.find((a) => a.id === c.articleId)?.paragraphs[c.paragraph] ?? '');
        assert.ok(checkSupport(s.text, passages).supported, s.text);
      }
    });
  });

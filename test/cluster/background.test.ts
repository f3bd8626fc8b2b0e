/** Per-language text-cosine backgrounds: the histogram quantile, the named minimum, the scale, and its use in combine(). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BACKGROUND_BIN,
  BACKGROUND_MIN_PAIRS,
  BACKGROUND_PAIRS_PER_ARTICLE,
  BACKGROUND_REFERENCE,
  Backgrounds,
  MAX_TEXT_SCALE,
  MIN_TEXT_SCALE,
  SCALE_DEAD_ZONE,
  sampleBackgrounds,
  textScaleOf,
} from '../../src/cluster/internal/background.js';
import { combine, DEFAULT_WEIGHTS } from '../../src/cluster/internal/similarity.js';

/** A language observed `n` times at cosines spread evenly over [0, top). */
function spread(n: number, top: number, language = 'aa'): Backgrounds {
  const b = new Backgrounds();
  for (let i = 0; i < n; i++) b.observe(language, (i / n) * top);
  return b;
}

describe('textScaleOf', () => {
  const cases: { name: string; background: number | null; check: (s: number) => boolean }[] = [
    { name: 'no background: 1', background: null, check: (s) => s === 1 },
    { name: 'zero background: 1', background: 0, check: (s) => s === 1 },
    { name: 'at the reference: 1', background: BACKGROUND_REFERENCE, check: (s) => Math.abs(s - 1) < 1e-12 },
    { name: 'a lower background scales up', background: BACKGROUND_REFERENCE / 2, check: (s) => s > 1 && s < MAX_TEXT_SCALE },
    { name: 'a higher background scales down', background: BACKGROUND_REFERENCE * 2, check: (s) => s < 1 && s > MIN_TEXT_SCALE },
    { name: 'within the dead zone: 1', background: BACKGROUND_REFERENCE * Math.exp(SCALE_DEAD_ZONE), check: (s) => s === 1 },
    { name: 'clamped above', background: BACKGROUND_REFERENCE / 1000, check: (s) => s === MAX_TEXT_SCALE },
    { name: 'clamped below', background: BACKGROUND_REFERENCE * 1000, check: (s) => s === MIN_TEXT_SCALE },
  ];
  for (const c of cases) it(c.name, () => assert.ok(c.check(textScaleOf(c.background)), String(textScaleOf(c.background))));
});

describe('Backgrounds', () => {
  it('too few observations: no background, scale 1', () => {
    const b = spread(BACKGROUND_MIN_PAIRS - 1, 0.02);
    assert.equal(b.background('aa'), null);
    assert.equal(b.scale('aa'), 1);
  });

  it('unknown and missing languages: scale 1', () => {
    const b = spread(BACKGROUND_MIN_PAIRS * 2, 0.02);
    assert.equal(b.scale(null), 1);
    assert.equal(b.scale('zz'), 1);
  });

  it('the background is the 95th percentile, to one bin', () => {
    const b = spread(1000, 0.1);
    const q = b.background('aa');
    assert.ok(q !== null && Math.abs(q - 0.095) <= BACKGROUND_BIN + 1e-12, String(q));
  });

  it('a language whose unrelated pairs overlap less is scaled up, one that overlaps more down', () => {
    const b = new Backgrounds();
    for (let i = 0; i < 400; i++) {
      b.observe('low', (i / 400) * 0.02);
      b.observe('high', (i / 400) * 0.2);
    }
    assert.ok(b.scale('low') > 1);
    assert.ok(b.scale('high') < 1);
  });

  it('cosines beyond the histogram count in its last bin', () => {
    const b = spread(BACKGROUND_MIN_PAIRS, 0);
    for (let i = 0; i < BACKGROUND_MIN_PAIRS * 100; i++) b.observe('aa', 0.9);
    assert.ok((b.background('aa') ?? 0) <= 0.25 + 1e-12);
  });

  it('counts survive toJSON / from', () => {
    const b = spread(500, 0.05);
    b.observe('bb', 0.01);
    const c = Backgrounds.from(JSON.parse(JSON.stringify(b.toJSON())) as Record<string, number[]>);
    assert.equal(c.count('aa'), 500);
    assert.equal(c.count('bb'), 1);
    assert.equal(c.background('aa'), b.background('aa'));
  });
});

describe('sampleBackgrounds', () => {
  const items = [
    ...Array.from({ length: 150 }, (_, i) => ({ id: i, language: 'aa' as string | null })),
    ...Array.from({ length: 20 }, (_, i) => ({ id: 1000 + i, language: 'bb' as string | null })),
    { id: 5000, language: null },
  ];

  it('observes BACKGROUND_PAIRS_PER_ARTICLE distinct-item pairs per article of a language, none without one', () => {
    const seen: string[] = [];
    const b = sampleBackgrounds(items, (x, y) => {
      assert.notEqual(x.id, y.id);
      assert.equal(x.language, y.language);
      seen.push(String(x.language));
      return 0.01;
    });
    assert.equal(b.count('aa'), 150 * BACKGROUND_PAIRS_PER_ARTICLE);
    assert.equal(b.count('bb'), 20 * BACKGROUND_PAIRS_PER_ARTICLE);
    assert.ok(!seen.includes('null'));
  });

  it('is deterministic for a seed', () => {
    const cos = (x: { id: number }, y: { id: number }) => ((x.id * 31 + y.id * 17) % 100) / 1000;
    assert.deepEqual(sampleBackgrounds(items, cos, 400, 7).toJSON(), sampleBackgrounds(items, cos, 400, 7).toJSON());
  });
});

describe('combine with a text scale', () => {
  const parts = (text: number) => ({ text, entities: 0.1, numbers: 0, date: 0 });
  const w = DEFAULT_WEIGHTS;

  it('scale 1 is the plain total', () => {
    for (const t of [0, 0.03, 0.1, 0.3, 0.8]) assert.equal(combine(parts(t), w, false, 1), combine(parts(t), w, false));
  });

  it('a scale above 1 raises a same-language total above the floor, never lowers one', () => {
    for (const t of [0.01, 0.1, 0.3, 0.8]) assert.ok(combine(parts(t), w, false, 1.6) >= combine(parts(t), w, false));
    assert.ok(combine(parts(0.1), w, false, 1.6) > combine(parts(0.1), w, false));
  });

  it('across languages the scale is not used', () => {
    for (const t of [0.05, 0.3]) assert.equal(combine(parts(t), w, true, 1.6), combine(parts(t), w, true));
  });
});

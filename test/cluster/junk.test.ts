/** Junk bodies: a body that does not restate its headline falls back to the headline and the sentences sharing its words. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { featuresOf, JUNK_BODY_WEIGHT } from '../../src/cluster/internal/features.js';
import { JUNK_SUPPORT, judgeBody } from '../../src/cluster/internal/junk.js';
import { stems } from '../../src/cluster/internal/text.js';

// Invented texts: a report that restates its headline, and walls of site furniture in three scripts.
const TITLE = 'Harbour authority closes the northern quay after crane collapse';
const REPORT = 'The harbour authority closed the northern quay on Monday. A crane collapsed during loading, officials said. Nobody was hurt.';
const WALL = 'We use cookies to improve your experience. Accept all settings to continue reading. Manage your preferences below.';

describe('judgeBody', () => {
  const cases: { name: string; title: string; body: string; junk: boolean }[] = [
    { name: 'a report restating its headline', title: TITLE, body: REPORT, junk: false },
    { name: 'a consent wall under a headline', title: TITLE, body: WALL, junk: true },
    {
      name: 'a Cyrillic wall',
      title: 'Мэрия закрыла северный причал после обрушения крана',
      body: 'Мы используем файлы cookie. Подпишитесь, чтобы читать дальше.',
      junk: true,
    },
    {
      name: 'a Cyrillic report',
      title: 'Мэрия закрыла северный причал после обрушения крана',
      body: 'Северный причал закрыт. Мэрия сообщила об обрушении крана.',
      junk: false,
    },
    { name: 'a CJK wall', title: '北方码头起重机倒塌后关闭', body: '我们注意到您正在屏蔽广告。请关闭广告拦截器。', junk: true },
    { name: 'a CJK report', title: '北方码头起重机倒塌后关闭', body: '港务局周一关闭北方码头。起重机在装货时倒塌。', junk: false },
    { name: 'a title too short to judge', title: 'Update', body: WALL, junk: false },
    { name: 'an empty body', title: TITLE, body: '', junk: false },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(judgeBody(c.title, c.body).junk, c.junk));
  }

  it('support is the share of distinct title stems found in the body', () => {
    const titleStems = [...new Set(stems(TITLE))];
    const half = titleStems.slice(0, 3).join(' ');
    assert.equal(judgeBody(TITLE, REPORT).support > JUNK_SUPPORT, true);
    assert.equal(judgeBody(TITLE, `${half}. ${WALL}`).support, 3 / titleStems.length);
  });

  it('keeps the sentences of a junk body that share a title word, drops the rest', () => {
    const v = judgeBody(TITLE, `${WALL} The crane was forty metres tall. ${WALL}`, 0.5);
    assert.equal(v.junk, true);
    assert.match(v.kept, /crane/);
    assert.doesNotMatch(v.kept, /cookies/);
  });
});

describe('features of a junk page', () => {
  it('flags the page and weighs the headline over the wall', () => {
    const junk = featuresOf({ title: TITLE, text: WALL, published: null, language: 'en' });
    const whole = featuresOf({ title: TITLE, text: WALL, published: null, language: 'en' }, undefined, '', { junkSupport: 0 });
    assert.equal(junk.junk, true);
    assert.equal(whole.junk, undefined);
    const [cookie] = stems('cookies');
    const [quay] = stems('quay');
    assert.ok(cookie && quay);
    assert.ok(Math.abs((junk.terms[cookie] ?? 0) - JUNK_BODY_WEIGHT * (whole.terms[cookie] ?? 0)) < 1e-9);
    assert.equal(junk.terms[quay], whole.terms[quay]);
  });

  it('ignores extract signals read from the wall', () => {
    const signals = { entities: [{ key: 'Cookiebot', type: 'org' }], happeningDates: [], numbers: ['2024'] };
    const f = featuresOf({ title: TITLE, text: WALL, published: null, language: 'en' }, signals);
    assert.deepEqual(Object.keys(f.entities), []);
    assert.deepEqual(f.numbers, []);
  });

  it('two walls of one outlet under different headlines no longer look alike', () => {
    const a = featuresOf({ title: TITLE, text: WALL, published: null, language: 'en' });
    const b = featuresOf({ title: 'Council approves the new budget for schools and libraries', text: WALL, published: null, language: 'en' });
    const cos = (x: Record<string, number>, y: Record<string, number>) => {
      let dot = 0;
      let nx = 0;
      let ny = 0;
      for (const [k, v] of Object.entries(x)) {
        nx += v * v;
        dot += v * (y[k] ?? 0);
      }
      for (const v of Object.values(y)) ny += v * v;
      return dot / Math.sqrt(nx * ny);
    };
    const whole = (title: string) => featuresOf({ title, text: WALL, published: null, language: 'en' }, undefined, '', { junkSupport: 0 });
    assert.ok(cos(a.terms, b.terms) < cos(whole(TITLE).terms, whole('Council approves the new budget for schools and libraries').terms) / 2);
  });
});

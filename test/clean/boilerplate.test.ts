import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { clean, cleanSchema, knownBoilerplate, linesFingerprints, recordOutletLines } from '../../src/clean/index.js';
import { migrate } from '../../src/store/migrate.js';
import { PROSE, textInput } from './helpers.js';

/** A sentence-shaped outlet line that no single-article rule can tell from body text. */
const HOUSE_LINE = 'Watch our evening bulletin every weekday at seven on channel four.';

function db() {
  const d = new BetterSqlite3(':memory:');
  migrate(d, [cleanSchema]);
  return d;
}

/** A different article each time: the prose paragraphs rotated, plus the house line. */
function article(i: number): string {
  const ps = [...PROSE.en.slice(i % 4), ...PROSE.en.slice(0, i % 4)];
  return [ps[0], HOUSE_LINE, ...ps.slice(1, 3), `Story number ${i} ends with its own closing sentence here.`].join('\n');
}

describe('cross-article boilerplate per outlet', () => {
  it('a line seen in 3 articles of an outlet is cut from the next one, not before', () => {
    const d = db();
    for (let i = 0; i < 3; i++) {
      const known = knownBoilerplate(d, 'example.org');
      const out = clean(textInput(`Story ${i}`, article(i)), { knownBoilerplate: known });
      assert.ok(out.text.includes(HOUSE_LINE), `article ${i}: not yet known`);
      recordOutletLines(d, 'example.org', linesFingerprints(out.paragraphs));
    }
    const out = clean(textInput('Story 3', article(3)), { knownBoilerplate: knownBoilerplate(d, 'example.org') });
    assert.ok(!out.text.includes(HOUSE_LINE));
    assert.equal(out.removed.find((r) => r.text === HOUSE_LINE)?.rule, 'outlet-boilerplate');
    assert.equal(knownBoilerplate(d, 'other.example').size, 0, 'another outlet knows nothing');
  });
  it('an article made mostly of known lines (a re-published copy) is left intact', () => {
    const d = db();
    const body = PROSE.en.join('\n');
    for (let i = 0; i < 3; i++) recordOutletLines(d, 'example.org', linesFingerprints([...PROSE.en]));
    const known = knownBoilerplate(d, 'example.org');
    const out = clean(textInput('Copy', body), { knownBoilerplate: known });
    assert.deepEqual(out.paragraphs, [...PROSE.en]);
  });
  it('long paragraphs are not tracked', () => {
    assert.deepEqual(linesFingerprints([`${PROSE.en[0]} ${PROSE.en[1]}`]), []);
  });
});

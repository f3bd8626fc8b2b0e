/**
 * Properties of the cleaned seed articles (../shared/corpus/seeds, real text pulled out of news
 * pages). Nothing here knows any seed's text: each property is a shape that must not survive, or
 * a class of input lines that must.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { clean } from '../../src/clean/index.js';
import type { CleanedArticle } from '../../src/types.js';
import { SHARED } from './helpers.js';

const SEEDS = path.join(SHARED, 'corpus/seeds');

interface Seed {
  readonly name: string;
  readonly title: string;
  readonly bodyLines: string[];
  readonly out: CleanedArticle;
}

function loadSeeds(): Seed[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const raw = readFileSync(path.join(SEEDS, name), 'utf8');
      const lines = raw.split(/\r?\n/);
      const first = lines.findIndex((l) => l.trim() !== '');
      const title = (lines[first] ?? '').trim();
      const bodyLines = lines.filter((_, i) => i !== first);
      const out = clean({ source: { location: name, record: 0 }, format: 'text', body: bodyLines.join('\n').trim(), raw, meta: { title } });
      return { name, title, bodyLines, out };
    });
}

// Shapes, defined here independently of the implementation.
const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
const ENDS_SENTENCE = /[.!?…]["'”’)\]]*$/u;
const CAPTION = /\([^()]*(\/|\bvia\b|:)[^()]*\)\s*$/u;
const GLUED_TAG = /^\p{Lu}{2,}\p{Lu}\p{Ll}/u;
const STAMP_AND_COUNTER = /\d{1,2}[./]\d{1,2}[./]\d{2,4}.*\[[^\]]*\d+\]/u;
/** Longest "Label: headline" line counted as a related link. */
const RELATED_MAX_WORDS = 20;
const LABEL_LINK = /^[\p{L} ]{2,20}:\s+[^.!?]+$/u;
function capsShare(s: string): number {
  const upper = s.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = s.match(/\p{Ll}/gu)?.length ?? 0;
  return upper + lower >= 6 ? upper / (upper + lower) : 0;
}
/** Letters and digits only: spacing repairs (split glued tokens, re-joined lines) do not change it. */
const squash = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .toLowerCase();

describe('seed corpus: cleaned output properties', { skip: existsSync(SEEDS) ? false : `seed corpus not found at ${SEEDS}` }, () => {
  const seeds = existsSync(SEEDS) ? loadSeeds() : [];

  it('every seed is an article with text, a title and the removed blocks explained', () => {
    assert.ok(seeds.length >= 5);
    for (const s of seeds) {
      assert.equal(s.out.isArticle, true, s.name);
      assert.ok(s.out.title.length > 0 && s.out.title.length <= 121, `${s.name}: title ${s.out.title}`);
      for (const r of s.out.removed) assert.ok(r.rule && r.reason, `${s.name}: removed block without rule/reason`);
    }
  });

  it('no promotional line remains (glued tag, short line ending in ! or :)', () => {
    for (const s of seeds) {
      for (const p of s.out.paragraphs) {
        assert.ok(!GLUED_TAG.test(p), `${s.name}: ${p.slice(0, 60)}`);
        assert.ok(!(words(p).length <= 15 && /[!:]$/.test(p.trim())), `${s.name}: ${p.slice(0, 60)}`);
      }
    }
  });

  it('no caption remains (line ending in a credit in parentheses)', () => {
    for (const s of seeds) for (const p of s.out.paragraphs) assert.ok(!CAPTION.test(p), `${s.name}: ${p.slice(0, 80)}`);
  });

  it('no ALL-CAPS teaser headline remains', () => {
    for (const s of seeds) for (const p of s.out.paragraphs) assert.ok(capsShare(p) < 0.75, `${s.name}: ${p.slice(0, 80)}`);
  });

  it('no image label or other short non-sentence line remains', () => {
    for (const s of seeds) for (const p of s.out.paragraphs) assert.ok(words(p).length > 4 || ENDS_SENTENCE.test(p), `${s.name}: ${p}`);
  });

  it('no related-link line remains (timestamp + counter, or "Label: headline" without a sentence end)', () => {
    for (const s of seeds) {
      for (const p of s.out.paragraphs) {
        assert.ok(!STAMP_AND_COUNTER.test(p), `${s.name}: ${p.slice(0, 80)}`);
        assert.ok(!(LABEL_LINK.test(p) && words(p).length <= RELATED_MAX_WORDS), `${s.name}: ${p.slice(0, 80)}`);
      }
    }
  });

  it('no paragraph appears twice, exactly or as a near copy', () => {
    for (const s of seeds) {
      const keys = s.out.paragraphs.map(squash);
      assert.equal(new Set(keys).size, keys.length, s.name);
      for (let i = 0; i < keys.length; i++) {
        for (let j = 0; j < keys.length; j++) {
          const a = keys[i] as string;
          if (i !== j && a.length > 80) assert.ok(!(keys[j] as string).includes(a), `${s.name}: paragraph ${i} repeated inside ${j}`);
        }
      }
    }
  });

  it('every sentence of the article body survives', () => {
    for (const s of seeds) {
      // A headline line that became the title survives as the title.
      const text = squash(`${s.out.title}\n${s.out.text}`);
      // Body lines: long lines of none of the shapes cut above (caption, ALL-CAPS, related link).
      const candidates = [...s.bodyLines, s.title]
        .map((l) => l.trim())
        .filter(
          (l) =>
            words(l).length >= 12 &&
            !CAPTION.test(l) &&
            capsShare(l) < 0.75 &&
            !STAMP_AND_COUNTER.test(l) &&
            !(LABEL_LINK.test(l) && words(l).length <= RELATED_MAX_WORDS),
        );
      for (const line of candidates) {
        if (line === s.title && !ENDS_SENTENCE.test(line)) continue;
        for (const sentence of line.split(/(?<=[.!?])\s+(?=\p{Lu}|["“])/u)) {
          if (words(sentence).length < 4) continue;
          assert.ok(text.includes(squash(sentence)), `${s.name}: lost "${sentence.slice(0, 80)}"`);
        }
      }
    }
  });
});

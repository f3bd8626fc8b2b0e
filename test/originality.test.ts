/**
 * The repository holds only our own words: no run of RUN_WORDS words from the shared benchmark or seed texts may
 * appear in a tracked file (tests, comments, docs and demo articles included), even across wrapped comment lines.
 * Stock phrases that several shared documents use ("did not respond to a request for comment") are common English,
 * not copying, so only runs found in at most MAX_SHARED_DOCS shared documents count. Brat stand-off files (.ann)
 * restate spans of their .txt document, so they are not documents of their own.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot, sharedDir } from './helpers/tmp.js';

/** Words in a run: eight is past any stock phrase of a sentence's length yet shorter than a copied clause. */
const RUN_WORDS = 8;
/** A run shared by more documents than this is an idiom of news English. */
const MAX_SHARED_DOCS = 2;
/** Runs shorter than this many characters are mostly function words and numbers. */
const MIN_RUN_CHARS = 40;
const TEXT_FILE = /\.(?:ts|tsx|mts|mjs|js|md|json|txt|html|css)$/;
const MAX_FILE_BYTES = 5_000_000;

const normalise = (s: string) =>
  s
    .replace(/<[^>]+>/g, ' ')
    .replace(/[“”"‘’`]/g, "'")
    .replace(/\\n/g, ' ')
    .replace(/\s+/g, ' ')
    .toLowerCase();

function* runs(text: string): Generator<string> {
  const words = normalise(text).split(' ');
  for (let i = 0; i + RUN_WORDS <= words.length; i++) {
    const run = words.slice(i, i + RUN_WORDS).join(' ');
    if (run.length >= MIN_RUN_CHARS) yield run;
  }
}

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) filesUnder(p, out);
    else if (st.size <= MAX_FILE_BYTES && !name.endsWith('.ann')) out.push(p);
  }
  return out;
}

/** A tracked file's words with comment markers removed, so a phrase wrapped over comment lines reads as one. */
const withoutCommentMarkers = (text: string) => text.replace(/^[ \t]*(?:\/\/+|\/\*+|\*+\/?|#+)/gm, ' ');

test('no tracked file repeats a distinctive run of words from ../shared', (t) => {
  if (!existsSync(sharedDir)) {
    t.skip(`no shared data at ${sharedDir}`);
    return;
  }
  const docsPerRun = new Map<string, number>();
  for (const file of filesUnder(sharedDir)) {
    for (const run of new Set(runs(readFileSync(file, 'utf8')))) docsPerRun.set(run, (docsPerRun.get(run) ?? 0) + 1);
  }
  const tracked = execFileSync('git', ['ls-files'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\n')
    .filter((f) => TEXT_FILE.test(f) && f !== 'package-lock.json');
  const found: string[] = [];
  for (const file of tracked) {
    const path = join(repoRoot, file);
    if (!existsSync(path) || statSync(path).size > MAX_FILE_BYTES) continue;
    for (const run of runs(withoutCommentMarkers(readFileSync(path, 'utf8')))) {
      const n = docsPerRun.get(run);
      if (n !== undefined && n <= MAX_SHARED_DOCS) {
        found.push(`${file}: "${run}"`);
        break;
      }
    }
  }
  assert.deepEqual(found, [], `text copied from ../shared (rewrite it in our own words):\n${found.join('\n')}`);
});

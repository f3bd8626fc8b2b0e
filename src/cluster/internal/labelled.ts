/**
 * A labelled stream for clustering quality: the demo corpus (`demo/corpus/LABELS.json`, storylines →
 * events → article file refs, plus unrelated articles), ingested through the real pipeline.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';

export interface GoldLabels {
  /** Article ref (`path` under the root, or `path#record`) → gold event id. */
  readonly event: Map<string, string>;
  /** Article ref → gold storyline id. */
  readonly story: Map<string, string>;
  readonly root: string;
}

interface LabelsFile {
  root: string;
  storylines: { id: string; events: { id: string; articles: string[] }[] }[];
  unrelated: string[];
}

export function loadDemoLabels(corpusDir: string): GoldLabels {
  const raw = JSON.parse(readFileSync(resolve(corpusDir, 'LABELS.json'), 'utf8')) as LabelsFile;
  const event = new Map<string, string>();
  const story = new Map<string, string>();
  for (const s of raw.storylines) {
    for (const e of s.events) {
      for (const a of e.articles) {
        event.set(a, e.id);
        story.set(a, s.id);
      }
    }
  }
  for (const a of raw.unrelated) {
    event.set(a, `unrelated:${a}`);
    story.set(a, `unrelated:${a}`);
  }
  return { event, story, root: resolve(corpusDir, raw.root) };
}

/** Predicted event and storyline per article ref, read from a database the corpus was ingested into. */
export function predicted(db: Database, root: string): { event: Map<string, string>; story: Map<string, string> } {
  const rows = db
    .prepare(
      'SELECT a.path, a.record, ae.event_id, e.story_id FROM articles a JOIN article_events ae ON ae.article_id = a.id JOIN events e ON e.id = ae.event_id',
    )
    .all() as { path: string | null; record: number; event_id: string; story_id: string }[];
  const event = new Map<string, string>();
  const story = new Map<string, string>();
  for (const r of rows) {
    if (!r.path) continue;
    const rel = relative(root, r.path).split('\\').join('/');
    const refs = [`${rel}#${r.record}`, ...(r.record === 0 ? [rel] : [])];
    for (const ref of refs) {
      event.set(ref, r.event_id);
      story.set(ref, r.story_id);
    }
  }
  return { event, story };
}

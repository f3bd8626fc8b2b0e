import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { InputFormat } from '../types.js';

/** File endings ingest understands, mapped to their format (`.gz` of any of them is also read). */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, InputFormat | 'jsonl'>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

export interface FileFormat {
  readonly format: InputFormat | 'jsonl';
  readonly gzip: boolean;
}

/** Format of a file from its name, or null when the ending is not one we read. */
export function formatOf(path: string): FileFormat | null {
  const lower = path.toLowerCase();
  const gzip = lower.endsWith('.gz');
  const base = gzip ? lower.slice(0, -3) : lower;
  const dot = base.lastIndexOf('.');
  if (dot < 0) return null;
  const format = FORMAT_BY_EXTENSION[base.slice(dot)];
  return format ? { format, gzip } : null;
}

export interface Discovered {
  /** Files to read, in a stable order. */
  readonly files: string[];
  /** Paths passed over, with the reason. */
  readonly skipped: { location: string; reason: string }[];
}

/**
 * Expands files and folders (recursively, hidden entries excluded) into a sorted
 * list of readable article files. Anything else is reported, never silently dropped.
 */
export function discover(paths: readonly string[]): Discovered {
  const files: string[] = [];
  const skipped: { location: string; reason: string }[] = [];
  const walk = (path: string): void => {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(path);
    } catch (err) {
      skipped.push({ location: path, reason: `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
      return;
    }
    if (st.isDirectory()) {
      let entries: string[];
      try {
        entries = readdirSync(path).sort();
      } catch (err) {
        skipped.push({ location: path, reason: `cannot list folder: ${(err as NodeJS.ErrnoException).code}` });
        return;
      }
      for (const name of entries) {
        if (name.startsWith('.')) continue;
        walk(join(path, name));
      }
      return;
    }
    if (!st.isFile()) {
      skipped.push({ location: path, reason: 'not a regular file' });
      return;
    }
    if (formatOf(path)) files.push(path);
    else skipped.push({ location: path, reason: 'unsupported file type (expected .txt .md .html .htm .json .jsonl, optionally .gz)' });
  };
  for (const p of paths) walk(resolve(p));
  return { files, skipped };
}

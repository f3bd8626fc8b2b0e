import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (tests run from source). */
export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** `../shared` beside the repository (or `$STORYLINE_SHARED`). */
export const sharedDir = process.env.STORYLINE_SHARED ?? resolve(repoRoot, '..', 'shared');

/** A fresh temporary folder, removed when the process exits. */
export function tempDir(prefix = 'storyline-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

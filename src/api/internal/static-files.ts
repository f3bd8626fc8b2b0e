/** Serves the built web UI from one folder: known content types only, no traversal, files cached in memory. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { packageRoot } from '../../internal/package-root.js';

/** Content types of the files a Vite build emits; anything else is not served. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Where `vite build --config src/web/vite.config.ts` puts the UI, relative to the package root. */
export const UI_BUILD_DIR = join('dist', 'web');

/** The built UI folder, or null when the UI has not been built. */
export function findUiDir(): string | null {
  const dir = join(packageRoot(), UI_BUILD_DIR);
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

export interface StaticFile {
  readonly body: Buffer;
  readonly type: string;
}

export class StaticFiles {
  private readonly root: string;
  private readonly cache = new Map<string, StaticFile | null>();

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The file for a URL path, or null (missing, a folder, outside the root, or an unknown type). */
  get(urlPath: string): StaticFile | null {
    if (this.cache.has(urlPath)) return this.cache.get(urlPath) ?? null;
    const file = this.load(urlPath);
    this.cache.set(urlPath, file);
    return file;
  }

  private load(urlPath: string): StaticFile | null {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return null;
    const full = resolve(this.root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
    if (!full.startsWith(this.root + sep)) return null;
    const type = CONTENT_TYPES[extname(full).toLowerCase()];
    if (!type) return null;
    try {
      if (!statSync(full).isFile()) return null;
      return { body: readFileSync(full), type };
    } catch {
      return null;
    }
  }
}

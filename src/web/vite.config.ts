import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Builds the web UI from src/web/app into dist/web (served by `storyline serve`).
 * Run: `vite build --config src/web/vite.config.ts`.
 */
export default defineConfig({
  root: here('./app'),
  base: '/',
  plugins: [preact()],
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    // The server's CSP forbids inline scripts and styles: keep every asset a separate file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/openapi.json': 'http://127.0.0.1:8080' } },
});

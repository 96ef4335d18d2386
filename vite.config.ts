import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;
const rendererRoot = resolve(here, 'renderer');

/**
 * The renderer is loaded from disk by the Electron shell (file or app protocol) and by the e2e
 * test host, so every URL is relative, and nothing may be inlined: the page's CSP allows only
 * 'self' scripts and styles.
 */
export default defineConfig({
  root: rendererRoot,
  base: './',
  publicDir: false,
  clearScreen: false,
  // Plain TSX through Oxc with React's automatic runtime; no React plugin (no fast refresh needed).
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(here, 'dist/renderer'),
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: true,
    // The polyfill would be an inline <script>, which the CSP refuses.
    modulePreload: { polyfill: false },
    // Never turn a small asset into an inline data: URL for fonts or styles.
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    reportCompressedSize: false,
  },
  server: { host: '127.0.0.1', strictPort: true },
});

// Bundles the Node side (CLI, Electron main, preload) into dist/node/. Runs on `npm install`
// (prepare) so `npx breachdesk` works straight after cloning, and before tests and start.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Native addon and the Electron runtime are loaded at run time, never bundled; pdf.js is an
  // ES module that finds its own parts relative to itself, so it is loaded from node_modules.
  external: ['better-sqlite3-multiple-ciphers', 'electron', 'pdfjs-dist', 'pdfkit'],
};

// Code that finds files beside itself uses import.meta.url (it runs as ES modules under the
// tests); in these CommonJS bundles that is the bundle's own URL.
const moduleUrl = {
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

const entries = [
  { in: 'main/cli/main.ts', out: 'dist/node/cli.cjs', ...moduleUrl },
  { in: 'main/shell/main.ts', out: 'dist/node/shell.cjs', ...moduleUrl },
  // The sandboxed preload may only require('electron'): everything else is bundled in.
  { in: 'main/shell/preload.ts', out: 'dist/node/preload.cjs' },
];

await Promise.all(
  entries
    .filter((entry) => existsSync(join(root, entry.in)))
    .map(({ in: entry, out, ...options }) =>
      build({ ...common, ...options, absWorkingDir: root, entryPoints: [entry], outfile: out }),
    ),
);

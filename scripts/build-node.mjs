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
  external: ['better-sqlite3', 'electron', 'pdfjs-dist', 'pdfkit'],
};

const entries = [
  { in: 'main/cli/main.ts', out: 'dist/node/cli.cjs' },
  { in: 'main/shell/main.ts', out: 'dist/node/shell.cjs' },
  // The sandboxed preload may only require('electron'): everything else is bundled in.
  { in: 'main/shell/preload.ts', out: 'dist/node/preload.cjs' },
];

await Promise.all(
  entries
    .filter((entry) => existsSync(join(root, entry.in)))
    .map((entry) => build({ ...common, absWorkingDir: root, entryPoints: [entry.in], outfile: entry.out })),
);

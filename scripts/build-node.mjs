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
  plugins: [
    {
      // nodemailer's MailComposer (which builds the notice e-mails) carries a URL fetcher for
      // attachments given by href; Breachdesk never gives one, so the fetcher (http, https, tls)
      // is replaced by a stub that refuses: the bundles hold no code that opens a connection.
      name: 'no-network-in-mime',
      setup(builder) {
        builder.onResolve({ filter: /^\.\.\/fetch\/index\.js$/ }, (args) =>
          args.importer.includes(`${join('node_modules', 'nodemailer')}`)
            ? { path: join(root, 'scripts', 'stubs', 'no-fetch.mjs') }
            : undefined,
        );
      },
    },
  ],
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

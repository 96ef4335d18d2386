// page.addInitScript cannot import: it serialises a function or takes a script's text. So the
// page's bridge (bridge-page.ts, which uses the preload's own guards/bridge.ts) is bundled into
// one script here, once per worker, the way scripts/build-node.mjs bundles the preload.
import { build } from 'esbuild';
import { join } from 'node:path';

const ENTRY = join(import.meta.dirname, 'bridge-page.ts');

let script: Promise<string> | null = null;

/** The bridge as a self-contained script for page.addInitScript({ content }). */
export function bridgeScript(): Promise<string> {
  script ??= bundle();
  return script;
}

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error('esbuild produced no bridge script.');
  return output.text;
}

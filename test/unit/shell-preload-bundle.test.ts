import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The sandboxed preload can require only 'electron'; everything else is bundled in, and zod (or
 * anything else heavy reached through shared/ipc/contract) must stay out. Bundled as
 * scripts/build-node.mjs does it.
 */
describe('the preload bundle', () => {
  it("requires only 'electron' and carries no zod", async () => {
    const result = await build({
      entryPoints: ['main/shell/preload.ts'],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      external: ['electron'],
      logLevel: 'silent',
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((input) => input.includes('node_modules'))).toEqual([]);
    expect(inputs.some((input) => input.endsWith('shared/ipc/channel-names.ts'))).toBe(true);
    const text = result.outputFiles[0]?.text ?? '';
    expect([...text.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1])).toEqual(['electron']);
    expect(text).not.toMatch(/zod/i);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Packages the tests use that must never reach a user: electron-builder packs production
 * dependencies only, and esbuild and vite bundle only what the app's own code imports. So a
 * test-only package stays out of what ships while it is a devDependency and nothing the build
 * reads names it. This test fails when either stops being true.
 */
const TEST_ONLY: readonly { name: string; reason: string }[] = [
  {
    name: '@signalapp/sqlcipher',
    reason:
      'AGPL-3.0-only: the SQLCipher 4 oracle of test/db/sqlcipher-interop.test.ts, never bundled or shipped',
  },
];

const ROOT = resolve(import.meta.dirname, '../..');
/** What the build and the packaged app are made from. */
const SHIPPED_FOLDERS = ['main', 'renderer', 'shared', 'scripts', 'types', 'build'];
const SHIPPED_FILES = ['electron-builder.yml', 'vite.config.ts', 'tsconfig.json'];

function filesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

const shipped = [...SHIPPED_FOLDERS.flatMap(filesUnder), ...SHIPPED_FILES];

interface PackageJson {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

describe.each(TEST_ONLY)('test-only dependency $name', ({ name }) => {
  it('is a devDependency, so electron-builder never packs it', () => {
    expect(pkg.devDependencies[name]).toBeDefined();
    expect(pkg.dependencies[name]).toBeUndefined();
  });

  it('is named by nothing the build or the app is made from', () => {
    // Enough files read to mean something (main/ alone has hundreds).
    expect(shipped.length).toBeGreaterThan(200);
    const naming = shipped.filter((file) => readFileSync(join(ROOT, file), 'latin1').includes(name));
    expect(naming).toEqual([]);
  });
});

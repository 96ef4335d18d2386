import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../helpers/lint-rule';

/**
 * The three worlds of DESIGN.md §2 are enforced by lint. These deliberate violations must be
 * reported, or `npm test` would let a renderer read the disk or a service load Electron.
 */
const importErrors = lintWithRule('no-restricted-imports');

describe('three worlds', () => {
  it.each([
    [
      'renderer importing node:fs',
      'renderer/src/violation.ts',
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
    ],
    [
      'renderer importing electron',
      'renderer/src/violation.ts',
      "import { ipcRenderer } from 'electron';\nexport const r = ipcRenderer;\n",
    ],
    [
      'shared importing electron',
      'shared/violation.ts',
      "import { app } from 'electron';\nexport const a = app;\n",
    ],
    [
      'shared importing node:crypto',
      'shared/violation.ts',
      "import { createHash } from 'node:crypto';\nexport const h = createHash;\n",
    ],
    [
      'main/casefile importing electron',
      'main/casefile/violation.ts',
      "import { app } from 'electron';\nexport const a = app;\n",
    ],
    [
      'main/services importing electron',
      'main/services/violation.ts',
      "import { dialog } from 'electron';\nexport const d = dialog;\n",
    ],
  ])('refuses %s', async (_label, filePath, code) => {
    expect(await importErrors(filePath, code)).toHaveLength(1);
  });

  it("tells Node's 'events' from a local ./events module", async () => {
    expect(
      await importErrors(
        'shared/violation.ts',
        "import { EventEmitter } from 'events';\nexport const e = EventEmitter;\n",
      ),
    ).toHaveLength(1);
    expect(
      await importErrors('shared/ok.ts', "import { x } from './domain/events';\nexport const y = x;\n"),
    ).toEqual([]);
  });

  it('allows main/shell to import electron', async () => {
    expect(
      await importErrors(
        'main/shell/violation.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).toEqual([]);
  });
});

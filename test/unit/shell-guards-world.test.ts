import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../helpers/lint-rule';

/**
 * main/shell/guards/ holds the shell's security logic so it can be tested on plain Node. If a
 * guard imported 'electron', these tests could no longer load it: lint must say so first.
 */
const importErrors = lintWithRule('no-restricted-imports');

describe('main/shell/guards', () => {
  it("refuses an import of 'electron'", async () => {
    const errors = await importErrors(
      'main/shell/guards/violation.ts',
      "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/without Electron/);
  });

  it('allows the shared name lists and app URLs', async () => {
    expect(
      await importErrors(
        'main/shell/guards/ok.ts',
        "import { isChannelName } from '../../../shared/ipc/channel-names';\nimport { isAppUrl } from '../app-url';\nexport const x = [isChannelName, isAppUrl];\n",
      ),
    ).toEqual([]);
  });
});

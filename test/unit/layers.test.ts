import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../helpers/lint-rule';

/**
 * The layers of main/ (shell, cli → ipc → services → casefile, evidence, letters, formats; all →
 * shared) are enforced by lint (scripts/eslint-layers.mjs). These deliberate violations must be
 * reported, and the allowed arrows must not be.
 */
const layerErrors = lintWithRule('breachdesk/layers');

describe('layers of main/', () => {
  it.each([
    [
      'a service importing ipc/',
      'main/services/violation.ts',
      "import type { HostDeps } from '../ipc/host-deps';",
    ],
    [
      'a service importing the shell',
      'main/services/x/violation.ts',
      "import { x } from '../../shell/menu';",
    ],
    [
      'casefile importing a service',
      'main/casefile/violation.ts',
      "import { x } from '../services/audited';",
    ],
    [
      'casefile importing a format',
      'main/casefile/repos/violation.ts',
      "import { x } from '../../formats/zip/zip-reader';",
    ],
    [
      'a handler skipping services to a repo',
      'main/ipc/handlers/violation.ts',
      "import { x } from '../../casefile/repos/tables';",
    ],
    [
      'evidence/ importing casefile',
      'main/evidence/violation.ts',
      "import { x } from '../casefile/repos/blob-repo';",
    ],
    [
      'letters/ importing a service',
      'main/letters/render/violation.ts',
      "import { x } from '../../services/files/atomic-write';",
    ],
    [
      'a format importing a service',
      'main/formats/zip/violation.ts',
      "import { x } from '../../services/jobs';",
    ],
    [
      'the command line importing casefile',
      'main/cli/violation.ts',
      "import { x } from '../casefile/case-file';",
    ],
    ['the shell importing the command line', 'main/shell/violation.ts', "import { x } from '../cli/run';"],
    [
      'a service opening SQLite',
      'main/services/violation.ts',
      "import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';",
    ],
    [
      'a dynamic import running back up',
      'main/casefile/violation.ts',
      "export const m = import('../ipc/dispatcher');",
    ],
    ['a re-export running back up', 'main/formats/violation.ts', "export { x } from '../services/jobs';"],
  ])('refuses %s', async (_label, filePath, code) => {
    expect(await layerErrors(filePath, `${code}\nexport const used = 1;\n`)).toHaveLength(1);
  });

  it.each([
    [
      'a handler calling a service of the evidence area',
      'main/ipc/handlers/ok.ts',
      "import { x } from '../../services/evidence/evidence-service';",
    ],
    [
      'a service using evidence/ from a nested folder',
      'main/services/evidence/ok.ts',
      "import { x } from '../../evidence/chunk-reader';",
    ],
    [
      'a service using casefile and formats',
      'main/services/bundles/ok.ts',
      "import { x } from '../../casefile/case-file';\nimport { y } from '../../formats/zip/zip-reader';",
    ],
    [
      'letters/ using the HTML tag',
      'main/letters/render/ok.ts',
      "import { x } from '../../formats/html/html-template';",
    ],
    ['casefile using shared/', 'main/casefile/ok.ts', "import { x } from '../../shared/ipc/errors';"],
    [
      'a service naming the Database type',
      'main/services/ok.ts',
      "import type { Database } from 'better-sqlite3-multiple-ciphers';",
    ],
    [
      'casefile opening SQLite',
      'main/casefile/ok.ts',
      "import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';",
    ],
    [
      'the shell hosting services',
      'main/shell/ok.ts',
      "import { x } from '../services/recent-cases';\nimport { y } from '../ipc/dispatcher';",
    ],
  ])('allows %s', async (_label, filePath, code) => {
    expect(await layerErrors(filePath, `${code}\nexport const used = 1;\n`)).toEqual([]);
  });

  it('says which layer may not import which, and why', async () => {
    const [message] = await layerErrors(
      'main/services/violation.ts',
      "import { x } from '../ipc/dispatcher';\nexport const y = x;\n",
    );
    expect(message).toBe(
      'main/services/ may not import main/ipc/: services sit below the hosts: they never import ipc/, cli/ or shell/ (allowed: shared, casefile, evidence, letters, roster, notices, formats, demo, root).',
    );
  });
});

import { migration010 } from './010-case-and-audit';
import { migration020 } from './020-audit-target-index';
import { migration030 } from './030-investigation';
import { migration040 } from './040-evidence';
import { migration050 } from './050-obligations';
import { migration060 } from './060-letters';
import { migration070 } from './070-merge-conflicts';
import { migration080 } from './080-harm-determinations';
import { migration090 } from './090-roster';
import { migration100 } from './100-notices';
import type { Migration } from './migration';

/** Every migration, in order. Listed by hand so a stray file never runs. */
export const MIGRATIONS: readonly Migration[] = [
  migration010,
  migration020,
  migration030,
  migration040,
  migration050,
  migration060,
  migration070,
  migration080,
  migration090,
  migration100,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { expect, it } from 'vitest';
import { SQLCIPHER } from '../../main/casefile/cipher-settings';
import { openCase } from '../../main/services/case-service';
import { importEventsCsv } from '../../main/services/event-service';
import { searchCase } from '../../main/services/search-service';
import { makeCase, TEST_PASSPHRASE, testContext } from '../helpers/cases';
import { useTempDir } from '../helpers/temp-dir';
import { csvOfEvents } from '../helpers/timeline-csv';
import { MIB, settle } from './commands';
import {
  inTurn,
  loadNote,
  measure,
  medianWall,
  overhead,
  overheads,
  printTable,
  wallAndCpu,
  type Sample,
} from './report';
import { median, quantile, timesMs } from './stats';

/**
 * What encrypting case files (SQLCipher 4) costs where a person waits (issue 16 item 8): opening
 * a case, and the 100,000-event timeline. Each encrypted figure stands beside its plaintext twin
 * measured in the same run, in alternating order. Evidence (1 GiB) and the engine against
 * ChaCha20-Poly1305 are in encryption-evidence.bench.ts. Printed as medians, never asserted.
 */
const tempDir = useTempDir();
const KEY = Buffer.from(TEST_PASSPHRASE, 'utf8');
const KINDS = ['plaintext', 'encrypted'] as const;
type Kind = (typeof KINDS)[number];
const keyOf = (kind: Kind) => (kind === 'encrypted' ? KEY : null);
const ms = (values: number[]) => `${median(values).toFixed(1)} ms`;

it('key derivation at open: an encrypted case against a plaintext one and PBKDF2 alone', () => {
  const dir = tempDir();
  const paths: Record<Kind, string> = { plaintext: '', encrypted: '' };
  for (const kind of KINDS) {
    const file = makeCase(dir, `${kind}.bdcase`, testContext(), keyOf(kind));
    paths[kind] = file.path;
    file.close();
  }
  const salt = randomBytes(SQLCIPHER.saltBytes);
  const kdf = timesMs(5, () => pbkdf2Sync(KEY, salt, SQLCIPHER.kdfIterations, SQLCIPHER.keyBytes, 'sha512'));
  const opens: Record<Kind, number[]> = { plaintext: [], encrypted: [] };
  for (let run = 0; run < 5; run += 1) {
    for (const kind of inTurn(run, KINDS)) {
      opens[kind].push(...timesMs(1, () => openCase(paths[kind], testContext(), keyOf(kind)).close()));
    }
  }
  const added = median(opens.encrypted) - median(opens.plaintext);
  printTable(
    `Opening a case (median of 5; PBKDF2-HMAC-SHA512, ${SQLCIPHER.kdfIterations.toLocaleString('en')} iterations)`,
    [
      { what: 'openCase + close, plaintext', median: ms(opens.plaintext), note: '' },
      {
        what: 'openCase + close, SQLCipher 4',
        median: ms(opens.encrypted),
        note: `+${added.toFixed(0)} ms = ${(added / median(kdf)).toFixed(1)} × PBKDF2`,
      },
      { what: 'PBKDF2 alone (node:crypto pbkdf2Sync)', median: ms(kdf), note: '' },
    ],
    [loadNote()],
  );
  expect(median(opens.encrypted)).toBeGreaterThan(0);
});

const EVENTS = 100_000;
const SLICE = 25_000;

/** 200 searches: an event's title, a detail line, a bare number, and words in every event. */
function timelineQueries(): string[] {
  return Array.from({ length: 200 }, (_, i) => {
    const n = 1 + ((i * 7919) % EVENTS);
    if (i % 4 === 0) return `Partner call ${n}`;
    if (i % 4 === 1) return `line ${n}`;
    if (i % 4 === 2) return String(n);
    return i % 8 === 3 ? 'synthetic access' : 'partner-sync';
  });
}

/**
 * The timeline of the e2e test and the timeline UI benchmark (test/helpers/timeline-csv.ts),
 * imported as they import it (events.importCsv in slices of 25,000), then 200 searches on the
 * reopened case, its page cache cold: each page is read, and for an encrypted file decrypted,
 * the first time a search needs it.
 */
it('100,000-event timeline: import and 200 searches, encrypted against plaintext', () => {
  const dir = tempDir();
  const slices = Array.from({ length: EVENTS / SLICE }, (_, i) => csvOfEvents(i * SLICE, (i + 1) * SLICE));
  const queries = timelineQueries();
  const imports: Record<Kind, Sample[]> = { plaintext: [], encrypted: [] };
  const searches: Record<Kind, number[]> = { plaintext: [], encrypted: [] };
  const totals: Record<Kind, Sample[]> = { plaintext: [], encrypted: [] };
  const sizes: Record<Kind, number> = { plaintext: 0, encrypted: 0 };
  let hits = 0;
  for (let run = 0; run < 3; run += 1) {
    for (const kind of inTurn(run, KINDS)) {
      const ctx = testContext();
      const file = makeCase(dir, `timeline-${kind}.bdcase`, ctx, keyOf(kind));
      settle();
      imports[kind].push(
        measure(() => {
          for (const csv of slices) expect(importEventsCsv(file, csv, ctx).errors).toEqual([]);
        }),
      );
      file.close();
      sizes[kind] = statSync(file.path).size;
      settle();
      const reopened = openCase(file.path, ctx, keyOf(kind));
      let times: number[] = [];
      totals[kind].push(
        measure(() => {
          times = timesMs(queries.length, (i) => {
            hits += searchCase(reopened, queries[i]!, 50).length;
          });
        }),
      );
      searches[kind].push(...times);
      reopened.close();
      rmSync(file.path);
    }
  }
  const p95 = (values: number[]) => `${quantile(values, 0.95).toFixed(1)} ms`;
  printTable(
    `Timeline of ${EVENTS.toLocaleString('en')} events (import: median of 3; searches: 3 × 200, top 50 with snippets)`,
    KINDS.map((kind) => ({
      case: kind === 'plaintext' ? 'plaintext' : 'SQLCipher 4',
      import: wallAndCpu(imports[kind]),
      'events/s': Math.round(EVENTS / medianWall(imports[kind])).toLocaleString('en'),
      'import vs plaintext': kind === 'plaintext' ? '' : overheads(imports[kind], imports.plaintext),
      search: `${ms(searches[kind])}, p95 ${p95(searches[kind])}`,
      '200 searches': wallAndCpu(totals[kind]),
      'search vs plaintext':
        kind === 'plaintext'
          ? ''
          : `median ${overhead(median(searches[kind]), median(searches.plaintext))}; 200: ${overheads(totals[kind], totals.plaintext)}`,
      file: `${(sizes[kind] / MIB).toFixed(1)} MiB`,
    })),
    [loadNote()],
  );
  expect(hits).toBeGreaterThan(0);
});

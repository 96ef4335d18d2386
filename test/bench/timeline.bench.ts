import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { expect, it } from 'vitest';
import { storeRecord } from '../../main/services/collection-service';
import { listEvents } from '../../main/services/event-service';
import { eventSpec } from '../../main/services/record-specs';
import { searchCase } from '../../main/services/search-service';
import { makeCase } from '../helpers/cases';
import { useTempDir } from '../helpers/temp-dir';
import { describeTimes, median, timesMs } from './stats';

const tempDir = useTempDir();
const EVENTS = 100_000;
const WORDS = [
  'partner',
  'token',
  'rotated',
  'export',
  'login',
  'reset',
  'ticket',
  'firewall',
  'backup',
  'laptop',
  'vendor',
  'invoice',
  'payroll',
  'mailbox',
  'phishing',
  'ransom',
  'encrypted',
  'database',
  'bucket',
  'access',
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 100,000 timeline events: paging (first page, a deep page by offset and by keyset) and 200
 * searches, each as median and p95, beside `grep -c` over an export of the same text.
 */
it('pages and searches a 100,000-event timeline', () => {
  const dir = tempDir();
  const file = makeCase(dir);
  const next = random(7);
  const pick = () => WORDS[Math.floor(next() * WORDS.length)]!;
  const lines: string[] = [];
  const insertStart = performance.now();
  file.transaction((db) => {
    for (let i = 0; i < EVENTS; i += 1) {
      const utc = new Date(Date.parse('2020-01-01T00:00:00Z') + Math.floor(next() * 3.1e10)).toISOString();
      const user = `user${Math.floor(next() * 5000)}@example.com`;
      const ip = `10.${Math.floor(next() * 255)}.${Math.floor(next() * 255)}.${Math.floor(next() * 255)}`;
      const title = `${pick()} ${pick()} ${i}`;
      const detail = `${pick()} ${pick()} ${pick()} by ${user} from ${ip}`;
      lines.push(`${title} ${detail}`);
      const event = eventSpec.build(
        {
          at: { utc, zone: 'UTC', precision: 'exact', approximate: false },
          end: null,
          title,
          detail,
          source: 'bench',
          tags: [pick()],
          partyIds: [],
        },
        `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        utc,
      );
      storeRecord(db, eventSpec, event);
    }
  });
  const insertMs = performance.now() - insertStart;
  const exportPath = join(dir, 'events.txt');
  writeFileSync(exportPath, `${lines.join('\n')}\n`);

  const firstPage = timesMs(50, () => listEvents(file, { limit: 100, filter: {} }));
  const deepOffset = timesMs(50, () => listEvents(file, { limit: 100, offset: 90_000, filter: {} }));
  const cursorAt90k = listEvents(file, { limit: 1, offset: 89_999, filter: {} }).events[0]!;
  const deepKeyset = timesMs(50, () =>
    listEvents(file, { limit: 100, after: { utc: cursorAt90k.at.utc, id: cursorAt90k.id }, filter: {} }),
  );

  const queries = Array.from({ length: 200 }, (_, i) =>
    i % 10 === 0
      ? `user${Math.floor(next() * 5000)}@example.com`
      : i % 10 === 1
        ? `10.${Math.floor(next() * 255)}`
        : `${pick()} ${pick()}`,
  );
  let hits = 0;
  const search = timesMs(queries.length, (i) => {
    hits += searchCase(file, queries[i]!, 50).length;
  });
  const grep = timesMs(queries.length, (i) => {
    spawnSync('grep', ['-c', '-i', '-F', queries[i]!.split(' ')[0]!, exportPath]);
  });
  file.close();

  console.log(
    [
      `timeline: ${EVENTS.toLocaleString('en')} events inserted in ${(insertMs / 1000).toFixed(1)} s (${Math.round(EVENTS / (insertMs / 1000)).toLocaleString('en')} events/s, with search index and tag links)`,
      `first page (100, time order): ${describeTimes(firstPage)}`,
      `deep page, OFFSET 90,000:     ${describeTimes(deepOffset)}`,
      `deep page, keyset after #90,000: ${describeTimes(deepKeyset)}`,
      `200 searches (top 50, ranked, snippets): ${describeTimes(search)} = ${(median(search) / median(grep)).toFixed(2)}× grep -c over a text export of the same events (${describeTimes(grep)}, incl. process start)`,
    ].join('\n'),
  );
  expect(hits).toBeGreaterThan(0);
});

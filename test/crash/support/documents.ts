import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JURISDICTIONS } from '../../../shared/jurisdictions/jurisdictions';

/** Timeline events in the facts document: enough that importing them is one long transaction. */
export const DOCUMENT_EVENTS = 8000;

/** A case document (`facts import` input) with many events, written once under `shared`. */
export function factsDocument(shared: string): string {
  const path = join(shared, 'facts.json');
  if (existsSync(path)) return path;
  const events = Array.from({ length: DOCUMENT_EVENTS }, (_unused, i) => ({
    id: randomUUID(),
    at: {
      utc: new Date(Date.UTC(2020, 10, 1) + i * 60_000).toISOString(),
      zone: 'Europe/Stockholm',
      precision: 'exact',
      approximate: false,
    },
    end: null,
    title: `Log line ${i}: partner token used from an unexpected address`,
    detail: `Request ${i} `.repeat(40),
    source: 'access.log',
    tags: ['crash', `batch-${i % 10}`],
    partyIds: [],
  }));
  writeFileSync(path, JSON.stringify({ format: 'breachdesk.case-document/1', events }));
  return path;
}

/**
 * An `events.importCsv` input as large as one command-line argument may be (Linux caps one at
 * 128 KiB), with its line count.
 */
export function eventsCsv(): { csv: string; lines: number } {
  const lines = ['time,zone,title,precision,end,detail,source,tags'];
  for (let i = 0; ; i += 1) {
    const minute = String(i % 60).padStart(2, '0');
    const hour = String(Math.floor(i / 60) % 24).padStart(2, '0');
    const day = String(1 + (Math.floor(i / 1440) % 28)).padStart(2, '0');
    const line = `2020-11-${day} ${hour}:${minute},Europe/Stockholm,Event ${i},exact,,Detail of ${i},siem,crash;csv`;
    if (lines.join('\n').length + line.length > 110_000) break;
    lines.push(line);
  }
  return { csv: lines.join('\n'), lines: lines.length - 1 };
}

/** A `populations.importCsv` input: one line per jurisdiction there is. */
export function populationsCsv(): { csv: string; lines: number } {
  const lines = JURISDICTIONS.map((j, i) => `${j.code},${1000 + i},exact`);
  return { csv: ['jurisdiction,count,exact', ...lines].join('\n'), lines: lines.length };
}

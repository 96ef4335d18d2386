import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { eventInputSchema, type EventCursor, type EventFilter } from '../../shared/domain/events';
import type { CsvImportResult } from '../../shared/domain/populations';
import { PRECISIONS, zonedTimeFromLocal, type Precision } from '../../shared/time/zoned-time';
import type { CaseFile } from '../casefile/case-file';
import { eventTags, pageEvents } from '../casefile/repos/event-links-repo';
import { changeWithAudit } from './audited';
import { storeRecord } from './collection-service';
import type { ServiceContext } from './context';
import { parseCsv, type CsvLineError } from './csv';
import { ftsQueryFor, searchErrorFrom } from './fts-query';
import { eventSpec } from './record-specs';

export interface EventListQuery {
  after?: EventCursor;
  offset?: number;
  limit: number;
  filter: EventFilter;
}

export function listEvents(file: CaseFile, query: EventListQuery) {
  const match = query.filter.text === undefined ? null : ftsQueryFor(query.filter.text);
  try {
    const page = pageEvents(file.db, { ...query, match });
    const last = page.events.at(-1);
    const reachedEnd = page.events.length < query.limit;
    const nextCursor = last === undefined || reachedEnd ? null : { utc: last.at.utc, id: last.id };
    return { ...page, nextCursor };
  } catch (error) {
    throw searchErrorFrom(error);
  }
}

type EventInput = z.output<typeof eventInputSchema>;

/**
 * Imports timeline events from CSV with the header `time,zone,title` and optionally
 * `precision,end,detail,source,tags` (tags separated by ";"). All lines are checked first; one
 * bad line means nothing is imported and every bad line is reported.
 */
export function importEventsCsv(file: CaseFile, csv: string, ctx: ServiceContext): CsvImportResult {
  const { rows, errors } = parseCsv(csv, ['time', 'zone', 'title']);
  const inputs: EventInput[] = [];
  for (const { line, fields } of rows) {
    const parsed = eventFromCsv(fields);
    if ('error' in parsed) errors.push({ line, message: parsed.error });
    else inputs.push(parsed.event);
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 1, message: 'The file has no events' });
  if (errors.length > 0) return { imported: 0, errors: sortByLine(errors) };
  return changeWithAudit(file, ctx, (db, at) => {
    const ids: string[] = [];
    for (const input of inputs) {
      const event = eventSpec.build(input, randomUUID(), at);
      storeRecord(db, eventSpec, event);
      ids.push(event.id);
    }
    const csvSha256 = createHash('sha256').update(csv).digest('hex');
    return {
      result: { imported: inputs.length, errors: [] },
      audit: {
        action: 'event.imported',
        target: 'events',
        payload: { count: ids.length, csvSha256, firstId: ids[0], lastId: ids.at(-1) },
      },
    };
  });
}

function eventFromCsv(fields: Record<string, string>): { event: EventInput } | { error: string } {
  const zone = fields.zone ?? '';
  const precisionText = (fields.precision ?? '').toLowerCase();
  if (precisionText !== '' && !PRECISIONS.includes(precisionText as Precision)) {
    return { error: `precision must be one of ${PRECISIONS.join(', ')}` };
  }
  const precision = precisionText === '' ? undefined : (precisionText as Precision);
  const at = zonedTimeFromLocal(fields.time ?? '', zone, { precision });
  if (at === null)
    return {
      error: `"${fields.time ?? ''}" in zone "${zone}" is not a time (use YYYY-MM-DD HH:MM and an IANA zone)`,
    };
  const endText = fields.end ?? '';
  const end = endText === '' ? null : zonedTimeFromLocal(endText, zone);
  if (endText !== '' && end === null) return { error: `end "${endText}" is not a time` };
  const tags = (fields.tags ?? '')
    .split(';')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const result = eventInputSchema.safeParse({
    at,
    end,
    title: fields.title ?? '',
    detail: fields.detail ?? '',
    source: fields.source ?? '',
    tags,
  });
  if (!result.success)
    return {
      error: result.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; '),
    };
  return { event: result.data };
}

function sortByLine(errors: CsvLineError[]): CsvLineError[] {
  return errors.sort((a, b) => a.line - b.line);
}

/** Every tag used on the timeline, for the filter. */
export function listEventTags(file: CaseFile): ReturnType<typeof eventTags> {
  return eventTags(file.db);
}

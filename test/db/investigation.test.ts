import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { countAuditEntries, listAuditEntries } from '../../main/casefile/repos/audit-repo';
import { eventsTable } from '../../main/casefile/repos/tables';
import { listEvidenceItems } from '../../main/casefile/repos/evidence-repo';
import { exportCaseDocument, importCaseDocument } from '../../main/services/case-document-service';
import { createRecord, removeRecord, updateRecord } from '../../main/services/collection-service';
import { createDemoCase } from '../../main/services/demo-service';
import { importEventsCsv, listEvents } from '../../main/services/event-service';
import { updateFacts } from '../../main/services/facts-service';
import { caseOverview } from '../../main/services/overview-service';
import { addPartyAction, removeParty } from '../../main/services/party-service';
import { importPopulationsCsv, setPopulation } from '../../main/services/population-service';
import { eventSpec, partySpec } from '../../main/services/record-specs';
import { searchCase } from '../../main/services/search-service';
import { verifyCase } from '../../main/services/verify-service';
import { zonedTimeFromLocal } from '../../shared/time/zoned-time';
import { makeCase, testContext } from '../helpers/cases';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();

function stockholm(local: string) {
  const time = zonedTimeFromLocal(local, 'Europe/Stockholm');
  if (time === null) throw new Error(local);
  return time;
}

const eventInput = (title: string, local: string, extra: object = {}) => ({
  at: stockholm(local),
  end: null,
  title,
  detail: '',
  source: '',
  tags: [],
  partyIds: [],
  ...extra,
});

describe('demo case', () => {
  it('builds the scenario in full, with its generated evidence attached and linked, and an intact audit chain', async () => {
    const dir = tempDir();
    const ctx = testContext();
    const file = await createDemoCase(join(dir, 'demo.bdcase'), false, ctx);
    const overview = caseOverview(file, '2020-12-01');
    expect(overview.counts).toMatchObject({
      events: 11,
      parties: 5,
      dataElements: 5,
      // Counted from the demo's roster (the user directory scoped by the access extract).
      peopleAffected: 350_000,
      peopleAffectedExact: true,
      jurisdictions: 15,
      evidence: 8,
      pendingEvidence: 0,
    });
    expect(overview.facts.awareAt?.utc).toBe('2020-11-16T08:30:00.000Z');
    expect(overview.populations[0]).toMatchObject({ jurisdiction: 'ZZ', count: 84_185 });
    const items = listEvidenceItems(file.db);
    expect(items.map((i) => [i.name, i.kind])).toEqual(
      expect.arrayContaining([
        ['partner-sync-access-2020-11.log', 'text'],
        ['incident-report-2020-11-16.eml', 'email'],
        ['affected-by-jurisdiction.csv', 'csv'],
        ['dashboard-screenshot.png', 'image'],
      ]),
    );
    for (const item of items) {
      expect(existsSync(item.originalPath)).toBe(true);
      expect(createHash('sha256').update(readFileSync(item.originalPath)).digest('hex')).toBe(item.sha256);
      expect(item.eventIds.length).toBeGreaterThan(0);
    }
    const awareness = eventsTable.all(file.db).find((e) => e.title.toLowerCase().includes('aware'));
    expect(items.find((i) => i.name === 'incident-report-2020-11-16.eml')?.eventIds).toContain(awareness?.id);
    expect(searchCase(file, 'OUT-OF-SCOPE', 5).some((r) => r.kind === 'evidence' && r.line !== null)).toBe(
      true,
    );
    expect(verifyCase(file).ok).toBe(true);
    file.close();
  });
});

describe('facts', () => {
  it('stores times as UTC with the entered zone and audits only real changes', () => {
    const ctx = testContext();
    const file = makeCase(tempDir(), 'c.bdcase', ctx);
    const facts = updateFacts(
      file,
      { discoveredAt: stockholm('2020-11-12 14:05'), organisation: { role: 'processor' } },
      ctx,
    );
    expect(facts.discoveredAt).toEqual({
      utc: '2020-11-12T13:05:00.000Z',
      zone: 'Europe/Stockholm',
      precision: 'exact',
      approximate: false,
    });
    expect(facts.organisation.role).toBe('processor');
    const entries = countAuditEntries(file.db);
    updateFacts(file, { organisation: { role: 'processor' } }, ctx);
    expect(countAuditEntries(file.db)).toBe(entries);
    expect(listAuditEntries(file.db, undefined, 1)[0]?.action).toBe('facts.updated');
    file.close();
  });
});

describe('populations', () => {
  it('reports every bad CSV line and imports nothing, then imports a good file', () => {
    const ctx = testContext();
    const file = makeCase(tempDir(), 'c.bdcase', ctx);
    const bad = importPopulationsCsv(
      file,
      'jurisdiction,count\nUS-CA,1240\nXX-NOPE,5\nFR,lots\nUS-CA,3\n',
      ctx,
    );
    expect(bad.imported).toBe(0);
    expect(bad.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(bad.errors[0]?.message).toMatch(/Unknown jurisdiction/);
    expect(bad.errors[1]?.message).toMatch(/whole number/);
    expect(bad.errors[2]?.message).toMatch(/already appears on line 2/);
    expect(caseOverview(file, '2026-01-01').counts.jurisdictions).toBe(0);
    expect(importPopulationsCsv(file, 'us-ca,"1,240"\nFR,41000,exact\n', ctx)).toEqual({
      imported: 2,
      errors: [],
    });
    setPopulation(file, { jurisdiction: 'FR', count: 41_001, exact: true }, ctx);
    expect(caseOverview(file, '2026-01-01').counts).toMatchObject({
      jurisdictions: 2,
      peopleAffected: 42_241,
    });
    file.close();
  });
});

describe('timeline', () => {
  it('imports CSV all-or-nothing with line numbers', () => {
    const ctx = testContext();
    const file = makeCase(tempDir(), 'c.bdcase', ctx);
    const header = 'time,zone,title,precision,tags';
    const bad = importEventsCsv(
      file,
      `${header}\n2020-11-12 14:05,Europe/Stockholm,Flagged,,detection\n2020-13-01,Europe/Stockholm,Bad month,,\n2020-11-12,Mars/Olympus,Bad zone,,\n2020-11-12,UTC,,day,\n`,
      ctx,
    );
    expect(bad.imported).toBe(0);
    expect(bad.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(eventsTable.count(file.db)).toBe(0);
    const good = importEventsCsv(
      file,
      `${header}\n2020-11-12 14:05,Europe/Stockholm,Flagged,,detection;partner\n2020-04,Europe/Stockholm,Deployed,month,release\n`,
      ctx,
    );
    expect(good).toEqual({ imported: 2, errors: [] });
    const page = listEvents(file, { limit: 10, filter: {} });
    expect(page.events.map((e) => [e.title, e.at.precision])).toEqual([
      ['Deployed', 'month'],
      ['Flagged', 'exact'],
    ]);
    expect(listEvents(file, { limit: 10, filter: { tag: 'partner' } }).total).toBe(1);
    file.close();
  });

  it('pages by keyset and by offset in time order, filters by text, and audits deletes', () => {
    const ctx = testContext();
    const file = makeCase(tempDir(), 'c.bdcase', ctx);
    for (let day = 20; day >= 1; day -= 1) {
      createRecord(
        file,
        ctx,
        eventSpec,
        eventInput(`Event ${day}`, `2020-11-${String(day).padStart(2, '0')} 10:00`, {
          detail: day === 7 ? 'partner token rotated' : '',
        }),
      );
    }
    const first = listEvents(file, { limit: 5, filter: {} });
    expect(first.events.map((e) => e.title)).toEqual(['Event 1', 'Event 2', 'Event 3', 'Event 4', 'Event 5']);
    expect(first.total).toBe(20);
    const second = listEvents(file, { limit: 5, after: first.nextCursor ?? undefined, filter: {} });
    expect(second.events[0]?.title).toBe('Event 6');
    expect(listEvents(file, { limit: 5, offset: 18, filter: {} }).events.map((e) => e.title)).toEqual([
      'Event 19',
      'Event 20',
    ]);
    expect(listEvents(file, { limit: 5, filter: { text: 'token rot' } }).events.map((e) => e.title)).toEqual([
      'Event 7',
    ]);
    const gone = first.events[0]!;
    removeRecord(file, ctx, eventSpec, gone.id);
    expect(listAuditEntries(file.db, undefined, 1)[0]).toMatchObject({
      action: 'event.deleted',
      payload: { title: 'Event 1' },
    });
    expect(searchCase(file, 'Event 1', 50).some((r) => r.id === gone.id)).toBe(false);
    file.close();
  });
});

describe('search', () => {
  it('finds items of every kind with highlighted snippets, and any typed text is safe', async () => {
    const dir = tempDir();
    const ctx = testContext();
    const file = await createDemoCase(join(dir, 'demo.bdcase'), false, ctx);
    const results = searchCase(file, 'hotfix', 20);
    expect(results.some((r) => r.kind === 'event' && r.snippet.includes('\u0002'))).toBe(true);
    expect(searchCase(file, 'Beatline', 20).map((r) => r.kind)).toEqual(
      expect.arrayContaining(['party', 'event']),
    );
    expect(searchCase(file, 'privacy@sonora.example', 20).map((r) => r.kind)).toContain('facts');
    for (const weird of [
      '"unbalanced',
      'AND OR (',
      'NEAR(',
      '*',
      '^',
      'col:umn',
      "'; DROP TABLE events; --",
      '',
    ]) {
      expect(() => searchCase(file, weird, 20)).not.toThrow();
    }
    file.close();
  });
});

describe('parties', () => {
  it('records actions in time order and unlinks a removed party from events', () => {
    const ctx = testContext();
    const file = makeCase(tempDir(), 'c.bdcase', ctx);
    const party = createRecord(file, ctx, partySpec, {
      name: 'Beatline Devices Ltd',
      kind: 'partner',
      role: '',
      contactName: '',
      email: '',
      phone: '',
      address: '',
      notes: '',
    });
    addPartyAction(
      file,
      { partyId: party.id, kind: 'deletion_confirmed', at: stockholm('2020-11-24 16:00'), note: '' },
      ctx,
    );
    const withActions = addPartyAction(
      file,
      { partyId: party.id, kind: 'deletion_requested', at: stockholm('2020-11-18 11:00'), note: '' },
      ctx,
    );
    expect(withActions.actions.map((a) => a.kind)).toEqual(['deletion_requested', 'deletion_confirmed']);
    const event = createRecord(
      file,
      ctx,
      eventSpec,
      eventInput('Deletion requested', '2020-11-18 11:00', { partyIds: [party.id] }),
    );
    expect(listEvents(file, { limit: 5, filter: { partyId: party.id } }).total).toBe(1);
    removeParty(file, party.id, ctx);
    expect(eventsTable.get(file.db, event.id)?.partyIds).toEqual([]);
    expect(listAuditEntries(file.db, undefined, 1)[0]).toMatchObject({
      action: 'party.deleted',
      payload: { name: 'Beatline Devices Ltd', knockOn: { unlinkedFromEvents: [event.id] } },
    });
    expect(updateRecord(file, ctx, eventSpec, event.id, { title: 'Deletion requested' })).toMatchObject({
      title: 'Deletion requested',
    });
    file.close();
  });
});

describe('case document', () => {
  it('round-trips: export, import into a fresh case, export again gives the same records', async () => {
    const dir = tempDir();
    const ctx = testContext();
    const demo = await createDemoCase(join(dir, 'demo.bdcase'), false, ctx);
    const exported = exportCaseDocument(demo);
    demo.close();
    const copy = makeCase(dir, 'copy.bdcase', ctx);
    expect(importCaseDocument(copy, JSON.parse(JSON.stringify(exported)), ctx)).toMatchObject({ updated: 0 });
    expect(exportCaseDocument(copy)).toEqual(exported);
    expect(importCaseDocument(copy, exported, ctx)).toMatchObject({ added: 0 });
    copy.close();
  });

  it('rejects an invalid document naming each bad path, and writes nothing', () => {
    const ctx = testContext();
    const file = makeCase(tempDir(), 'c.bdcase', ctx);
    const before = countAuditEntries(file.db);
    const bad = {
      format: 'breachdesk.case-document/1',
      populations: [{ jurisdiction: 'US-ZZ', count: -1, exact: false }],
      events: [{ at: { utc: 'yesterday', zone: 'UTC' }, title: '' }],
    };
    expect(() => importCaseDocument(file, bad, ctx)).toThrow(
      /populations\.0\.jurisdiction.*populations\.0\.count|nothing was imported/,
    );
    expect(countAuditEntries(file.db)).toBe(before);
    file.close();
  });
});

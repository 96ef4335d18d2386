import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleMergeResult } from '../../shared/domain/bundle';
import type { EvidenceItem } from '../../shared/domain/evidence';
import type { TimelineEvent } from '../../shared/domain/events';
import type { Task } from '../../shared/domain/tasks-notes';
import { BreachdeskError } from '../../shared/ipc/errors';
import { zonedTimeFromLocal } from '../../shared/time/zoned-time';
import { openCaseFile, type CaseFile } from '../../main/casefile/case-file';
import { countAuditEntries, listAuditEntries } from '../../main/casefile/repos/audit-repo';
import { allBlobs, stagedBlobIds } from '../../main/casefile/repos/blob-repo';
import { custodyOf, listEvidenceItems } from '../../main/casefile/repos/evidence-repo';
import { eventsTable, notesTable, partiesTable, tasksTable } from '../../main/casefile/repos/tables';
import { importBundle } from '../../main/services/bundles/read/import-bundle';
import { listConflicts } from '../../main/casefile/repos/conflicts-repo';
import { mergeBundle } from '../../main/services/bundles/merge/merge-bundle';
import { resolveConflict } from '../../main/services/bundles/merge/resolve-conflict';
import type { SigningKeys } from '../../main/services/bundles/signing/signing-keys';
import { createRecord, removeRecord, updateRecord } from '../../main/services/collection-service';
import { stampFor } from '../../main/services/context';
import { createDemoCase, demoEvidenceFolder } from '../../main/services/demo-service';
import { updateEvidenceItem } from '../../main/services/evidence/evidence-service';
import { Job } from '../../main/services/jobs';
import { eventSpec, noteSpec, partySpec, taskSpec } from '../../main/services/record-specs';
import { exportTo, keysIn } from '../helpers/bundles';
import { editBundle, fileOf, firstEvidencePath, flipByte } from '../helpers/bundle-edit';
import { testContext } from '../helpers/cases';
import { intake, newJob, writeEvidenceFile } from '../helpers/evidence';
import { useTempDir } from '../helpers/temp-dir';

/*
 * Issue #7 point 6: a colleague imports our bundle as their own case (B), works on it, and sends
 * it back; merging it into ours (A) adds their records and evidence (bytes deduplicated by
 * SHA-256), lists edits both sides made differently as conflicts, and audits it all with the
 * bundle's id. One scenario is built in beforeAll and the tests read it in order.
 */

const tempDir = useTempDir();
const ctx = testContext();

let base: string;
let keys: SigningKeys;
let a: CaseFile;
let b: CaseFile;
/** A as exported before either side changed anything. */
let aZip: string;
/** B's work, exported and signed on the colleague's computer. */
let bZip: string;
/** The event both sides retitled, one retitled only in A, one only in B, one deleted in A and edited in B. */
let both: TimelineEvent;
let onlyOurs: TimelineEvent;
let onlyTheirs: TimelineEvent;
let deletedHereEditedThere: TimelineEvent;
/** A task A deleted after exporting; B's copy still has it. */
let deletedInA: Task;
const added: Record<'event' | 'party' | 'task' | 'note', string> = {
  event: '',
  party: '',
  task: '',
  note: '',
};
let newItem: EvidenceItem;
/** Demo evidence whose description both sides changed, and one only B re-tagged. */
let evidenceBoth: EvidenceItem;
let evidenceOnlyTheirs: EvidenceItem;
let copyItem: EvidenceItem;
let before: { blobs: number; evidence: number; audit: number };
let merged: BundleMergeResult;

function stockholm(local: string) {
  const time = zonedTimeFromLocal(local, 'Europe/Stockholm');
  if (time === null) throw new Error(local);
  return time;
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'breachdesk-merge-'));
  keys = keysIn(base);
  const colleagueKeys = keysIn(join(base, 'colleague'), 'colleague');
  a = await createDemoCase(join(base, 'a.bdcase'), false, ctx);
  aZip = (await exportTo(a, ctx, keys, join(base, 'a.zip'))).path;

  // The colleague trusts our key and imports our bundle as their own case.
  colleagueKeys.trust(keys.ensureKey().publicKey, 'us');
  const imported = await importBundle(
    aZip,
    { target: join(base, 'b.bdcase'), overwrite: false, passphrase: null },
    ctx,
    newJob('bundle-import'),
    colleagueKeys,
  );
  b = openCaseFile(imported.path, stampFor(ctx));

  [both, onlyOurs, onlyTheirs, deletedHereEditedThere] = eventsTable.all(a.db) as [
    TimelineEvent,
    TimelineEvent,
    TimelineEvent,
    TimelineEvent,
  ];
  added.event = createRecord(b, ctx, eventSpec, {
    at: stockholm('2020-11-20 09:30'),
    end: null,
    title: 'Colleague interviewed the partner engineer',
    detail: '',
    source: 'B',
    tags: [],
    partyIds: [],
  }).id;
  added.party = createRecord(b, ctx, partySpec, {
    name: 'Colleague-found processor',
    kind: 'processor',
    role: '',
    contactName: '',
    email: '',
    phone: '',
    address: '',
    notes: '',
  }).id;
  added.task = createRecord(b, ctx, taskSpec, {
    title: 'Colleague: confirm deletion',
    owner: 'B',
    due: null,
    status: 'open',
    obligationRuleId: null,
  }).id;
  added.note = createRecord(b, ctx, noteSpec, {
    title: 'Colleague note',
    body: 'Seen from the partner side.',
    privileged: false,
  }).id;
  const files = tempDir();
  const fresh = writeEvidenceFile(files, 'colleague-notes.txt', `new evidence ${randomUUID()}\n`);
  const demoItem = listEvidenceItems(a.db)[0]!;
  const sameBytes = writeEvidenceFile(
    files,
    'same-bytes-other-name.bin',
    readFileSync(join(demoEvidenceFolder(a.path), demoItem.name)),
  );
  const taken = await intake(b, ctx, [fresh, sameBytes]);
  expect(taken.added).toHaveLength(2);
  [newItem, copyItem] = taken.added as [EvidenceItem, EvidenceItem];
  expect(copyItem.sha256).toBe(demoItem.sha256);
  updateRecord(b, ctx, eventSpec, both.id, { title: 'Title from B' });
  updateRecord(b, ctx, eventSpec, onlyTheirs.id, { title: 'Retitled only in B' });
  updateRecord(b, ctx, eventSpec, deletedHereEditedThere.id, { detail: 'B added detail' });
  [evidenceBoth, evidenceOnlyTheirs] = listEvidenceItems(a.db).slice(1, 3) as [EvidenceItem, EvidenceItem];
  updateEvidenceItem(b, ctx, evidenceBoth.id, { description: 'Described by B' });
  updateEvidenceItem(b, ctx, evidenceOnlyTheirs.id, { tags: ['checked-by-b'] });
  bZip = (await exportTo(b, ctx, colleagueKeys, join(base, 'b.zip'))).path;

  // Meanwhile, in A.
  updateRecord(a, ctx, eventSpec, both.id, { title: 'Title from A' });
  updateRecord(a, ctx, eventSpec, onlyOurs.id, { title: 'Retitled only in A' });
  updateEvidenceItem(a, ctx, evidenceBoth.id, { description: 'Described by A' });
  deletedInA = tasksTable.all(a.db)[0]!;
  removeRecord(a, ctx, taskSpec, deletedInA.id);
  removeRecord(a, ctx, eventSpec, deletedHereEditedThere.id);

  keys.trust(colleagueKeys.ensureKey().publicKey, 'colleague');
  before = {
    blobs: allBlobs(a.db).length,
    evidence: listEvidenceItems(a.db).length,
    audit: countAuditEntries(a.db),
  };
  merged = await mergeBundle(a, ctx, newJob('bundle-merge'), keys, bZip);
}, 90_000);

afterAll(() => {
  a.close();
  b.close();
  rmSync(base, { recursive: true, force: true });
});

describe('merging a colleague’s bundle', () => {
  it('adds their events, parties, tasks, notes and evidence, once each', () => {
    expect(merged.sharedHistory).toBe(true);
    expect(merged.added).toEqual({ event: 1, party: 1, task: 1, note: 1, evidence: 2 });
    expect(eventsTable.get(a.db, added.event)?.title).toBe('Colleague interviewed the partner engineer');
    expect(partiesTable.get(a.db, added.party)?.name).toBe('Colleague-found processor');
    expect(tasksTable.get(a.db, added.task)?.title).toBe('Colleague: confirm deletion');
    expect(notesTable.get(a.db, added.note)?.body).toBe('Seen from the partner side.');
    expect(listEvidenceItems(a.db)).toHaveLength(before.evidence + 2);
    expect(merged.verification.signature).toMatchObject({ status: 'valid', signer: 'colleague' });
  });

  it('stores evidence bytes A already held once (deduplicated by SHA-256)', () => {
    expect(merged.deduplicated).toBe(1);
    // One new blob, for the new file; the copy under another name points at A's existing bytes.
    expect(allBlobs(a.db)).toHaveLength(before.blobs + 1);
    const items = new Map(listEvidenceItems(a.db).map((item) => [item.id, item]));
    expect(items.get(newItem.id)?.sha256).toBe(newItem.sha256);
    expect(items.get(copyItem.id)).toMatchObject({
      name: 'same-bytes-other-name.bin',
      sha256: copyItem.sha256,
    });
    expect(allBlobs(a.db).filter((blob) => blob.sha256 === copyItem.sha256)).toHaveLength(1);
    expect(stagedBlobIds(a.db)).toEqual([]);
  });

  it('lists the event both sides retitled as one open conflict with both titles', () => {
    const conflicts = listConflicts(a.db, false).filter((c) => c.recordId === both.id);
    expect(conflicts).toHaveLength(1);
    const [conflict] = conflicts;
    expect(conflict).toMatchObject({ kind: 'event', status: 'open', bundleId: merged.bundleId });
    expect(conflict?.fields).toContain('title');
    expect(conflict?.ours.title).toBe('Title from A');
    expect(conflict?.theirs.title).toBe('Title from B');
    // The merge left A's version in place until someone decides.
    expect(eventsTable.get(a.db, both.id)?.title).toBe('Title from A');
  });

  it('keeps an edit made only in A (B left the event as exported): no conflict', () => {
    // Both audit logs start with the exported history; only A's log touches this event after it.
    expect(merged.conflicts.some((c) => c.recordId === onlyOurs.id)).toBe(false);
    expect(eventsTable.get(a.db, onlyOurs.id)?.title).toBe('Retitled only in A');
  });

  it('takes an edit made only in B: no conflict, counted as updated', () => {
    expect(merged.updated.event).toBe(1);
    expect(eventsTable.get(a.db, onlyTheirs.id)?.title).toBe('Retitled only in B');
    expect(merged.conflicts.some((c) => c.recordId === onlyTheirs.id)).toBe(false);
  });

  it('keeps a record A deleted deleted when B did not touch it', () => {
    expect(tasksTable.get(a.db, deletedInA.id)).toBeNull();
    expect(merged.conflicts.some((c) => c.recordId === deletedInA.id)).toBe(false);
  });

  it('lists a record A deleted but B edited as a conflict (ours: deleted)', () => {
    const conflict = merged.conflicts.find((c) => c.recordId === deletedHereEditedThere.id);
    expect(conflict).toMatchObject({ kind: 'event', ours: {}, status: 'open' });
    expect(conflict?.theirs.detail).toBe('B added detail');
    expect(eventsTable.get(a.db, deletedHereEditedThere.id)).toBeNull();
    expect(merged.conflicts.map((c) => c.recordId).sort()).toEqual(
      [both.id, deletedHereEditedThere.id, evidenceBoth.id].sort(),
    );
  });

  it('audits the merge with the bundle id and the ids it added', () => {
    const [last] = listAuditEntries(a.db, undefined, 1);
    expect(last).toMatchObject({ action: 'bundle.merged', target: `bundle:${merged.bundleId}` });
    expect(last?.target).toContain(merged.bundleId);
    const payload = last?.payload as { added: Record<string, string[]>; deduplicated: number };
    expect(payload.added).toEqual({
      event: [added.event],
      party: [added.party],
      task: [added.task],
      note: [added.note],
      evidence: expect.arrayContaining([newItem.id, copyItem.id]) as unknown,
    });
    expect(payload.deduplicated).toBe(1);
    expect(countAuditEntries(a.db)).toBe(before.audit + 1);
  });

  it('records in custody that the merged evidence was received in the bundle', () => {
    for (const item of [newItem, copyItem]) {
      const received = custodyOf(a.db, item.id).filter((entry) => entry.action === 'received');
      expect(received.some((entry) => entry.note.includes(merged.bundleId))).toBe(true);
    }
    // The colleague's own custody entries came across first (their intake, on their computer).
    const [first, second] = custodyOf(a.db, newItem.id);
    expect(first?.note).toContain('Taken into the case file from');
    expect(second?.note).toContain(`Merged from case bundle ${merged.bundleId}`);
  });

  it(
    'merging the same bundle again adds nothing and no duplicate conflicts',
    { timeout: 60_000 },
    async () => {
      const conflicts = listConflicts(a.db, true).length;
      const blobs = allBlobs(a.db).length;
      const evidence = listEvidenceItems(a.db).length;
      const again = await mergeBundle(a, ctx, newJob('bundle-merge'), keys, bZip);
      expect(again.added).toEqual({ event: 0, party: 0, task: 0, note: 0, evidence: 0 });
      expect(again.conflicts).toEqual([]);
      expect(again.deduplicated).toBe(0);
      expect(again.custodyEntriesAdded).toBe(0);
      expect(listConflicts(a.db, true)).toHaveLength(conflicts);
      expect(allBlobs(a.db)).toHaveLength(blobs);
      expect(listEvidenceItems(a.db)).toHaveLength(evidence);
    },
  );

  it('merges evidence details the same way: B-only edits taken, both-sides edits a conflict', () => {
    expect(merged.updated.evidence).toBe(1);
    expect(listEvidenceItems(a.db).find((i) => i.id === evidenceOnlyTheirs.id)?.tags).toEqual([
      'checked-by-b',
    ]);
    const conflict = merged.conflicts.find((c) => c.recordId === evidenceBoth.id);
    expect(conflict).toMatchObject({ kind: 'evidence', fields: ['description'], label: evidenceBoth.name });
    expect(conflict?.ours.description).toBe('Described by A');
    expect(conflict?.theirs.description).toBe('Described by B');
    const resolved = resolveConflict(a, ctx, conflict!.id, 'theirs');
    expect(resolved.status).toBe('took-theirs');
    const item = listEvidenceItems(a.db).find((i) => i.id === evidenceBoth.id);
    expect(item?.description).toBe('Described by B');
    // Only the details a person edits come across; the bytes and their hash are this case's.
    expect(item?.sha256).toBe(evidenceBoth.sha256);
  });

  it("resolving as 'theirs' takes B's title, audited; resolving again is refused", () => {
    const conflict = listConflicts(a.db, false).find((c) => c.recordId === both.id)!;
    const resolved = resolveConflict(a, ctx, conflict.id, 'theirs');
    expect(resolved).toMatchObject({ status: 'took-theirs', resolvedBy: ctx.actor });
    expect(eventsTable.get(a.db, both.id)?.title).toBe('Title from B');
    expect(listAuditEntries(a.db, undefined, 1)[0]).toMatchObject({
      action: 'bundle.conflict_resolved',
      target: `event:${both.id}`,
      payload: { conflictId: conflict.id, bundleId: merged.bundleId, choice: 'theirs' },
    });
    const audit = countAuditEntries(a.db);
    expect(() => resolveConflict(a, ctx, conflict.id, 'ours')).toThrow(BreachdeskError);
    expect(() => resolveConflict(a, ctx, conflict.id, 'theirs')).toThrow(/already resolved/);
    expect(countAuditEntries(a.db)).toBe(audit);
    expect(eventsTable.get(a.db, both.id)?.title).toBe('Title from B');
  });

  it("resolving as 'ours' keeps A's version (here: the event stays deleted), audited", () => {
    const conflict = listConflicts(a.db, false).find((c) => c.recordId === deletedHereEditedThere.id)!;
    expect(resolveConflict(a, ctx, conflict.id, 'ours').status).toBe('kept-ours');
    expect(eventsTable.get(a.db, deletedHereEditedThere.id)).toBeNull();
    expect(listAuditEntries(a.db, undefined, 1)[0]).toMatchObject({
      action: 'bundle.conflict_resolved',
      payload: { choice: 'ours' },
    });
    expect(listConflicts(a.db, false)).toEqual([]);
  });

  it(
    'merging the same bundle after its conflicts were resolved does not raise them again',
    { timeout: 60_000 },
    async () => {
      const again = await mergeBundle(a, ctx, newJob('bundle-merge'), keys, bZip);
      expect(again.conflicts).toEqual([]);
      expect(listConflicts(a.db, false)).toEqual([]);
      expect(eventsTable.get(a.db, onlyOurs.id)?.title).toBe('Retitled only in A');
    },
  );

  it('a bundle that fails verification writes nothing', { timeout: 60_000 }, async () => {
    const damaged = await editBundle(bZip, join(tempDir(), 'damaged.zip'), (bundle) => {
      const path = firstEvidencePath(bundle);
      bundle.files.set(path, flipByte(fileOf(bundle, path)));
    });
    const state = () => ({
      audit: countAuditEntries(a.db),
      evidence: listEvidenceItems(a.db).length,
      blobs: allBlobs(a.db).length,
      conflicts: listConflicts(a.db, true).length,
      events: eventsTable.all(a.db).length,
    });
    const was = state();
    const error: unknown = await mergeBundle(a, ctx, newJob('bundle-merge'), keys, damaged).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BreachdeskError);
    expect((error as BreachdeskError).message).toContain('does not match manifest-sha256.txt');
    expect(state()).toEqual(was);
    expect(stagedBlobIds(a.db)).toEqual([]);
  });

  it(
    'a merge cancelled while adding evidence bytes leaves no staged blob and writes nothing',
    { timeout: 60_000 },
    async () => {
      // A fresh copy of A as exported: it lacks the colleague's new evidence, so bytes get staged.
      const dir = tempDir();
      const fresh = await importBundle(
        aZip,
        { target: join(dir, 'c.bdcase'), overwrite: false, passphrase: null },
        ctx,
        newJob('bundle-import'),
        keys,
      );
      const c = openCaseFile(fresh.path, stampFor(ctx));
      try {
        const audit = countAuditEntries(c.db);
        const blobs = allBlobs(c.db).length;
        let sawStaging = false;
        const job: Job = new Job(
          randomUUID(),
          'bundle-merge',
          {
            emit: (_event, payload) => {
              if ((payload as { phase?: string }).phase !== 'Adding evidence') return;
              sawStaging = stagedBlobIds(c.db).length > 0;
              job.cancel();
            },
          },
          0,
        );
        const error: unknown = await mergeBundle(c, ctx, job, keys, bZip).catch((e: unknown) => e);
        expect(sawStaging).toBe(true);
        expect(error).toBeInstanceOf(BreachdeskError);
        expect((error as BreachdeskError).code).toBe('CANCELLED');
        expect(stagedBlobIds(c.db)).toEqual([]);
        expect(allBlobs(c.db)).toHaveLength(blobs);
        expect(countAuditEntries(c.db)).toBe(audit);
        expect(eventsTable.get(c.db, added.event)).toBeNull();
      } finally {
        c.close();
      }
    },
  );
});

describe('merging a bundle of another case', () => {
  it(
    'says the two share no history, adds its records as new, and leaves this case’s own alone',
    { timeout: 90_000 },
    async () => {
      const dir = tempDir();
      const other = await createDemoCase(join(dir, 'other.bdcase'), false, ctx);
      const otherZip = (await exportTo(other, ctx, keys, join(dir, 'other.zip'))).path;
      other.close();
      const ours = openCaseFile(
        (
          await importBundle(
            aZip,
            { target: join(dir, 'ours.bdcase'), overwrite: false, passphrase: null },
            ctx,
            newJob('bundle-import'),
            keys,
          )
        ).path,
        stampFor(ctx),
      );
      try {
        const events = eventsTable.all(ours.db).length;
        const result = await mergeBundle(ours, ctx, newJob('bundle-merge'), keys, otherZip);
        expect(result.sharedHistory).toBe(false);
        // The demo makes fresh ids every time: nothing matches, so everything is added, nothing updated.
        expect(result.added.event).toBe(events);
        expect(result.updated).toEqual({ event: 0, party: 0, task: 0, note: 0, evidence: 0 });
        expect(result.conflicts).toEqual([]);
        expect(eventsTable.all(ours.db)).toHaveLength(events * 2);
        // Same demo files, same bytes: every item of the other case points at bytes held already.
        expect(result.deduplicated).toBe(result.added.evidence);
      } finally {
        ours.close();
      }
    },
  );
});

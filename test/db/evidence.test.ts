import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BreachdeskError } from '../../shared/ipc/errors';
import { openCaseFile } from '../../main/casefile/case-file';
import { listAuditEntries } from '../../main/casefile/repos/audit-repo';
import { CHUNK_SIZE } from '../../main/casefile/repos/blob-repo';
import { custodyOf, listEvidenceItems } from '../../main/casefile/repos/evidence-repo';
import { createRecord, removeRecord } from '../../main/services/collection-service';
import { addCustodyEntry, updateEvidenceItem } from '../../main/services/evidence/evidence-service';
import { exportEvidence } from '../../main/services/evidence/export-service';
import { previewEvidence } from '../../main/services/evidence/preview-service';
import { verifyEvidence } from '../../main/services/evidence/verify-evidence-service';
import { eventSpec } from '../../main/services/record-specs';
import { searchCase } from '../../main/services/search-service';
import { verifyCase } from '../../main/services/verify-service';
import { makeCase, testContext } from '../helpers/cases';
import { intake, newJob, randomFile, writeEvidenceFile } from '../helpers/evidence';
import { withRawDb } from '../helpers/raw-db';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();

function counts(path: string): {
  blobs: number;
  chunks: number;
  pages: number;
  items: number;
  searchRows: number;
} {
  return withRawDb(path, (db) => ({
    blobs: (db.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n,
    chunks: (db.prepare('SELECT count(*) AS n FROM blob_chunks').get() as { n: number }).n,
    pages: (db.prepare('SELECT count(*) AS n FROM blob_text_pages').get() as { n: number }).n,
    items: (db.prepare('SELECT count(*) AS n FROM evidence').get() as { n: number }).n,
    searchRows: (
      db.prepare("SELECT count(*) AS n FROM search_items WHERE kind = 'evidence-text'").get() as { n: number }
    ).n,
  }));
}

describe('evidence intake', () => {
  it('stores files byte for byte in 1 MiB chunks with their SHA-256, content stored once', async () => {
    const dir = tempDir();
    const ctx = testContext();
    const file = makeCase(dir, 'case.bdcase', ctx);
    const big = randomFile(dir, 'disk-image.bin', 3 * CHUNK_SIZE + 12_345);
    const copyPath = writeEvidenceFile(dir, 'copy-of-image.bin', readFileSync(big.path));
    const folder = join(dir, 'mails');
    mkdirSync(folder);
    writeEvidenceFile(folder, 'b.txt', 'second\n');
    writeEvidenceFile(folder, 'a.txt', 'first\n');
    symlinkSync(big.path, join(folder, 'link.bin'));

    const result = await intake(file, ctx, [big.path, copyPath, folder], {
      source: 'laptop',
      collectedBy: 'J. Doe',
    });
    expect(result.added.map((i) => i.name)).toEqual([
      'disk-image.bin',
      'copy-of-image.bin',
      'a.txt',
      'b.txt',
    ]);
    expect(result.skipped).toEqual([
      { path: join(folder, 'link.bin'), reason: 'a symbolic link (not followed)' },
    ]);
    const image = result.added[0]!;
    expect(image).toMatchObject({
      size: 3 * CHUNK_SIZE + 12_345,
      sha256: big.sha256,
      kind: 'binary',
      source: 'laptop',
    });
    expect(result.added[1]!.sha256).toBe(big.sha256);
    file.close();
    // Two items, one blob: identical content is stored once.
    expect(counts(join(dir, 'case.bdcase'))).toMatchObject({ blobs: 3, chunks: 4 + 1 + 1, items: 4 });
  });

  it('reports a file already taken in (same content, name and path) instead of adding it again', async () => {
    const dir = tempDir();
    const ctx = testContext();
    const file = makeCase(dir, 'case.bdcase', ctx);
    const path = writeEvidenceFile(dir, 'note.txt', 'hello\n');
    const first = await intake(file, ctx, [path]);
    const again = await intake(file, ctx, [path]);
    expect(again.added).toEqual([]);
    expect(again.alreadyPresent).toEqual([{ path, id: first.added[0]!.id }]);
    file.close();
  });

  it('records intake in custody and the audit log, and links to events', async () => {
    const dir = tempDir();
    const ctx = testContext();
    const file = makeCase(dir, 'case.bdcase', ctx);
    const event = createRecord(file, ctx, eventSpec, {
      at: { utc: '2020-11-16T08:30:00.000Z', zone: 'Europe/Paris', precision: 'exact', approximate: false },
      end: null,
      title: 'Awareness',
      detail: '',
      source: '',
      tags: [],
      partyIds: [],
    });
    const path = writeEvidenceFile(
      dir,
      'report.eml',
      'From: a@example.com\r\nTo: b@example.com\r\nSubject: Incident\r\nDate: Mon, 16 Nov 2020 09:30:00 +0100\r\n\r\nThe breach is confirmed.\r\n',
    );
    const { added } = await intake(file, ctx, [path], {
      collectedBy: 'DPO',
      collectedAt: {
        utc: '2020-11-17T10:00:00.000Z',
        zone: 'Europe/Paris',
        precision: 'exact',
        approximate: false,
      },
      eventIds: [event.id],
    });
    const item = added[0]!;
    expect(item.kind).toBe('email');
    expect(item.eventIds).toEqual([event.id]);
    expect(custodyOf(file.db, item.id).map((c) => [c.action, c.actor, c.automatic])).toEqual([
      ['collected', 'DPO', true],
      ['received', 'tester', true],
    ]);
    const custody = addCustodyEntry(file, ctx, {
      evidenceId: item.id,
      action: 'transferred',
      actor: 'Counsel',
      at: '2020-11-18T10:00:00.000Z',
      note: 'Handed over on USB stick #4',
    });
    expect(custodyOf(file.db, item.id).at(-1)).toEqual(custody);
    expect(() => file.db.prepare("UPDATE custody_entries SET data = '{}'").run()).toThrow(
      /cannot be changed/,
    );
    expect(() => file.db.prepare('DELETE FROM custody_entries').run()).toThrow(/cannot be deleted/);
    expect(listAuditEntries(file.db, undefined, 10).map((e) => e.action)).toEqual(
      expect.arrayContaining(['evidence.added', 'evidence.custody_recorded']),
    );

    const edited = updateEvidenceItem(file, ctx, item.id, { description: 'Awareness e-mail', tags: ['key'] });
    expect(edited).toMatchObject({ description: 'Awareness e-mail', tags: ['key'], sha256: item.sha256 });
    removeRecord(file, ctx, eventSpec, event.id);
    expect(listEvidenceItems(file.db)[0]!.eventIds).toEqual([]);
    file.close();
  });

  it('leaves nothing but an audit entry when cancelled, and nothing at all for a missing path', async () => {
    const dir = tempDir();
    const ctx = testContext();
    const file = makeCase(dir, 'case.bdcase', ctx);
    const small = writeEvidenceFile(dir, 'small.txt', 'kept? no\n');
    const big = randomFile(dir, 'big.bin', 40 * CHUNK_SIZE);
    const job = newJob('intake', {
      emit: (event, payload) => {
        if (event === 'job.progress' && 'doneBytes' in payload && payload.doneBytes > 20 * CHUNK_SIZE)
          job.cancel();
      },
    });
    await expect(intake(file, ctx, [small, big.path], {}, job)).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(intake(file, ctx, [join(dir, 'nope.bin')])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(listAuditEntries(file.db, undefined, 1)[0]!.action).toBe('evidence.intake_cancelled');
    expect(verifyCase(file).ok).toBe(true);
    file.close();
    expect(counts(join(dir, 'case.bdcase'))).toEqual({
      blobs: 0,
      chunks: 0,
      pages: 0,
      items: 0,
      searchRows: 0,
    });
  });

  it('discards what a killed intake staged when the file is next opened', () => {
    const dir = tempDir();
    const ctx = testContext();
    const path = join(dir, 'case.bdcase');
    makeCase(dir, 'case.bdcase', ctx).close();
    // What a killed intake leaves: a staged blob (no hash) with chunks and text pages.
    withRawDb(path, (db) => {
      db.prepare("INSERT INTO blobs (id, staged_at) VALUES (7, '2026-01-01T00:00:00.000Z')").run();
      db.prepare('INSERT INTO blob_chunks (blob_id, seq, bytes) VALUES (7, 0, zeroblob(1024))').run();
      const row = db
        .prepare(
          "INSERT INTO search_items (kind, item_id, title, body) VALUES ('evidence-text', 'blob:7:0', '', 'orphan words')",
        )
        .run();
      db.prepare('INSERT INTO blob_text_pages VALUES (7, 0, 1, 1, 0, 12, ?)').run(row.lastInsertRowid);
    });
    const reopened = openCaseFile(path, { actor: 'tester', at: '2026-01-02T00:00:00.000Z' });
    expect(listAuditEntries(reopened.db, undefined, 1)[0]).toMatchObject({
      action: 'evidence.intake_abandoned',
      payload: { stagedBlobsDiscarded: 1 },
    });
    expect(searchCase(reopened, 'orphan', 10)).toEqual([]);
    expect(verifyCase(reopened).ok).toBe(true);
    reopened.close();
    expect(counts(path)).toEqual({ blobs: 0, chunks: 0, pages: 0, items: 0, searchRows: 0 });
  });
});

describe('evidence integrity and export', () => {
  it('verifies every item, and names the item whose stored chunk lost a byte', async () => {
    const dir = tempDir();
    const ctx = testContext();
    const path = join(dir, 'case.bdcase');
    const file = makeCase(dir, 'case.bdcase', ctx);
    const good = randomFile(dir, 'good.bin', 2 * CHUNK_SIZE);
    const bad = randomFile(dir, 'bad.bin', 2 * CHUNK_SIZE + 5);
    await intake(file, ctx, [good.path, bad.path]);
    const clean = await verifyEvidence(file, ctx, newJob('verify'), undefined);
    expect(clean).toMatchObject({ ok: true, items: 2, blobs: 2, bytes: 4 * CHUNK_SIZE + 5, failed: [] });
    file.close();

    withRawDb(path, (db) => {
      const row = db
        .prepare(
          'SELECT blob_id FROM blob_chunks JOIN blobs ON blobs.id = blob_id WHERE sha256 = ? AND seq = 1',
        )
        .get(bad.sha256) as { blob_id: number };
      const bytes = (
        db.prepare('SELECT bytes FROM blob_chunks WHERE blob_id = ? AND seq = 1').get(row.blob_id) as {
          bytes: Buffer;
        }
      ).bytes;
      bytes[1000] = (bytes[1000]! + 1) % 256;
      db.prepare('UPDATE blob_chunks SET bytes = ? WHERE blob_id = ? AND seq = 1').run(bytes, row.blob_id);
    });
    const reopened = openCaseFile(path, { actor: 'tester', at: '2026-01-02T00:00:00.000Z' });
    const report = await verifyEvidence(reopened, ctx, newJob('verify'), undefined);
    expect(report.ok).toBe(false);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]).toMatchObject({ name: 'bad.bin', sha256: bad.sha256 });
    expect(report.failed[0]!.problem).toMatch(/hash to [0-9a-f]{64}, not the/);
    const badItem = listEvidenceItems(reopened.db).find((i) => i.name === 'bad.bin')!;
    const lastCustody = custodyOf(reopened.db, badItem.id).at(-1);
    expect(lastCustody?.action).toBe('verified');
    expect(lastCustody?.note).toMatch(/FAILED/);
    reopened.close();
  });

  it('exports the original bytes, checked by hash, and records the export in custody', async () => {
    const dir = tempDir();
    const ctx = testContext();
    const file = makeCase(dir, 'case.bdcase', ctx);
    const source = randomFile(dir, 'capture.pcap', CHUNK_SIZE + 77);
    const { added } = await intake(file, ctx, [source.path]);
    const item = added[0]!;
    const target = join(dir, 'out.pcap');
    const result = await exportEvidence(file, ctx, newJob('export'), item.id, target, false);
    expect(result).toEqual({ path: target, size: CHUNK_SIZE + 77, sha256: source.sha256 });
    expect(createHash('sha256').update(readFileSync(target)).digest('hex')).toBe(source.sha256);
    expect(custodyOf(file.db, item.id).at(-1)).toMatchObject({ action: 'exported', automatic: true });
    await expect(exportEvidence(file, ctx, newJob('export'), item.id, target, false)).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    });
    await expect(
      exportEvidence(file, ctx, newJob('export'), item.id, join(dir, 'missing', 'x'), false),
    ).rejects.toBeInstanceOf(BreachdeskError);
    file.close();
  });
});

describe('evidence text and previews', () => {
  it('finds words in a log and names the line; markup is searched without its tags', async () => {
    const dir = tempDir();
    const ctx = testContext();
    const file = makeCase(dir, 'case.bdcase', ctx);
    const lines = Array.from(
      { length: 20_000 },
      (_, i) => `2020-11-0${1 + (i % 9)}T10:00:00Z partner GET /v3/accounts/${i}`,
    );
    lines[1233] = '2020-11-03T10:00:00Z beatline GET /v3/accounts/zyxwvutsrq OUT-OF-SCOPE';
    const log = writeEvidenceFile(dir, 'access.log', `${lines.join('\n')}\n`);
    const page = writeEvidenceFile(
      dir,
      'page.html',
      '<!doctype html>\n<html><head><script>\nalert("stolen")\n</script></head>\n<body>\n<p>Partner <b>quokka</b> report</p>\n</body></html>\n',
    );
    const { added } = await intake(file, ctx, [log, page]);
    const [logItem, htmlItem] = added;
    expect(logItem).toMatchObject({
      kind: 'text',
      encoding: 'utf-8',
      text: { state: 'indexed', lines: 20_000 },
    });
    expect(logItem!.text.pages).toBeGreaterThan(10);
    expect(searchCase(file, 'zyxwvutsrq', 10)).toEqual([
      expect.objectContaining({ kind: 'evidence', id: logItem!.id, title: 'access.log', line: 1234 }),
    ]);
    expect(htmlItem).toMatchObject({ kind: 'source', mediaType: 'text/html' });
    expect(searchCase(file, 'quokka', 10)).toEqual([expect.objectContaining({ id: htmlItem!.id, line: 6 })]);
    expect(searchCase(file, 'stolen', 10)).toEqual([]);

    const at = await previewEvidence(file, logItem!.id, 'natural', 0, 1234);
    expect(at.type).toBe('text');
    if (at.type === 'text') {
      expect(at.lines[1234 - at.firstLine]).toContain('zyxwvutsrq');
      expect(at.pages).toBe(logItem!.text.pages);
    }
    const source = await previewEvidence(file, htmlItem!.id, 'natural', 0, undefined);
    expect(source).toMatchObject({ type: 'text', source: true, firstLine: 1 });
    if (source.type === 'text') expect(source.lines).toContain('alert("stolen")');
    const hex = await previewEvidence(file, htmlItem!.id, 'hex', 0, undefined);
    expect(hex).toMatchObject({ type: 'hex', offset: 0, pages: 1 });
    file.close();
  });

  it('previews CSV as a table, JSON pretty, images as data URLs, and SVG only as source text', async () => {
    const dir = tempDir();
    const ctx = testContext();
    const file = makeCase(dir, 'case.bdcase', ctx);
    const csv = writeEvidenceFile(dir, 'counts.csv', 'jurisdiction,count\nUS-CA,1240\nUS-TX,300\n');
    const json = writeEvidenceFile(dir, 'config.json', '{"scope":{"check":false},"partners":3}');
    const svg = writeEvidenceFile(
      dir,
      'logo.png',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>\n',
    );
    const png = writeEvidenceFile(
      dir,
      'pixel.png',
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
    const { added } = await intake(file, ctx, [csv, json, svg, png]);
    const [csvItem, jsonItem, svgItem, pngItem] = added;
    expect(await previewEvidence(file, csvItem!.id, 'natural', 0, undefined)).toMatchObject({
      type: 'table',
      header: ['jurisdiction', 'count'],
      rows: [
        ['US-CA', '1240'],
        ['US-TX', '300'],
      ],
    });
    expect(await previewEvidence(file, jsonItem!.id, 'natural', 0, undefined)).toEqual({
      type: 'json',
      text: JSON.stringify({ scope: { check: false }, partners: 3 }, null, 2),
    });
    expect(svgItem).toMatchObject({ kind: 'source', mediaType: 'image/svg+xml' });
    expect(await previewEvidence(file, svgItem!.id, 'natural', 0, undefined)).toMatchObject({
      type: 'text',
      source: true,
    });
    expect(pngItem).toMatchObject({ kind: 'image', mediaType: 'image/png' });
    const image = await previewEvidence(file, pngItem!.id, 'natural', 0, undefined);
    expect(image.type === 'image' && image.dataUrl.startsWith('data:image/png;base64,iVBOR')).toBe(true);
    file.close();
  });
});

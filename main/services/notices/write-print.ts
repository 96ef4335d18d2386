import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { NoticeRun, RunFile } from '../../../shared/domain/notices';
import type { CaseFile } from '../../casefile/case-file';
import { runNoticesPage, setNoticeFile, type StoredNotice } from '../../casefile/repos/notices-repo';
import { csvLine } from '../../formats/csv/csv-write';
import { renderPrintBatch, type PrintLetter } from '../../letters/render/render-print-batch';
import type { Job } from '../jobs';
import type { LetterFrames } from './letter-frames';
import { closeQuietly, fileSha256, personForNotice } from './write-run';

/** Letters per PDF: a size mail houses take as one job and a file that opens quickly. */
export const LETTERS_PER_BATCH = 500;
const ADDRESS_LINES = 6;

/**
 * Writes a run's printed notices as PDF batches (print/letters-0001.pdf…) and the mail house's
 * manifest (print/mailhouse-manifest.csv: batch, sequence, first page, pages, person id and the
 * address lines), and gives each letter's manifest row to `onRow`.
 */
export async function writePrintBatches(
  file: CaseFile,
  run: NoticeRun,
  folder: string,
  frames: LetterFrames,
  job: Job,
  onRow: (row: (string | number)[]) => Promise<void>,
): Promise<{ files: RunFile[] }> {
  const open: WriteStream[] = [];
  try {
    return await writeAll();
  } catch (error) {
    await Promise.all(open.map((stream) => closeQuietly(stream)));
    throw error;
  }

  async function writeAll(): Promise<{ files: RunFile[] }> {
    const files: RunFile[] = [];
    let mailHouse: WriteStream | null = null;
    let after = 0;
    for (;;) {
      const page = runNoticesPage(file.db, run.seq, 'post', after, LETTERS_PER_BATCH);
      if (page.length === 0) break;
      job.throwIfCancelled('The notification run was cancelled; nothing was written.');
      if (mailHouse === null) {
        mkdirSync(join(folder, 'print'), { recursive: true });
        mailHouse = createWriteStream(join(folder, 'print', 'mailhouse-manifest.csv'));
        open.push(mailHouse);
        mailHouse.write(
          csvLine([
            'batch',
            'sequence',
            'firstPage',
            'pages',
            'personId',
            ...Array.from({ length: ADDRESS_LINES }, (_, i) => `addressLine${i + 1}`),
          ]),
        );
      }
      const name = `print/letters-${String(files.length + 1).padStart(4, '0')}.pdf`;
      const letters: PrintLetter[] = page.map((notice) => printLetterOf(file, notice, frames));
      const out = createWriteStream(join(folder, name));
      open.push(out);
      const result = await renderPrintBatch(letters, out, {
        title: `${run.plan.format === 'pdf' ? 'Printed notices' : 'Notices'} ${name}`,
        createdAt: new Date(run.createdAt),
      });
      const sha256 = await fileSha256(join(folder, name));
      const bytes = out.bytesWritten;
      files.push({ file: name, sha256, bytes, notices: page.length });
      file.transaction((db) => {
        for (const notice of page) setNoticeFile(db, notice.id, name, sha256);
      });
      for (const [i, notice] of page.entries()) {
        const lines = (notice.address ?? '').split('\n');
        const placed = result.letters[i] ?? { firstPage: 0, pages: 0 };
        const cells = [
          name,
          i + 1,
          placed.firstPage,
          placed.pages,
          notice.person,
          ...Array.from({ length: ADDRESS_LINES }, (_, k) =>
            k === ADDRESS_LINES - 1 ? lines.slice(k).join(', ') : (lines[k] ?? ''),
          ),
        ];
        if (!mailHouse.write(csvLine(cells))) await once(mailHouse, 'drain');
        await onRow([notice.person, notice.address ?? '', name, sha256]);
      }
      after = page[page.length - 1]?.id ?? after;
    }
    if (mailHouse !== null) {
      const stream: WriteStream = mailHouse;
      stream.end();
      await once(stream, 'close');
      const path = join(folder, 'print', 'mailhouse-manifest.csv');
      files.push({
        file: 'print/mailhouse-manifest.csv',
        sha256: await fileSha256(path),
        bytes: stream.bytesWritten,
        notices: files.reduce((sum, f) => sum + f.notices, 0),
      });
    }
    return { files };
  }
}

function printLetterOf(file: CaseFile, notice: StoredNotice, frames: LetterFrames): PrintLetter {
  const frame = frames.get(notice.letter ?? '', notice.version ?? 0);
  const address = notice.address ?? '';
  const person = personForNotice(file, notice, frame);
  return { recipientLines: address.split('\n'), input: frame.print(frame.personFields(person, address)) };
}

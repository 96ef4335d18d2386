import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, writeFile, type WriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import type { DataElement } from '../../../shared/domain/data-elements';
import type { NoticeRun, RunFile } from '../../../shared/domain/notices';
import type { RosterField } from '../../../shared/domain/roster';
import type { CaseFile } from '../../casefile/case-file';
import {
  codeOfPerson,
  personRecordData,
  personRow,
  runNoticesPage,
  setNoticeFile,
  type StoredNotice,
} from '../../casefile/repos/notices-repo';
import { csvLine } from '../../formats/csv/csv-write';
import { mboxEntry } from '../../formats/mime/mbox';
import { buildNoticeMessage } from '../../formats/mime/notice-message';
import { personValues } from '../../notices/person-values';
import type { Job } from '../jobs';
import { termsOfKey } from './notice-context';
import { sha256Hex, type LetterFrame, type LetterFrames } from './letter-frames';
import { writePrintBatches } from './write-print';

/** E-mails per folder (.eml) or per mbox file: folders of a million files are slow to list. */
const EMAILS_PER_FOLDER = 1_000;
const EMAILS_PER_MBOX = 5_000;
const PAGE = 500;
/**
 * .eml files being written at once: creating a file costs the kernel about as much as building
 * the message, so files are written on libuv's threads while the next messages are built.
 */
const WRITES_IN_FLIGHT = 16;

export interface Sender {
  name: string;
  address: string;
}

/** What writing a run produced: its batch files (PDF, mbox) and how many files in all. */
export interface Written {
  files: RunFile[];
  fileCount: number;
  manifestSha256: string;
}

/** The person's own values as a notice merges them (never logged, audited or put in an error). */
export function personForNotice(
  file: CaseFile,
  notice: StoredNotice,
  frame: LetterFrame,
): { name: string | null; accountId: string | null; dataElements: DataElement[]; offerCode: string | null } {
  const records = personRecordData(file.db, notice.person).map(
    (data) => JSON.parse(data) as Partial<Record<RosterField, string>>,
  );
  const values = personValues(records);
  const row = personRow(file.db, notice.person);
  const terms = row === null ? [] : termsOfKey(row[3]);
  const dataElements = terms.flatMap((term): DataElement[] => {
    const known = frame.caseElements.filter((e) => e.term === term);
    return known.length > 0
      ? known
      : [{ id: '', term, customLabel: null, encrypted: false, keyCompromised: false, note: '' }];
  });
  return {
    name: values.name,
    accountId: values.accountId,
    dataElements,
    offerCode: codeOfPerson(file.db, notice.person)?.code ?? null,
  };
}

/**
 * Writes a run's files into `folder` from its notices as recorded: e-mails (.eml files in
 * folders of a thousand, or mbox files), print batches, and manifest.csv (personId, address,
 * file, sha256). The same run written twice gives the same bytes: every date and id comes from
 * the run and its notices.
 */
export async function writeRunFiles(
  file: CaseFile,
  run: NoticeRun,
  folder: string,
  frames: LetterFrames,
  sender: Sender,
  job: Job,
): Promise<Written> {
  const manifest = createWriteStream(join(folder, 'manifest.csv'));
  const open: WriteStream[] = [manifest];
  const files = new FileWrites(WRITES_IN_FLIGHT);
  try {
    return await writeAll();
  } catch (error) {
    // Close what is open before the caller removes the folder, so no write lands after it.
    await Promise.all([...open.map((stream) => closeQuietly(stream)), files.settled()]);
    throw error;
  }

  async function writeAll(): Promise<Written> {
    manifest.write(csvLine(['personId', 'address', 'file', 'sha256']));
    const batches: RunFile[] = [];
    let fileCount = 0;
    const total = run.plan.byChannel.email + run.plan.byChannel.post;
    let done = 0;
    const progress = (phase: string) =>
      job.report({
        phase,
        doneBytes: done,
        totalBytes: total,
        doneItems: done,
        totalItems: total,
        current: '',
      });

    const domain = sender.address.split('@')[1] ?? 'breachdesk.invalid';
    const date = new Date(run.createdAt);
    let mbox: { stream: WriteStream; name: string; count: number; bytes: number } | null = null;
    const closeMbox = async () => {
      if (mbox === null) return;
      const { stream, name, count } = mbox;
      stream.end();
      await once(stream, 'close');
      batches.push({
        file: name,
        sha256: await fileSha256(join(folder, name)),
        bytes: mbox.bytes,
        notices: count,
      });
      mbox = null;
    };

    let after = 0;
    let index = 0;
    for (;;) {
      const page = runNoticesPage(file.db, run.seq, 'email', after, PAGE);
      if (page.length === 0) break;
      const written: [number, string, string][] = [];
      // The page's manifest lines, written at once (a write per line costs more than its bytes).
      let lines = '';
      for (const notice of page) {
        job.throwIfCancelled('The notification run was cancelled; nothing was written.');
        const frame = frames.get(notice.letter ?? '', notice.version ?? 0);
        const address = notice.address ?? '';
        const person = personForNotice(file, notice, frame);
        const { text, html } = frame.email(frame.personFields(person, address));
        const message = await buildNoticeMessage({
          from: sender,
          to: { name: person.name ?? '', address },
          subject: frame.subject,
          text,
          html,
          messageId: `<${run.id}.${notice.person}@${domain}>`,
          date,
          headers: { 'X-Breachdesk-Notice': `${run.id}.${notice.person}` },
        });
        const sha256 = sha256Hex(message);
        let name: string;
        if (run.format === 'mbox') {
          if (mbox !== null && mbox.count >= EMAILS_PER_MBOX) await closeMbox();
          if (mbox === null) {
            const mboxName = `email/notices-${String(batches.length + 1).padStart(4, '0')}.mbox`;
            mkdirSync(dirname(join(folder, mboxName)), { recursive: true });
            mbox = { stream: createWriteStream(join(folder, mboxName)), name: mboxName, count: 0, bytes: 0 };
            open.push(mbox.stream);
            fileCount += 1;
          }
          const entry = mboxEntry(message, sender.address, date);
          if (!mbox.stream.write(entry)) await once(mbox.stream, 'drain');
          mbox.count += 1;
          mbox.bytes += entry.length;
          name = mbox.name;
        } else {
          name = `email/${String(Math.floor(index / EMAILS_PER_FOLDER)).padStart(4, '0')}/${notice.person}.eml`;
          if (index % EMAILS_PER_FOLDER === 0) mkdirSync(dirname(join(folder, name)), { recursive: true });
          await files.write(join(folder, name), message);
          fileCount += 1;
        }
        index += 1;
        written.push([notice.id, name, sha256]);
        lines += csvLine([notice.person, address, name, sha256]);
        done += 1;
        progress('Writing e-mails');
      }
      if (!manifest.write(lines)) await once(manifest, 'drain');
      file.transaction((db) => {
        for (const [id, name, sha256] of written) setNoticeFile(db, id, name, sha256);
      });
      after = page[page.length - 1]?.id ?? after;
    }
    await files.done();
    await closeMbox();

    const print = await writePrintBatches(file, run, folder, frames, job, async (row) => {
      if (!manifest.write(csvLine(row))) await once(manifest, 'drain');
      done += 1;
      progress('Printing letters');
    });
    batches.push(...print.files);
    fileCount += print.files.length;

    manifest.end();
    await once(manifest, 'close');
    const manifestSha256 = await fileSha256(join(folder, 'manifest.csv'));
    return { files: batches, fileCount: fileCount + 1, manifestSha256 };
  }
}

/**
 * Whole files written in the background, at most `limit` at once; the first failure is thrown by
 * the next write or by done(). settled() waits for every write started, failed or not.
 */
class FileWrites {
  readonly #pending = new Set<Promise<void>>();
  #failure: { error: unknown } | null = null;

  constructor(private readonly limit: number) {}

  async write(path: string, data: Buffer): Promise<void> {
    this.#throwIfFailed();
    if (this.#pending.size >= this.limit) await Promise.race(this.#pending);
    this.#throwIfFailed();
    const pending: Promise<void> = new Promise<void>((resolve) => {
      writeFile(path, data, (error) => {
        if (error !== null) this.#failure ??= { error };
        this.#pending.delete(pending);
        resolve();
      });
    });
    this.#pending.add(pending);
  }

  async done(): Promise<void> {
    await this.settled();
    this.#throwIfFailed();
  }

  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending);
  }

  #throwIfFailed(): void {
    if (this.#failure !== null) throw this.#failure.error;
  }
}

export async function closeQuietly(stream: WriteStream): Promise<void> {
  if (stream.closed) return;
  stream.on('error', () => undefined);
  const closed = once(stream, 'close').catch(() => undefined);
  stream.destroy();
  await closed;
}

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

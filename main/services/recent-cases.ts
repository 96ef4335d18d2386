import { mkdirSync, readFileSync } from 'node:fs';
import { replaceFileSync } from './files/atomic-write';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { RecentCase } from '../../shared/domain/recent';
import { absoluteCasePath } from '../casefile/case-path';
import { probeCaseFile } from '../casefile/probe';
import { glanceAtCaseFile } from './report/case-glance';

const MAX_RECENT = 12;

const storedSchema = z.object({
  version: z.literal(1),
  entries: z.array(z.object({ path: z.string(), title: z.string(), lastOpenedAt: z.string() })),
});
type StoredRecent = z.infer<typeof storedSchema>['entries'][number];

/** The recent-cases list, kept as a small JSON file in the user's config folder. */
export class RecentCases {
  constructor(private readonly file: string) {}

  list(): RecentCase[] {
    return this.read().map((entry) => ({ ...entry, state: probeCaseFile(entry.path), glance: null }));
  }

  /**
   * The list with each readable case's notices at a glance (nearest deadline, overdue…), read
   * without opening the files for writing. `recall` gives a passphrase this computer remembers,
   * or null: an encrypted case without one is shown as locked, never asked for.
   */
  listWithGlance(now: Date, recall: (path: string) => Buffer | null): RecentCase[] {
    return this.list().map((entry) => {
      if (entry.state !== 'available') return entry;
      const passphrase = recall(entry.path);
      try {
        return { ...entry, glance: glanceAtCaseFile(entry.path, passphrase, now) };
      } finally {
        passphrase?.fill(0);
      }
    });
  }

  remember(path: string, title: string, at: Date): void {
    const absolute = absoluteCasePath(path);
    const others = this.read().filter((entry) => entry.path !== absolute);
    this.write([{ path: absolute, title, lastOpenedAt: at.toISOString() }, ...others].slice(0, MAX_RECENT));
  }

  forget(path: string): void {
    const absolute = absoluteCasePath(path);
    this.write(this.read().filter((entry) => entry.path !== absolute));
  }

  /** A damaged list is not worth an error: the user loses shortcuts, never case data. */
  private read(): StoredRecent[] {
    try {
      return storedSchema.parse(JSON.parse(readFileSync(this.file, 'utf8'))).entries;
    } catch {
      return [];
    }
  }

  private write(entries: StoredRecent[]): void {
    mkdirSync(dirname(this.file), { recursive: true });
    replaceFileSync(this.file, `${JSON.stringify({ version: 1, entries }, null, 2)}\n`);
  }
}

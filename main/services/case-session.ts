import type { CaseFile } from '../casefile/case-file';
import { BreachdeskError } from '../../shared/ipc/errors';

/** The case file a host (one window, one CLI call, one e2e page) is working on. */
export class CaseSession {
  #current: CaseFile | null = null;

  get current(): CaseFile | null {
    return this.#current;
  }

  /** The open case file, or NO_CASE_OPEN for channels that need one. */
  require(): CaseFile {
    if (this.#current === null) {
      throw new BreachdeskError('NO_CASE_OPEN', 'No case file is open; open or create one first.');
    }
    return this.#current;
  }

  /** Replaces the open case file, closing the previous one. */
  replace(next: CaseFile | null): void {
    if (this.#current !== null && this.#current !== next) this.#current.close();
    this.#current = next;
  }

  close(): void {
    this.replace(null);
  }
}

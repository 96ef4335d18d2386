/** PRAGMA application_id of every Breachdesk case file: the ASCII bytes "BDCF". */
export const APPLICATION_ID = 0x42444346;

export { CASE_FILE_EXTENSION } from '../../shared/domain/case-file';

/** How long to wait for a lock before saying the file is open elsewhere. */
export const LOCK_TIMEOUT_MS = 250;

/** SQLite page size of new case files (existing files keep theirs). */
export const PAGE_SIZE = 65536;

/** SQLite page cache per open case file, in KiB: a 64 MiB intake batch plus the working set. */
export const CACHE_KIB = 96 * 1024;

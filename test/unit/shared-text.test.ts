import { describe, expect, it } from 'vitest';
import { CASE_FILE_EXTENSION } from '../../shared/domain/case-file';
import { CASE_FILE_EXTENSION as MAIN_CASE_FILE_EXTENSION } from '../../main/casefile/constants';
import { formatBytes } from '../../shared/text/bytes';
import { formatCount } from '../../shared/text/count';
import { plural } from '../../shared/text/plural';

describe('counts', () => {
  it('groups thousands with commas', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(350_000)).toBe('350,000');
  });
});

describe('plural', () => {
  it('takes the singular for one only', () => {
    expect(plural(1, 'file', 'files')).toBe('1 file');
    expect(plural(0, 'file', 'files')).toBe('0 files');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
  });

  it('groups the thousands of the count', () => {
    expect(plural(1024, 'item', 'items')).toBe('1,024 items');
  });
});

describe('bytes', () => {
  it('shows bytes below one KiB as a whole number', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 bytes');
    expect(formatBytes(1023)).toBe('1,023 bytes');
  });

  it('uses binary multiples with one decimal', () => {
    expect(formatBytes(1024)).toBe('1.0 KiB');
    expect(formatBytes(12.4 * 1024)).toBe('12.4 KiB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MiB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GiB');
  });

  it('stops at TiB', () => {
    expect(formatBytes(2048 * 1024 ** 4)).toBe('2048.0 TiB');
  });
});

describe('case file extension', () => {
  it('is one constant, the one main uses', () => {
    expect(CASE_FILE_EXTENSION).toBe('.bdcase');
    expect(MAIN_CASE_FILE_EXTENSION).toBe(CASE_FILE_EXTENSION);
  });
});

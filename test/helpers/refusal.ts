import { closeSync, existsSync, openSync, readdirSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';
import { openCaseFile } from '../../main/casefile/case-file';
import { bytesOf } from './raw-db';

const stamp = { actor: 'tester', at: '2026-01-15T10:00:00.000Z' };

/**
 * Opening `path` must fail with this code (and message) and leave the case file, its journal
 * and its folder exactly as they were.
 */
export function expectOpenRefusedUnchanged(
  path: string,
  refusal: { code: string; message?: RegExp; passphrase?: Buffer | null },
): void {
  const journal = `${path}-journal`;
  const before = {
    file: bytesOf(path),
    journal: existsSync(journal) ? bytesOf(journal) : null,
    listing: readdirSync(dirname(path)).sort(),
  };
  expect(() => openCaseFile(path, stamp, refusal.passphrase ?? null)).toThrow(
    expect.objectContaining({
      code: refusal.code,
      ...(refusal.message === undefined ? {} : { message: expect.stringMatching(refusal.message) as string }),
    }) as Error,
  );
  expect(bytesOf(path).equals(before.file)).toBe(true);
  expect(existsSync(journal) ? bytesOf(journal) : null).toEqual(before.journal);
  expect(readdirSync(dirname(path)).sort()).toEqual(before.listing);
}

/** Inverts one byte of a file in place, as damage on disk would. */
export function flipByte(path: string, offset: number): void {
  const fd = openSync(path, 'r+');
  try {
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, offset);
    byte[0] = (byte[0] ?? 0) ^ 0xff;
    writeSync(fd, byte, 0, 1, offset);
  } finally {
    closeSync(fd);
  }
}

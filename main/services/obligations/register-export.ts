import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { RegisterDocument } from '../../../shared/domain/register';
import { BreachdeskError } from '../../../shared/ipc/errors';
import { registerHtml } from './register-html';

/** Writes the register as HTML under a temporary name, then renames it into place. */
export async function exportRegister(
  document: RegisterDocument,
  path: string,
  overwrite: boolean,
): Promise<string> {
  const target = resolve(path);
  if (!existsSync(dirname(target))) {
    throw new BreachdeskError('NOT_FOUND', `The folder ${JSON.stringify(dirname(target))} does not exist.`);
  }
  if (existsSync(target) && !overwrite) {
    throw new BreachdeskError(
      'ALREADY_EXISTS',
      `${JSON.stringify(target)} already exists; choose another name.`,
    );
  }
  const temporary = join(dirname(target), `.${basename(target)}.${randomUUID()}.writing`);
  try {
    await writeFile(temporary, registerHtml(document), { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new BreachdeskError('IO_ERROR', `${JSON.stringify(target)} could not be written (${code}).`);
  }
  return target;
}

import type { RegisterDocument } from '../../../shared/domain/register';
import { writeFileAtomically } from '../files/atomic-write';
import { registerHtml } from './register-html';

/** Writes the register as one HTML file, complete or not at all. */
export function exportRegister(
  document: RegisterDocument,
  path: string,
  overwrite: boolean,
): Promise<string> {
  return writeFileAtomically(path, registerHtml(document), overwrite);
}

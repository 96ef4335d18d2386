import type { RegisterDocument } from '../../../shared/domain/register';
import type { CaseFile } from '../../casefile/case-file';
import { writeFileAtomically } from '../files/atomic-write';
import { refuseRosterValues, textOfHtml } from '../notices/pii-guard';
import { registerHtml } from './register-html';

/**
 * Writes the register as one HTML file, complete or not at all. It holds no personal data: it is
 * checked against every value in the roster first, and refused on a hit.
 */
export function exportRegister(
  file: CaseFile,
  document: RegisterDocument,
  path: string,
  overwrite: boolean,
): Promise<string> {
  const html = registerHtml(document);
  refuseRosterValues(file, 'The register', [textOfHtml(html)]);
  return writeFileAtomically(path, html, overwrite);
}

import { BreachdeskError } from '../../../shared/ipc/errors';
import type { DialogHost, HostDeps } from '../host-deps';

/** The host's native dialogs; the command line has none. */
export function dialogs(deps: HostDeps): DialogHost {
  if (deps.dialogs === null)
    throw new BreachdeskError('UNSUPPORTED', 'File dialogs are only available in the app.');
  return deps.dialogs;
}

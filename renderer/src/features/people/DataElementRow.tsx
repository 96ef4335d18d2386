import { useState } from 'react';
import { dataElementLabel, type DataElement } from '../../../../shared/domain/data-elements';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { draftSlot, isString } from '../../lib/kept-drafts';
import { noProblem, sameText, useAutosave } from '../../lib/use-autosave';
import { usePeopleStore } from '../../stores/people-store';
import { sensitivityLabel } from './data-element-categories';

/** One data element: its protection toggles, a note that saves itself, and Remove (confirmed). */
export function DataElementRow({ element }: { element: DataElement }) {
  const update = usePeopleStore((state) => state.updateElement);
  const remove = usePeopleStore((state) => state.removeElement);
  const [confirming, setConfirming] = useState(false);
  const [toggleError, setToggleError] = useState<string | null>(null);
  const label = dataElementLabel(element.term, element.customLabel);
  const noteKey = `dataElements.${element.id}.note` as const;
  const note = useAutosave<string>({
    saveKey: noteKey,
    stored: element.note,
    same: sameText,
    validate: noProblem,
    save: async (text) => (await update(noteKey, element.id, { note: text })) === null,
    ...draftSlot(noteKey, isString),
  });

  async function toggle(patch: { encrypted?: boolean; keyCompromised?: boolean }): Promise<void> {
    setToggleError(await update(`dataElements.${element.id}.flags`, element.id, patch));
  }

  return (
    <tr>
      <th scope="row">
        {label}
        {element.term === 'custom' && <span className="badge badge--quiet">custom</span>}
      </th>
      <td className="muted">{sensitivityLabel(element.term)}</td>
      <td>
        <input
          type="checkbox"
          className="table-check"
          aria-label={`${label}: encrypted`}
          checked={element.encrypted}
          onChange={(event) => void toggle({ encrypted: event.target.checked })}
        />
      </td>
      <td>
        <input
          type="checkbox"
          className="table-check"
          aria-label={`${label}: encryption key compromised`}
          checked={element.keyCompromised}
          disabled={!element.encrypted && !element.keyCompromised}
          title={element.encrypted ? undefined : 'Only applies to encrypted data'}
          onChange={(event) => void toggle({ keyCompromised: event.target.checked })}
        />
        {toggleError !== null && (
          <span className="inline-error small" role="alert">
            {toggleError}
          </span>
        )}
      </td>
      <td className="data-table__grow">
        <input
          type="text"
          className="field__control field__control--compact"
          aria-label={`Note on ${label}`}
          maxLength={2000}
          value={note.draft}
          onChange={(event) => note.change(event.target.value)}
          onBlur={note.commit}
        />
      </td>
      <td className="data-table__actions">
        <Button small variant="quiet" onClick={() => setConfirming(true)} aria-label={`Remove ${label}`}>
          Remove
        </Button>
        {confirming && (
          <ConfirmDialog
            title={`Remove “${label}”?`}
            confirmLabel="Remove data element"
            onConfirm={() => remove(element.id)}
            onClose={() => setConfirming(false)}
          >
            <p>
              “{label}” will no longer be listed as data involved in this breach
              {element.note === '' ? '' : ', and its note will be removed'}. The removal is recorded in the
              audit log.
            </p>
          </ConfirmDialog>
        )}
      </td>
    </tr>
  );
}

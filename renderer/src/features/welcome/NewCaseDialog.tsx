import { useRef, useState, type FormEvent } from 'react';
import { caseTitleSchema, organisationSchema } from '../../../../shared/domain/case';
import { createCase, type NewCaseKey } from '../../app/case-actions';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useAppInfoStore } from '../../stores/app-info-store';
import {
  checkNewPassphrase,
  EMPTY_NEW_PASSPHRASE,
  type NewPassphraseErrors,
} from '../case-key/new-passphrase';
import { NewCaseKeyFields, type NewCaseKeyDraft } from '../case-key/NewCaseKeyFields';

interface NewCaseDialogProps {
  onClose: () => void;
}

type Errors = { title?: string; organisation?: string } & NewPassphraseErrors;

const NEW_KEY: NewCaseKeyDraft = { plaintext: false, passphrase: EMPTY_NEW_PASSPHRASE, remember: false };

function firstIssue(result: {
  success: boolean;
  error?: { issues: { message: string }[] };
}): string | undefined {
  return result.success ? undefined : (result.error?.issues[0]?.message ?? 'This value is not valid');
}

/**
 * Title, organisation and how the file is kept (a passphrase typed twice, unless the person
 * explicitly chooses no encryption), then the native save dialog picks where the case file goes.
 */
export function NewCaseDialog({ onClose }: NewCaseDialogProps) {
  const [title, setTitle] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [key, setKey] = useState<NewCaseKeyDraft>(NEW_KEY);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const canRemember = useAppInfoStore((state) => state.canRememberPassphrases);
  const titleInput = useRef<HTMLInputElement>(null);
  const organisationInput = useRef<HTMLInputElement>(null);
  const passphraseInput = useRef<HTMLInputElement>(null);
  const repeatInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (working) return;
    const found: Errors = {
      title: firstIssue(caseTitleSchema.safeParse(title)),
      organisation: firstIssue(organisationSchema.safeParse(organisation)),
      ...(key.plaintext ? {} : checkNewPassphrase(key.passphrase)),
    };
    setErrors(found);
    setFailure(null);
    if (found.title !== undefined) return titleInput.current?.focus();
    if (found.organisation !== undefined) return organisationInput.current?.focus();
    if (found.passphrase !== undefined) return passphraseInput.current?.focus();
    if (found.repeat !== undefined) return repeatInput.current?.focus();
    const keptAs: NewCaseKey = key.plaintext
      ? { plaintext: true }
      : { passphrase: key.passphrase.passphrase, remember: canRemember && key.remember };
    setWorking(true);
    const outcome = await createCase(title.trim(), organisation.trim(), keptAs);
    setWorking(false);
    if (outcome.kind === 'created') onClose();
    if (outcome.kind === 'failed') setFailure(outcome.message);
  }

  function clearError(field: keyof Errors): void {
    if (errors[field] !== undefined) setErrors({ ...errors, [field]: undefined });
  }

  function changeKey(next: NewCaseKeyDraft): void {
    if (next.passphrase !== key.passphrase)
      setErrors({ ...errors, passphrase: undefined, repeat: undefined });
    setKey(next);
  }

  return (
    <Modal
      title="New case"
      description="The case file is created on this computer; you choose where in the next step."
      onClose={onClose}
      footer={
        <>
          <Button variant="quiet" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="new-case-form" disabled={working}>
            {working ? 'Creating…' : 'Create…'}
          </Button>
        </>
      }
    >
      <form id="new-case-form" className="form-stack" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          ref={titleInput}
          label="Title"
          name="title"
          value={title}
          error={errors.title}
          hint="How the incident is known internally, e.g. “Payroll export sent to wrong supplier”."
          maxLength={200}
          autoComplete="off"
          onChange={(event) => {
            setTitle(event.target.value);
            clearError('title');
          }}
        />
        <TextField
          ref={organisationInput}
          label="Organisation"
          name="organisation"
          value={organisation}
          error={errors.organisation}
          hint="The controller responsible for the personal data."
          maxLength={200}
          autoComplete="organization"
          onChange={(event) => {
            setOrganisation(event.target.value);
            clearError('organisation');
          }}
        />
        <NewCaseKeyFields
          draft={key}
          errors={errors}
          onChange={changeKey}
          passphraseRef={passphraseInput}
          repeatRef={repeatInput}
        />
        {failure !== null && (
          <p className="inline-error" role="alert">
            {failure}
          </p>
        )}
      </form>
    </Modal>
  );
}

import { useState, type FormEvent } from 'react';
import { localTextOf } from '../../../../shared/time/zoned-time';
import { Button } from '../../components/Button';
import { FieldFrame, TextField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { ZonedTimeInput } from '../../components/ZonedTimeInput';
import { parseTimeDraft, type TimeDraft } from '../../lib/time-draft';
import type { StatusInput } from '../../stores/obligations-store';
import { useZoneStore } from '../../stores/zone-store';

interface StatusDialogProps {
  title: string;
  onClose: () => void;
  /** Records the status; resolves null, or the sentence saying why it failed. */
  record: (status: StatusInput) => Promise<string | null>;
}

function nowDraft(zone: string): TimeDraft {
  const utc = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
  return {
    text: localTextOf({ utc, zone, precision: 'exact', approximate: false }),
    zone,
    approximate: false,
  };
}

/** When and how the notice went out; both are required. */
export function SentDialog({
  title,
  channel: initialChannel,
  onClose,
  record,
}: StatusDialogProps & { channel: string }) {
  const lastZone = useZoneStore((state) => state.lastZone);
  const [time, setTime] = useState<TimeDraft>(() => nowDraft(lastZone));
  const [channel, setChannel] = useState(initialChannel);
  const [note, setNote] = useState('');
  const [timeError, setTimeError] = useState<string | null>(null);
  const [channelError, setChannelError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const parsed = parseTimeDraft(time, false);
    const timeProblem = !parsed.ok ? parsed.reason : parsed.time === null ? 'Enter when it was sent' : null;
    const channelProblem = channel.trim() === '' ? 'Say how it was sent (portal, e-mail, post…)' : null;
    setTimeError(timeProblem);
    setChannelError(channelProblem);
    if (timeProblem !== null || channelProblem !== null || !parsed.ok || parsed.time === null) return;
    setBusy(true);
    const problem = await record({ status: 'sent', sentAt: parsed.time.utc, channel: channel.trim(), note });
    setBusy(false);
    if (problem === null) onClose();
    else setFailure(problem);
  }

  return (
    <Modal
      title="Mark sent"
      description={title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="obl-sent-form" variant="primary" disabled={busy}>
            Record as sent
          </Button>
        </>
      }
    >
      <form id="obl-sent-form" className="form-stack" onSubmit={(event) => void save(event)} noValidate>
        <ZonedTimeInput
          legend="Sent at"
          value={time}
          approximate={false}
          error={timeError}
          onChange={(next) => {
            setTime(next);
            setTimeError(null);
          }}
        />
        <TextField
          label="Channel"
          value={channel}
          maxLength={300}
          autoComplete="off"
          hint="How it went out: the authority's portal, e-mail, registered post…"
          error={channelError}
          onChange={(event) => {
            setChannel(event.target.value);
            setChannelError(null);
          }}
        />
        <NoteField value={note} onChange={setNote} />
        {failure !== null && (
          <p className="inline-error" role="alert">
            {failure}
          </p>
        )}
      </form>
    </Modal>
  );
}

/** Why the notice is not required; the rationale is required and kept with the status. */
export function NotRequiredDialog({
  title,
  rationale: initialRationale,
  onClose,
  record,
}: StatusDialogProps & { rationale: string }) {
  const [rationale, setRationale] = useState(initialRationale);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (rationale.trim() === '') return setError('Record why this notice is not required');
    setBusy(true);
    const problem = await record({ status: 'not_required', rationale: rationale.trim(), note });
    setBusy(false);
    if (problem === null) onClose();
    else setFailure(problem);
  }

  return (
    <Modal
      title="Not required"
      description={title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="obl-not-required-form" variant="primary" disabled={busy}>
            Record as not required
          </Button>
        </>
      }
    >
      <form
        id="obl-not-required-form"
        className="form-stack"
        onSubmit={(event) => void save(event)}
        noValidate
      >
        <FieldFrame
          label="Rationale"
          error={error}
          hint="Why this notice is not owed (for example: the risk assessment, an exception that applies)."
        >
          {({ inputId, describedBy, invalid }) => (
            <textarea
              id={inputId}
              className="field__control field__control--area"
              rows={4}
              maxLength={5000}
              value={rationale}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              onChange={(event) => {
                setRationale(event.target.value);
                setError(null);
              }}
            />
          )}
        </FieldFrame>
        <NoteField value={note} onChange={setNote} />
        {failure !== null && (
          <p className="inline-error" role="alert">
            {failure}
          </p>
        )}
      </form>
    </Modal>
  );
}

function NoteField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <FieldFrame label="Note" hint="Optional: a reference number, who sent it, anything worth keeping.">
      {({ inputId, describedBy }) => (
        <textarea
          id={inputId}
          className="field__control field__control--area"
          rows={2}
          maxLength={5000}
          value={value}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}

import { useState, type FormEvent } from 'react';
import type { LetterCheckResult } from '../../../../shared/domain/letters';
import { localTextOf } from '../../../../shared/time/zoned-time';
import { Button } from '../../components/Button';
import { FieldFrame, TextField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { ZonedTimeInput } from '../../components/ZonedTimeInput';
import { parseTimeDraft, type TimeDraft } from '../../lib/time-draft';
import { useZoneStore } from '../../stores/zone-store';

interface DialogProps {
  title: string;
  onClose: () => void;
}

/**
 * Approval. With a failing check, a person records why it is approved anyway (audited); the
 * service refuses an approval without that reason, and its sentence is shown here.
 */
export function ApproveDialog({
  title,
  version,
  failing,
  onClose,
  approve,
}: DialogProps & {
  version: number;
  failing: LetterCheckResult[];
  approve: (override: string | undefined) => Promise<string | null>;
}) {
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const problem = await approve(reason.trim() === '' ? undefined : reason.trim());
    setBusy(false);
    if (problem === null) onClose();
    else setFailure(problem);
  }

  return (
    <Modal
      title="Approve letter"
      description={title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="letter-approve-form" variant="primary" disabled={busy}>
            {failing.length > 0 ? 'Approve with override' : 'Approve'}
          </Button>
        </>
      }
    >
      <form
        id="letter-approve-form"
        className="form-stack"
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        <p>
          Version {version} will be approved and locked: it can no longer change. Editing the letter
          afterwards makes a new draft version.
        </p>
        {failing.length > 0 && (
          <>
            <div className="letter-approve__failing">
              <p className="letter-approve__lead">
                {failing.length === 1 ? 'One check fails:' : `${failing.length} checks fail:`}
              </p>
              <ul>
                {failing.map((check) => (
                  <li key={check.id}>
                    {check.title}
                    {check.citation !== '' && <span className="muted"> ({check.citation})</span>}
                  </li>
                ))}
              </ul>
            </div>
            <FieldFrame
              label="Override reason"
              hint="Why the letter is approved although these checks fail. It is kept with the approval and in the audit log."
            >
              {({ inputId, describedBy }) => (
                <textarea
                  id={inputId}
                  className="field__control field__control--area"
                  rows={4}
                  maxLength={5000}
                  value={reason}
                  aria-describedby={describedBy}
                  onChange={(event) => setReason(event.target.value)}
                />
              )}
            </FieldFrame>
          </>
        )}
        {failure !== null && (
          <p className="inline-error" role="alert">
            {failure}
          </p>
        )}
      </form>
    </Modal>
  );
}

function nowDraft(zone: string): TimeDraft {
  const utc = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
  return {
    text: localTextOf({ utc, zone, precision: 'exact', approximate: false }),
    zone,
    approximate: false,
  };
}

/** When and how the letter went out; both are required. */
export function SentDialog({
  title,
  onClose,
  record,
}: DialogProps & { record: (sentAt: string, channel: string) => Promise<string | null> }) {
  const lastZone = useZoneStore((state) => state.lastZone);
  const [time, setTime] = useState<TimeDraft>(() => nowDraft(lastZone));
  const [channel, setChannel] = useState('');
  const [timeError, setTimeError] = useState<string | null>(null);
  const [channelError, setChannelError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const parsed = parseTimeDraft(time, false);
    const timeProblem = !parsed.ok ? parsed.reason : parsed.time === null ? 'Enter when it was sent' : null;
    const channelProblem = channel.trim() === '' ? 'Say how it was sent (portal, e-mail, post…)' : null;
    setTimeError(timeProblem);
    setChannelError(channelProblem);
    if (timeProblem !== null || channelProblem !== null || !parsed.ok || parsed.time === null) return;
    setBusy(true);
    const problem = await record(parsed.time.utc, channel.trim());
    setBusy(false);
    if (problem === null) onClose();
    else setFailure(problem);
  }

  return (
    <Modal
      title="Mark letter sent"
      description={title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="letter-sent-form" variant="primary" disabled={busy}>
            Record as sent
          </Button>
        </>
      }
    >
      <form id="letter-sent-form" className="form-stack" onSubmit={(event) => void submit(event)} noValidate>
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
        {failure !== null && (
          <p className="inline-error" role="alert">
            {failure}
          </p>
        )}
      </form>
    </Modal>
  );
}

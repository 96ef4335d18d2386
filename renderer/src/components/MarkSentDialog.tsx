import { useState } from 'react';
import { localTextOf } from '../../../shared/time/zoned-time';
import { parseTimeDraft, type TimeDraft } from '../lib/time-draft';
import { appNow } from '../stores/demo-view-store';
import { useZoneStore } from '../stores/zone-store';
import { FieldFrame, TextField } from './Field';
import { FormDialog } from './FormDialog';
import { ZonedTimeInput } from './ZonedTimeInput';

interface MarkSentDialogProps {
  /** The dialog's name ("Mark sent", "Mark letter sent"). */
  heading: string;
  /** What is being sent: the notice's or the letter's title. */
  title: string;
  initialChannel?: string;
  /** Offer an optional note to keep with the record. */
  withNote?: boolean;
  onClose: () => void;
  /** Records it; resolves null, or the sentence saying why it failed. */
  record: (sentAt: string, channel: string, note: string) => Promise<string | null>;
}

/**
 * Now (the app's: the demo case's own day 2 while it is shown so), to the minute, in the zone last
 * used: where a "sent at" usually starts.
 */
function nowDraft(zone: string): TimeDraft {
  const utc = new Date(Math.floor(appNow() / 60_000) * 60_000).toISOString();
  return {
    text: localTextOf({ utc, zone, precision: 'exact', approximate: false }),
    zone,
    approximate: false,
  };
}

/** When and how something went out (a notice, a letter); both are required. */
export function MarkSentDialog({
  heading,
  title,
  initialChannel = '',
  withNote = false,
  onClose,
  record,
}: MarkSentDialogProps) {
  const lastZone = useZoneStore((state) => state.lastZone);
  const [time, setTime] = useState<TimeDraft>(() => nowDraft(lastZone));
  const [channel, setChannel] = useState(initialChannel);
  const [note, setNote] = useState('');
  const [timeError, setTimeError] = useState<string | null>(null);
  const [channelError, setChannelError] = useState<string | null>(null);

  function submit(): Promise<string | null> | undefined {
    const parsed = parseTimeDraft(time, false);
    const timeProblem = !parsed.ok ? parsed.reason : parsed.time === null ? 'Enter when it was sent' : null;
    const channelProblem = channel.trim() === '' ? 'Say how it was sent (portal, e-mail, post…)' : null;
    setTimeError(timeProblem);
    setChannelError(channelProblem);
    if (timeProblem !== null || channelProblem !== null || !parsed.ok || parsed.time === null) return;
    return record(parsed.time.utc, channel.trim(), note);
  }

  return (
    <FormDialog
      title={heading}
      description={title}
      submitLabel="Record as sent"
      onClose={onClose}
      submit={submit}
    >
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
      {withNote && <NoteField value={note} onChange={setNote} />}
    </FormDialog>
  );
}

/** An optional free-text note kept with a recorded status. */
export function NoteField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
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

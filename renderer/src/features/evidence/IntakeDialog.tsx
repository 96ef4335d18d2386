import { useId, useState, type FormEvent } from 'react';
import type { IntakeMetadata } from '../../../../shared/domain/evidence';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { ZonedTimeInput } from '../../components/ZonedTimeInput';
import { parseTimeDraft, type TimeDraft } from '../../lib/time-draft';
import { useEvidenceJobsStore } from '../../stores/evidence/jobs-store';
import { useZoneStore } from '../../stores/zone-store';
import { EventLinks } from './EventLinks';
import { tagsOf, tagsProblem } from './EvidenceMetadata';
import { formatCount } from '../../../../shared/text/count';

const SHOWN_PATHS = 12;

/** Before an intake starts: the chosen paths, and what is known about all of them. */
export function IntakeDialog({ paths }: { paths: string[] }) {
  const intake = useEvidenceJobsStore((state) => state.intake);
  const close = useEvidenceJobsStore((state) => state.setIntakePaths);
  const lastZone = useZoneStore((state) => state.lastZone);
  const descriptionId = useId();
  const [source, setSource] = useState('');
  const [collectedBy, setCollectedBy] = useState('');
  const [collectedAt, setCollectedAt] = useState<TimeDraft>({ text: '', zone: lastZone, approximate: false });
  const [description, setDescription] = useState('');
  const [tags, setTags] = useState('');
  const [eventIds, setEventIds] = useState<string[]>([]);
  const [timeError, setTimeError] = useState<string | null>(null);
  const [tagsError, setTagsError] = useState<string | null>(null);

  function start(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const time = parseTimeDraft(collectedAt, true);
    const tagProblem = tagsProblem(tags);
    setTimeError(time.ok ? null : time.reason);
    setTagsError(tagProblem);
    if (!time.ok || tagProblem !== null) return;
    const metadata: IntakeMetadata = {
      source: source.trim(),
      collectedBy: collectedBy.trim(),
      collectedAt: time.time,
      description,
      tags: tagsOf(tags),
      eventIds,
      partyIds: [],
    };
    void intake(paths, metadata);
  }

  const count = paths.length === 1 ? '1 file or folder' : `${formatCount(paths.length)} files or folders`;
  return (
    <Modal
      title="Add to the evidence locker"
      wide
      onClose={() => close(null)}
      description={`${count} will be read, hashed and stored byte for byte in the case file. What you enter here is recorded for every file; folders are taken in with everything inside them.`}
      initialFocus="input"
    >
      <form className="ev-intake" onSubmit={start} aria-label="Intake details">
        <ul className="ev-intake__paths mono" aria-label="Paths to take in">
          {paths.slice(0, SHOWN_PATHS).map((path) => (
            <li key={path}>{path}</li>
          ))}
          {paths.length > SHOWN_PATHS && (
            <li className="muted">and {formatCount(paths.length - SHOWN_PATHS)} more</li>
          )}
        </ul>
        <div className="ev-meta-grid">
          <TextField
            label="Source"
            value={source}
            maxLength={500}
            autoComplete="off"
            placeholder="Where the files come from"
            onChange={(event) => setSource(event.target.value)}
          />
          <TextField
            label="Collected by"
            value={collectedBy}
            maxLength={200}
            autoComplete="off"
            onChange={(event) => setCollectedBy(event.target.value)}
          />
          <div className="span-all">
            <ZonedTimeInput
              legend="Collected at (optional)"
              value={collectedAt}
              error={timeError}
              onChange={setCollectedAt}
            />
          </div>
          <div className="field span-all">
            <label className="field__label" htmlFor={descriptionId}>
              Description
            </label>
            <textarea
              id={descriptionId}
              className="field__control field__control--area"
              rows={2}
              maxLength={20_000}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
            />
          </div>
          <div className="span-all">
            <TextField
              label="Tags"
              value={tags}
              error={tagsError}
              hint="Separate tags with commas."
              autoComplete="off"
              onChange={(event) => setTags(event.target.value)}
            />
          </div>
        </div>
        <EventLinks
          eventIds={eventIds}
          onChange={setEventIds}
          label="Events the files will be linked to"
          openable={false}
        />
        <div className="modal__footer ev-intake__footer">
          <Button onClick={() => close(null)}>Cancel</Button>
          <Button variant="primary" type="submit">
            Start intake
          </Button>
        </div>
      </form>
    </Modal>
  );
}

import { useState } from 'react';
import type { LetterRecord } from '../../../../shared/domain/letters';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useLettersStore } from '../../stores/letters-store';

/** The letter's title and its recipient, editable after drafting (the change is audited). */
export function LetterDetailsDialog({ letter, onClose }: { letter: LetterRecord; onClose: () => void }) {
  const update = useLettersStore((state) => state.update);
  const [title, setTitle] = useState(letter.title);
  const [name, setName] = useState(letter.recipient.name);
  const [address, setAddress] = useState(letter.recipient.address);
  const [problem, setProblem] = useState<string | null>(null);

  async function save(): Promise<void> {
    if (title.trim() === '') {
      setProblem('The letter needs a title.');
      return;
    }
    const failure = await update(letter.id, {
      title: title.trim(),
      recipient: { name: name.trim(), address },
    });
    if (failure === null) onClose();
    else setProblem(failure);
  }

  return (
    <Modal
      title="Letter details"
      description="The recipient fills the letter's recipient merge fields."
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={() => void save()}>
            Save details
          </Button>
        </>
      }
    >
      <TextField
        label="Title"
        value={title}
        maxLength={300}
        onChange={(event) => setTitle(event.target.value)}
      />
      <TextField
        label="Recipient"
        value={name}
        maxLength={300}
        onChange={(event) => setName(event.target.value)}
      />
      <TextField
        label="Recipient address"
        value={address}
        maxLength={1_000}
        onChange={(event) => setAddress(event.target.value)}
      />
      {problem !== null && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
    </Modal>
  );
}

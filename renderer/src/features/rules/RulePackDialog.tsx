import { Button } from '../../components/Button';
import { Modal } from '../../components/Modal';
import { RulePackView } from './RulePackView';

/** Rule pack…: what the obligations engine covers, from the welcome screen (no case needed). */
export function RulePackDialog({ onClose }: { onClose: () => void }) {
  return (
    <Modal
      title="Rule pack"
      wide
      onClose={onClose}
      description="Every jurisdiction the obligations engine knows, by its ISO 3166 code, with its rules, their citations and the dates they are in force. Decision support, not legal advice."
      footer={
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      }
    >
      <RulePackView />
    </Modal>
  );
}

import { Button } from '../../components/Button';
import { Modal } from '../../components/Modal';
import { useBundleStore } from './bundle-store';
import { ConflictsPanel } from './ConflictsPanel';

/** The conflicts panel over the workspace (from the overview card or a merge's summary). */
export function ConflictsDialog() {
  const close = useBundleStore((store) => store.close);
  return (
    <Modal
      title="Merge conflicts"
      wide
      onClose={close}
      description="Records a merged bundle changed differently from this case. This case keeps its version until you choose; every choice is recorded in the audit log."
      footer={
        <Button variant="primary" onClick={close}>
          Close
        </Button>
      }
    >
      <ConflictsPanel />
    </Modal>
  );
}

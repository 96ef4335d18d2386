import { Button } from '../../components/Button';
import { Modal } from '../../components/Modal';
import { AddTrustedKeyForm } from './AddTrustedKeyForm';
import { useBundleStore } from './bundle-store';
import { OwnKey } from './OwnKey';
import { useSigningInfo } from './signing-store';
import { TrustedKeys } from './TrustedKeys';

/** Signing keys…: this installation's key to share, the keys trusted here, and adding one. */
export function SigningKeysDialog() {
  const close = useBundleStore((store) => store.close);
  const { info, error } = useSigningInfo();

  return (
    <Modal
      title="Signing keys"
      wide
      onClose={close}
      description="Bundles are signed with this installation's key; a bundle verifies as trusted when its key is in your trusted keys. Keys are kept on this computer, outside any case file."
      footer={
        <Button variant="primary" onClick={close}>
          Close
        </Button>
      }
    >
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {info !== null && (
        <div className="bundle-keys-dialog">
          <OwnKey info={info} />
          <TrustedKeys keys={info.trusted} />
          <AddTrustedKeyForm />
        </div>
      )}
    </Modal>
  );
}

import { useId } from 'react';
import { useAppInfoStore } from '../../stores/app-info-store';

interface RememberCheckboxProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/**
 * "Remember on this computer": offered only where the system keychain can keep the passphrase;
 * elsewhere it is shown switched off, with the reason in one line.
 */
export function RememberCheckbox({ checked, onChange }: RememberCheckboxProps) {
  const canRemember = useAppInfoStore((state) => state.canRememberPassphrases);
  const detailId = useId();
  return (
    <div className="key-option">
      <label className="check">
        <input
          type="checkbox"
          name="remember-passphrase"
          checked={canRemember && checked}
          disabled={!canRemember}
          aria-describedby={detailId}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>Remember on this computer</span>
      </label>
      <p className="key-option__detail" id={detailId}>
        {canRemember
          ? "Kept in this computer's keychain, so the file opens without asking."
          : 'Not available: this computer has no system keychain to keep it safely.'}
      </p>
    </div>
  );
}

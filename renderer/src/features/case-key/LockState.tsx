import { useId, useRef, useState } from 'react';
import type { OpenCase } from '../../../../shared/domain/case';
import { useCaseKeyStore } from '../../stores/case-key-store';
import { LockIcon } from './LockIcon';
import { LockMenu, type LockMenuItem } from './LockMenu';

type KeyAction = 'changePassphrase' | 'forgetPassphrase';

const PLAINTEXT_RISK = 'Anyone who gets a copy of this file can read everything in it.';

function encryptedTitle(remembered: boolean): string {
  return remembered
    ? 'Encrypted at rest; this computer remembers the passphrase and opens the file without asking.'
    : 'Encrypted at rest; the passphrase is asked each time the file is opened.';
}

/**
 * The top bar's lock state: "Encrypted" with a menu (change the passphrase, forget the remembered
 * one), or "Not encrypted" in amber with Encrypt…. The button stays the same element in both
 * states, so the keyboard is still on it after encrypting.
 */
export function LockState({ openCase }: { openCase: OpenCase }) {
  const show = useCaseKeyStore((state) => state.show);
  const [menuOpen, setMenuOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const { path, encrypted, passphraseRemembered } = openCase;

  function pick(kind: KeyAction): void {
    // The dialog gives the keyboard back to whatever had it when it opened: the button, not the menu.
    button.current?.focus();
    setMenuOpen(false);
    show({ kind, path });
  }

  const items: LockMenuItem<KeyAction>[] = [{ id: 'changePassphrase', label: 'Change passphrase…' }];
  if (passphraseRemembered) items.push({ id: 'forgetPassphrase', label: 'Forget remembered passphrase' });

  return (
    <div className={encrypted ? 'lock-state lock-state--encrypted' : 'lock-state lock-state--plain'}>
      {!encrypted && (
        <span className="lock-state__label" title={PLAINTEXT_RISK}>
          <LockIcon open />
          Not encrypted
        </span>
      )}
      <button
        ref={button}
        type="button"
        className="lock-state__button"
        title={encrypted ? encryptedTitle(passphraseRemembered) : 'Encrypt this case file with a passphrase'}
        aria-haspopup={encrypted ? 'menu' : undefined}
        aria-expanded={encrypted ? menuOpen : undefined}
        aria-controls={encrypted && menuOpen ? menuId : undefined}
        onClick={() => (encrypted ? setMenuOpen(!menuOpen) : show({ kind: 'encrypt', path }))}
      >
        {encrypted ? (
          <>
            <LockIcon open={false} />
            Encrypted
            <span className="lock-state__caret" aria-hidden="true">
              ▾
            </span>
          </>
        ) : (
          'Encrypt…'
        )}
      </button>
      {encrypted && menuOpen && (
        <LockMenu
          id={menuId}
          items={items}
          onPick={pick}
          onClose={(refocus) => {
            setMenuOpen(false);
            if (refocus) button.current?.focus();
          }}
        />
      )}
    </div>
  );
}

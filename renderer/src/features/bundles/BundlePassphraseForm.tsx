import { useState } from 'react';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { useAutoFocus } from './use-auto-focus';

interface BundlePassphraseFormProps {
  /** The last passphrase tried did not open the bundle. */
  wrong: boolean;
  onSubmit: (passphrase: string) => void;
}

/** Asks for the passphrase of a bundle sealed with age to one, focused when it appears. */
export function BundlePassphraseForm({ wrong, onSubmit }: BundlePassphraseFormProps) {
  const input = useAutoFocus<HTMLInputElement>();
  const [value, setValue] = useState('');
  const [empty, setEmpty] = useState(false);
  const error = empty
    ? 'Enter the passphrase.'
    : wrong
      ? 'The passphrase does not open this bundle; check it with the sender.'
      : null;

  return (
    <form
      className="form-stack bundle-step"
      aria-label="Bundle passphrase"
      onSubmit={(event) => {
        event.preventDefault();
        setEmpty(value === '');
        if (value !== '') onSubmit(value);
      }}
      noValidate
    >
      <p>
        This bundle is encrypted with a passphrase (an age envelope). Enter it to open and check the bundle.
      </p>
      <TextField
        ref={input}
        label="Bundle passphrase"
        type="password"
        autoComplete="off"
        value={value}
        error={error}
        onChange={(event) => {
          setValue(event.target.value);
          setEmpty(false);
        }}
      />
      <div>
        <Button type="submit" variant="primary">
          Open the bundle
        </Button>
      </div>
    </form>
  );
}

import { useEffect, useRef, useState } from 'react';
import { copyText } from '../lib/clipboard';

interface HashTextProps {
  value: string;
  /** What the hash belongs to, for the copy button's name ("Copy hash of entry 4"). */
  label?: string;
  /** Characters kept at each end. */
  keep?: number;
}

function shortenHash(value: string, keep = 8): string {
  return value.length <= keep * 2 + 1 ? value : `${value.slice(0, keep)}…${value.slice(-keep)}`;
}

/** A hash in monospace, shortened, with the full value on hover and a button that copies it. */
export function HashText({ value, label = 'hash', keep = 8 }: HashTextProps) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  async function copy(): Promise<void> {
    const ok = await copyText(value);
    setCopied(ok ? 'copied' : 'failed');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setCopied('idle'), 1600);
  }

  return (
    <span className="hash">
      <code className="hash__value" title={value}>
        {shortenHash(value, keep)}
      </code>
      <button type="button" className="hash__copy" onClick={() => void copy()} aria-label={`Copy ${label}`}>
        {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy'}
      </button>
    </span>
  );
}

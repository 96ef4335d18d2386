/** A padlock drawn in the text colour: closed for an encrypted case file, open for a plaintext one. */
export function LockIcon({ open }: { open: boolean }) {
  return (
    <svg
      className="lock-icon"
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="2.5" y="7" width="11" height="7.5" rx="1.5" fill="currentColor" />
      <path
        d={open ? 'M5 7V4.8a3 3 0 0 1 5.9-0.8' : 'M5 7V4.8a3 3 0 0 1 6 0V7'}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
    </svg>
  );
}

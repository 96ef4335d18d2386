import type { ReactNode } from 'react';

type BannerTone = 'ok' | 'fail' | 'info';

interface StatusBannerProps {
  tone: BannerTone;
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  label?: string;
  /** The sign beside the title, where the tone's own (✓, ✕, …) would mislead: "i" for a note. */
  mark?: string;
}

/**
 * A one-line state of something that matters (verification, an open failure). Green only for
 * verified integrity, red only for failures; failures are announced at once (role="alert").
 */
export function StatusBanner({ tone, title, children, actions, label, mark }: StatusBannerProps) {
  return (
    <div className={`banner banner--${tone}`} role={tone === 'fail' ? 'alert' : 'status'} aria-label={label}>
      <span className="banner__mark" aria-hidden="true">
        {mark ?? (tone === 'ok' ? '✓' : tone === 'fail' ? '✕' : '…')}
      </span>
      <div className="banner__body">
        <p className="banner__title">{title}</p>
        {children}
      </div>
      {actions !== undefined && <div className="banner__actions">{actions}</div>}
    </div>
  );
}

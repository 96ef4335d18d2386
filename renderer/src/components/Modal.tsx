import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Shown under the title; also the dialog's accessible description. */
  description?: ReactNode;
  footer?: ReactNode;
  /** CSS selector of the element to focus first; default is the first focusable element. */
  initialFocus?: string;
  wide?: boolean;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusableIn(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.getClientRects().length > 0,
  );
}

/** The dialog opened last, leaving out one that is closing. */
function topmostDialog(closing: HTMLElement | null = null): HTMLElement | null {
  const open = [...document.querySelectorAll<HTMLElement>('[role="dialog"]')].filter((d) => d !== closing);
  return open.at(-1) ?? null;
}

/**
 * A modal dialog: the rest of the window is inert while it is open, Tab stays inside,
 * Escape closes it, and focus returns to where it was.
 */
export function Modal({
  title,
  onClose,
  children,
  description,
  footer,
  initialFocus,
  wide = false,
}: ModalProps) {
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  // Read once per opening: a changed selector must not steal focus in the middle of the dialog.
  const firstFocus = useRef(initialFocus);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    const container = panel.current;
    if (container !== null) {
      const selector = firstFocus.current;
      const preferred = selector === undefined ? null : container.querySelector<HTMLElement>(selector);
      (preferred ?? focusableIn(container)[0] ?? container).focus();
    }
    return () => {
      // A dialog opened from another one leaves the window inert until the last one closes.
      const beneath = topmostDialog(container);
      if (beneath === null) root?.removeAttribute('inert');
      if (previous?.isConnected === true) previous.focus();
      else beneath?.focus();
    };
  }, []);

  // When the focused control disappears (the row whose Remove button had it is gone), focus
  // falls to <body>, outside the panel's own key handler: the topmost dialog still answers Escape.
  useEffect(() => {
    function onStrayEscape(event: globalThis.KeyboardEvent): void {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (document.activeElement !== null && document.activeElement !== document.body) return;
      if (topmostDialog() !== panel.current) return;
      event.preventDefault();
      onClose();
    }
    document.addEventListener('keydown', onStrayEscape);
    return () => document.removeEventListener('keydown', onStrayEscape);
  }, [onClose]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || panel.current === null) return;
    const items = focusableIn(panel.current);
    const first = items[0];
    const last = items.at(-1);
    if (first === undefined || last === undefined) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && (document.activeElement === first || document.activeElement === panel.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div className="modal-backdrop">
      <div
        ref={panel}
        className={wide ? 'modal modal--wide' : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description === undefined ? undefined : descriptionId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className="modal__header">
          <h2 className="modal__title" id={titleId}>
            {title}
          </h2>
          {description !== undefined && (
            <p className="modal__description" id={descriptionId}>
              {description}
            </p>
          )}
        </header>
        <div className="modal__body">{children}</div>
        {footer !== undefined && <footer className="modal__footer">{footer}</footer>}
      </div>
    </div>,
    document.body,
  );
}

import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A large modal dialog for the admin screens (users, audit log): opens on mount with focus on
 * its first control, Escape or the close button closes it, and focus goes back to whatever
 * opened it.
 */
export function ScreenDialog({ title, testId, closeLabel, onClose, children, headerExtra }: {
  title: string;
  testId: string;
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
  headerExtra?: ReactNode;
}) {
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className="screen-dialog" aria-labelledby={titleId} data-testid={testId} onClose={onClose}>
      <div className="screen-dialog__head">
        <h2 id={titleId} className="screen-dialog__title">{title}</h2>
        {headerExtra}
        <button type="button" className="button screen-dialog__close" data-testid={`${testId}-close`} onClick={onClose}>
          {closeLabel}
        </button>
      </div>
      <div className="screen-dialog__body">{children}</div>
    </dialog>
  );
}

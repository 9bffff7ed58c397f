import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ActionDialogProps {
  title: string;
  confirmLabel: string;
  /** The confirm button in the danger colour (kill, spike). */
  danger?: boolean;
  busy?: boolean;
  error?: string | null;
  testId: string;
  children?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal dialog (native <dialog>, so focus is trapped and Escape cancels) around one workflow step. */
export function ActionDialog({ title, confirmLabel, danger, busy, error, testId, children, onConfirm, onCancel }: ActionDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onConfirm();
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}>
      <form className="dialog__form" onSubmit={submit} noValidate>
        <h2 id={titleId} className="dialog__title">{title}</h2>
        {children}
        {error && <p className="form-error" role="alert" data-testid={`${testId}-error`}>{error}</p>}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onCancel}>{t('workflow.cancel')}</button>
          <button type="submit" className={`button ${danger ? 'button--danger' : 'button--primary'}`} disabled={busy} data-testid={`${testId}-confirm`}>{confirmLabel}</button>
        </div>
      </form>
    </dialog>
  );
}

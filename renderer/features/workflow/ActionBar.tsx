import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../shared/domain/article';
import { WORKFLOW_ACTIONS, type WorkflowAction } from '../../../shared/workflow/stateMachine';
import { ApiError } from '../../api';
import { deskApi } from '../../api/desk';
import { currentLanguage } from '../../i18n';
import { useDeskPeople } from '../desk/useDesk';
import { ActionDialog } from './ActionDialog';
import { fromLocalInput, nextHour, toLocalInput } from './localDateTime';

export interface ActionBarProps {
  article: Article;
  /** Stores pending edits before the transition; false when they could not be saved. */
  beforeAct: () => Promise<boolean>;
  /** The transition went through: the core's new copy of the article. */
  onActed: (article: Article, action: WorkflowAction) => void;
}

const PRIMARY: ReadonlySet<WorkflowAction> = new Set(['submit', 'claim', 'approve', 'publish']);
const DESTRUCTIVE: ReadonlySet<WorkflowAction> = new Set(['kill', 'spike']);
/** Actions that ask something first: a note, a time, a reviewer, or a confirmation. */
const WITH_DIALOG: ReadonlySet<WorkflowAction> = new Set(['requestChanges', 'approve', 'reassign', 'kill', 'spike']);

type Extra = { note?: string; scheduledAt?: string; assigneeId?: string };

/**
 * The workflow buttons for the open article: only the actions the core listed in
 * `article.permissions.actions` (computed from the shared state machine for this user), in the
 * machine's order. The core checks again on every call; a refusal is shown here.
 */
export function ActionBar({ article, beforeAct, onActed }: ActionBarProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [dialog, setDialog] = useState<WorkflowAction | null>(null);
  const [busy, setBusy] = useState<WorkflowAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [when, setWhen] = useState<'now' | 'at'>('now');
  const [at, setAt] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const people = useDeskPeople(article.permissions.actions.includes('reassign'));
  const ids = { note: useId(), noteHelp: useId(), at: useId(), assignee: useId() };
  const allowed = WORKFLOW_ACTIONS.filter((action) => article.permissions.actions.includes(action));
  const label = (action: WorkflowAction) => t(`workflow.actions.${action}`);

  const run = async (action: WorkflowAction, extra: Extra = {}) => {
    setBusy(action);
    setError(null);
    try {
      if (!(await beforeAct())) {
        setError(t('workflow.error', { action: label(action), message: t('workflow.unsaved') }));
        return;
      }
      const next = await deskApi.act(article.id, action, extra);
      setDialog(null);
      onActed(next, action);
    } catch (caught) {
      setError(t('workflow.error', { action: label(action), message: ApiError.from(caught).localized(language) }));
    } finally {
      setBusy(null);
    }
  };

  const open = (action: WorkflowAction) => {
    setError(null);
    if (!WITH_DIALOG.has(action)) {
      void run(action);
      return;
    }
    setNote('');
    setWhen('now');
    setAt(toLocalInput(nextHour(new Date())));
    setAssigneeId('');
    setDialog(action);
  };

  const confirm = () => {
    if (!dialog) return;
    if (dialog === 'requestChanges') {
      if (!note.trim()) return setError(t('workflow.noteRequired'));
      return void run(dialog, { note: note.trim() });
    }
    if (dialog === 'approve') {
      if (when === 'now') return void run(dialog);
      const scheduledAt = fromLocalInput(at);
      if (!scheduledAt || Date.parse(scheduledAt) <= Date.now()) return setError(t('workflow.approveAtRequired'));
      return void run(dialog, { scheduledAt });
    }
    if (dialog === 'reassign') {
      if (!assigneeId) return setError(t('workflow.reassignRequired'));
      return void run(dialog, { assigneeId });
    }
    void run(dialog);
  };

  const close = () => {
    setDialog(null);
    setError(null);
  };

  const reviewers = people.filter((person) => (person.role === 'reviewer' || person.role === 'admin') && person.id !== article.assigneeId);

  return (
    <div className="action-bar" role="group" aria-label={t('workflow.barLabel')} data-testid="action-bar" data-status={article.status}>
      <div className="action-bar__state">
        <span className={`status-pill status-pill--${article.status}`} data-testid="action-bar-status">{t(`articleStatus.${article.status}`)}</span>
        {article.priority === 'urgent' && <span className="badge badge--urgent">{t('desk.urgent')}</span>}
        {article.authorName && <span className="action-bar__who" dir="auto">{t('workflow.author', { name: article.authorName })}</span>}
        {article.assigneeName && <span className="action-bar__who" dir="auto" data-testid="action-bar-assignee">{t('workflow.holder', { name: article.assigneeName })}</span>}
      </div>
      {allowed.length > 0 && (
        <div className="action-bar__actions">
          {allowed.map((action) => (
            <button key={action} type="button" data-testid={`action-${action}`} disabled={busy !== null}
              className={`button${PRIMARY.has(action) ? ' button--primary' : ''}${DESTRUCTIVE.has(action) ? ' button--danger-outline' : ''}`}
              aria-haspopup={WITH_DIALOG.has(action) ? 'dialog' : undefined}
              onClick={() => open(action)}>
              {label(action)}
            </button>
          ))}
        </div>
      )}
      {error && !dialog && <p className="form-error action-bar__error" role="alert" data-testid="action-error">{error}</p>}

      {dialog === 'requestChanges' && (
        <ActionDialog title={t('workflow.requestChangesTitle')} confirmLabel={t('workflow.sendRequest')} testId="request-changes-dialog" busy={busy !== null} error={error} onConfirm={confirm} onCancel={close}>
          <div className="field">
            <label htmlFor={ids.note}>{t('workflow.noteLabel')}</label>
            <textarea id={ids.note} rows={5} maxLength={10_000} dir="auto" required aria-required="true" aria-describedby={ids.noteHelp} value={note} autoFocus
              data-testid="request-changes-note" onChange={(event) => setNote(event.target.value)} />
            <p id={ids.noteHelp} className="field__help">{t('workflow.noteHelp')}</p>
          </div>
        </ActionDialog>
      )}
      {dialog === 'approve' && (
        <ActionDialog title={t('workflow.approveTitle')} confirmLabel={label('approve')} testId="approve-dialog" busy={busy !== null} error={error} onConfirm={confirm} onCancel={close}>
          <fieldset className="field field--choices">
            <legend className="visually-hidden">{t('workflow.approveTitle')}</legend>
            <label className="choice">
              <input type="radio" name="approve-when" checked={when === 'now'} data-testid="approve-now" onChange={() => setWhen('now')} />
              {t('workflow.approveNow')}
            </label>
            <label className="choice">
              <input type="radio" name="approve-when" checked={when === 'at'} data-testid="approve-at" onChange={() => setWhen('at')} />
              {t('workflow.approveAt')}
            </label>
          </fieldset>
          {when === 'at' && (
            <div className="field">
              <label htmlFor={ids.at}>{t('workflow.approveAtLabel')}</label>
              <input id={ids.at} type="datetime-local" value={at} min={toLocalInput(new Date())} data-testid="approve-at-input" onChange={(event) => setAt(event.target.value)} />
            </div>
          )}
        </ActionDialog>
      )}
      {dialog === 'reassign' && (
        <ActionDialog title={t('workflow.reassignTitle')} confirmLabel={label('reassign')} testId="reassign-dialog" busy={busy !== null} error={error} onConfirm={confirm} onCancel={close}>
          <div className="field">
            <label htmlFor={ids.assignee}>{t('workflow.reassignLabel')}</label>
            <select id={ids.assignee} value={assigneeId} data-testid="reassign-select" onChange={(event) => setAssigneeId(event.target.value)}>
              <option value="">—</option>
              {reviewers.map((person) => <option key={person.id} value={person.id}>{person.name} ({t(`roles.${person.role}`, { defaultValue: person.role })})</option>)}
            </select>
          </div>
        </ActionDialog>
      )}
      {(dialog === 'kill' || dialog === 'spike') && (
        <ActionDialog title={t(dialog === 'kill' ? 'workflow.confirmKillTitle' : 'workflow.confirmSpikeTitle')} confirmLabel={label(dialog)} danger testId="confirm-dialog" busy={busy !== null} error={error} onConfirm={confirm} onCancel={close}>
          <p>{t(dialog === 'kill' ? 'workflow.confirmKillBody' : 'workflow.confirmSpikeBody')}</p>
        </ActionDialog>
      )}
    </div>
  );
}

import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticlePatch, Priority } from '../../../shared/domain/article';
import { fromLocalInput, toLocalInput } from './localDateTime';

export interface PriorityDeadlineFieldsProps {
  priority: Priority;
  deadline: string | null;
  readOnly: boolean;
  onChange: (patch: ArticlePatch) => void;
}

/** Priority (normal / urgent) and the optional deadline: the queue sorts by them. */
export const PriorityDeadlineFields = memo(function PriorityDeadlineFields({ priority, deadline, readOnly, onChange }: PriorityDeadlineFieldsProps) {
  const { t } = useTranslation();
  const ids = { priority: useId(), deadline: useId() };
  return (
    <div className="desk-fields">
      <div className="field">
        <label htmlFor={ids.priority}>{t('workflow.priority')}</label>
        <select id={ids.priority} value={priority} disabled={readOnly} data-testid="meta-priority"
          onChange={(event) => onChange({ priority: event.target.value === 'urgent' ? 'urgent' : 'normal' })}>
          <option value="normal">{t('workflow.priorityNormal')}</option>
          <option value="urgent">{t('workflow.priorityUrgent')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.deadline}>{t('workflow.deadline')}</label>
        <div className="field__row">
          <input id={ids.deadline} type="datetime-local" value={deadline ? toLocalInput(new Date(deadline)) : ''} readOnly={readOnly} data-testid="meta-deadline"
            onChange={(event) => onChange({ deadline: fromLocalInput(event.target.value) })} />
          {deadline && !readOnly && (
            <button type="button" className="button" data-testid="meta-deadline-clear" onClick={() => onChange({ deadline: null })}>{t('workflow.deadlineClear')}</button>
          )}
        </div>
      </div>
    </div>
  );
});

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/settings';
import { ApiError } from '../../api';
import { currentLanguage } from '../../i18n';
import { useSession } from '../auth/SessionContext';
import { useSettings } from './SettingsContext';

const MEGABYTE = 1024 * 1024;

/** Language, reading speed and the image size limit, in a native modal dialog. */
export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { settings, updateSettings } = useSettings();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [language, setLanguage] = useState<Language>(settings.language);
  const [wordsPerMinute, setWordsPerMinute] = useState(String(settings.wordsPerMinute));
  const [maxMegabytes, setMaxMegabytes] = useState(String(settings.maxImageBytes / MEGABYTE));
  const [error, setError] = useState<string | null>(null);
  // Accounts: the idle lock for everyone, the one-person-desk switch for admins only.
  const isAdmin = useSession()?.user.role === 'admin';
  const [idleLockMinutes, setIdleLockMinutes] = useState(String(settings.idleLockMinutes));
  const [allowSelfApproval, setAllowSelfApproval] = useState(settings.allowSelfApproval);
  const ids = { language: useId(), wpm: useId(), max: useId(), title: useId(), idle: useId(), idleHelp: useId(), selfApproval: useId(), selfApprovalHelp: useId() };

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setLanguage(settings.language);
      setWordsPerMinute(String(settings.wordsPerMinute));
      setMaxMegabytes(String(Math.round((settings.maxImageBytes / MEGABYTE) * 10) / 10));
      setIdleLockMinutes(String(settings.idleLockMinutes));
      setAllowSelfApproval(settings.allowSelfApproval);
      setError(null);
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, settings]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wpm = Math.round(Number(wordsPerMinute));
    const megabytes = Number(maxMegabytes);
    const idle = Math.round(Number(idleLockMinutes));
    try {
      await updateSettings({
        language,
        wordsPerMinute: Number.isFinite(wpm) ? Math.min(1000, Math.max(50, wpm)) : settings.wordsPerMinute,
        maxImageBytes: Number.isFinite(megabytes) && megabytes > 0 ? Math.min(200 * MEGABYTE, Math.max(1024, Math.round(megabytes * MEGABYTE))) : settings.maxImageBytes,
        idleLockMinutes: Number.isFinite(idle) && idle > 0 ? Math.min(24 * 60, Math.max(1, idle)) : settings.idleLockMinutes,
        ...(isAdmin && allowSelfApproval !== settings.allowSelfApproval ? { allowSelfApproval } : {}),
      });
      onClose();
    } catch (caught) {
      setError(t('settings.saveError', { message: ApiError.from(caught).localized(currentLanguage(i18n)) }));
    }
  };

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={ids.title} onClose={onClose} data-testid="settings-dialog">
      <form onSubmit={submit} className="dialog__form">
        <h2 id={ids.title} className="dialog__title">{t('settings.title')}</h2>
        <div className="field">
          <label htmlFor={ids.language}>{t('settings.language')}</label>
          <select id={ids.language} value={language} data-testid="language-select" onChange={(event) => setLanguage(event.target.value as Language)}>
            <option value="ar" lang="ar">العربية</option>
            <option value="en" lang="en">English</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.wpm}>{t('settings.wordsPerMinute')}</label>
          <input id={ids.wpm} type="number" min={50} max={1000} step={10} value={wordsPerMinute} data-testid="settings-wpm" onChange={(event) => setWordsPerMinute(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.max}>{t('settings.maxImageMegabytes')}</label>
          <input id={ids.max} type="number" min={0.1} max={200} step={0.1} value={maxMegabytes} data-testid="settings-max-image" onChange={(event) => setMaxMegabytes(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.idle}>{t('accountSettings.idleLockMinutes')}</label>
          <input id={ids.idle} type="number" min={1} max={24 * 60} step={1} value={idleLockMinutes} aria-describedby={ids.idleHelp} data-testid="settings-idle-lock" onChange={(event) => setIdleLockMinutes(event.target.value)} />
          <p id={ids.idleHelp} className="field__help">{t('accountSettings.idleLockHelp')}</p>
        </div>
        {isAdmin && (
          <div className="field field--check">
            <label htmlFor={ids.selfApproval}>
              <input id={ids.selfApproval} type="checkbox" checked={allowSelfApproval} aria-describedby={ids.selfApprovalHelp} data-testid="settings-self-approval" onChange={(event) => setAllowSelfApproval(event.target.checked)} />
              {t('accountSettings.allowSelfApproval')}
            </label>
            <p id={ids.selfApprovalHelp} className="field__help">{t('accountSettings.allowSelfApprovalHelp')}</p>
          </div>
        )}
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="dialog__actions">
          <button type="submit" className="button button--primary" data-testid="settings-save">{t('settings.save')}</button>
          <button type="button" className="button" onClick={onClose}>{t('settings.cancel')}</button>
        </div>
      </form>
    </dialog>
  );
}

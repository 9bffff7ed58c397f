import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localeSchema,
  type DigitsPolicy,
  type Language,
  type NewsroomLocale,
  type PartialWordMarks,
  type Settings,
  type SlugStyle,
} from '../../../shared/domain/settings';
import { ApiError } from '../../api';
import { currentLanguage } from '../../i18n';
import { useSession } from '../auth/SessionContext';
import { DictionarySection } from '../spelling/DictionarySection';
import { useSettings } from './SettingsContext';
import { boilerplateLines } from './boilerplateLines';
import './settings.css';

const MEGABYTE = 1024 * 1024;

/** The switches anyone may set (writing aids and personal choices). */
type Toggle = 'showHijri' | 'arabicPunctuation' | 'arabicQuotes' | 'autoDirection' | 'pasteCleanup' | 'spellcheck';
const TOGGLES: readonly Toggle[] = ['arabicPunctuation', 'arabicQuotes', 'autoDirection', 'pasteCleanup', 'spellcheck', 'showHijri'];

/** Newsroom settings (admins only; the core refuses them from anyone else). */
interface NewsroomForm {
  locale: NewsroomLocale;
  digits: DigitsPolicy;
  slugStyle: SlugStyle;
  pasteBoilerplate: string;
  autoBackup: boolean;
}

function newsroomForm(settings: Settings): NewsroomForm {
  return {
    locale: settings.locale,
    digits: settings.digits,
    slugStyle: settings.slugStyle,
    pasteBoilerplate: settings.pasteBoilerplate.join('\n'),
    autoBackup: settings.autoBackup,
  };
}

function togglesOf(settings: Settings): Record<Toggle, boolean> {
  return Object.fromEntries(TOGGLES.map((key) => [key, settings[key]])) as Record<Toggle, boolean>;
}

/** Language, reading speed, image size limit, writing aids, dates and the newsroom's publishing rules, in a native modal dialog. */
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
  const [toggles, setToggles] = useState(() => togglesOf(settings));
  const [partialWordMarks, setPartialWordMarks] = useState<PartialWordMarks>(settings.partialWordMarks);
  const [newsroom, setNewsroom] = useState<NewsroomForm>(() => newsroomForm(settings));
  const ids = {
    language: useId(), wpm: useId(), max: useId(), title: useId(), idle: useId(), idleHelp: useId(), selfApproval: useId(), selfApprovalHelp: useId(),
    partial: useId(), locale: useId(), localeHelp: useId(), digits: useId(), digitsHelp: useId(), slug: useId(), boilerplate: useId(), boilerplateHelp: useId(),
    newsroomNote: useId(), datesNote: useId(), autoBackup: useId(),
  };
  const toggleIds = { arabicPunctuation: useId(), arabicQuotes: useId(), autoDirection: useId(), pasteCleanup: useId(), spellcheck: useId(), showHijri: useId() };

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setLanguage(settings.language);
      setWordsPerMinute(String(settings.wordsPerMinute));
      setMaxMegabytes(String(Math.round((settings.maxImageBytes / MEGABYTE) * 10) / 10));
      setIdleLockMinutes(String(settings.idleLockMinutes));
      setAllowSelfApproval(settings.allowSelfApproval);
      setToggles(togglesOf(settings));
      setPartialWordMarks(settings.partialWordMarks);
      setNewsroom(newsroomForm(settings));
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
    // Newsroom settings go only when an admin changed them (the list is compared by content).
    const boilerplate = boilerplateLines(newsroom.pasteBoilerplate);
    const newsroomPatch: Partial<Settings> = {};
    if (isAdmin) {
      if (newsroom.locale !== settings.locale) newsroomPatch.locale = newsroom.locale;
      if (newsroom.digits !== settings.digits) newsroomPatch.digits = newsroom.digits;
      if (newsroom.slugStyle !== settings.slugStyle) newsroomPatch.slugStyle = newsroom.slugStyle;
      if (newsroom.autoBackup !== settings.autoBackup) newsroomPatch.autoBackup = newsroom.autoBackup;
      if (boilerplate.join('\n') !== settings.pasteBoilerplate.join('\n')) newsroomPatch.pasteBoilerplate = boilerplate;
    }
    try {
      await updateSettings({
        language,
        wordsPerMinute: Number.isFinite(wpm) ? Math.min(1000, Math.max(50, wpm)) : settings.wordsPerMinute,
        maxImageBytes: Number.isFinite(megabytes) && megabytes > 0 ? Math.min(200 * MEGABYTE, Math.max(1024, Math.round(megabytes * MEGABYTE))) : settings.maxImageBytes,
        idleLockMinutes: Number.isFinite(idle) && idle > 0 ? Math.min(24 * 60, Math.max(1, idle)) : settings.idleLockMinutes,
        ...(isAdmin && allowSelfApproval !== settings.allowSelfApproval ? { allowSelfApproval } : {}),
        ...toggles,
        partialWordMarks,
        ...newsroomPatch,
      });
      onClose();
    } catch (caught) {
      setError(t('settings.saveError', { message: ApiError.from(caught).localized(currentLanguage(i18n)) }));
    }
  };

  const check = (key: Toggle) => (
    <div className="field field--check" key={key}>
      <label htmlFor={toggleIds[key]}>
        <input id={toggleIds[key]} type="checkbox" checked={toggles[key]} data-testid={`settings-${key}`} onChange={(event) => setToggles((previous) => ({ ...previous, [key]: event.target.checked }))} />
        {t(`writing.${key}`)}
      </label>
    </div>
  );
  const setNewsroomField = <K extends keyof NewsroomForm>(key: K, value: NewsroomForm[K]) => setNewsroom((previous) => ({ ...previous, [key]: value }));
  const newsroomDisabled = !isAdmin;
  const newsroomDescribed = newsroomDisabled ? ids.newsroomNote : undefined;

  return (
    <dialog ref={dialogRef} className="dialog settings-dialog" aria-labelledby={ids.title} onClose={onClose} data-testid="settings-dialog">
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

        <fieldset className="settings-group" data-testid="settings-writing">
          <legend>{t('writing.sections.writing')}</legend>
          <div className="settings-checks">{(['arabicPunctuation', 'arabicQuotes', 'autoDirection', 'pasteCleanup', 'spellcheck'] as const).map(check)}</div>
          <div className="field">
            <label htmlFor={ids.partial}>{t('writing.partialWordMarks')}</label>
            <select id={ids.partial} value={partialWordMarks} data-testid="settings-partialWordMarks" onChange={(event) => setPartialWordMarks(event.target.value as PartialWordMarks)}>
              <option value="widen">{t('writing.partialWiden')}</option>
              <option value="warn">{t('writing.partialWarn')}</option>
              <option value="off">{t('writing.partialOff')}</option>
            </select>
          </div>
        </fieldset>

        <DictionarySection open={open} />

        <fieldset className="settings-group" data-testid="settings-dates">
          <legend>{t('writing.sections.datesNumbers')}</legend>
          {newsroomDisabled && <p id={ids.datesNote} className="settings-group__note">{t('writing.newsroomOnly')}</p>}
          <div className="field">
            <label htmlFor={ids.locale}>{t('writing.locale')}</label>
            <select id={ids.locale} value={newsroom.locale} disabled={newsroomDisabled} aria-describedby={newsroomDisabled ? `${ids.datesNote} ${ids.localeHelp}` : ids.localeHelp} data-testid="settings-locale" onChange={(event) => setNewsroomField('locale', event.target.value as NewsroomLocale)}>
              {localeSchema.options.map((locale) => (
                <option key={locale} value={locale}>{t(`writing.localeNames.${locale}`)}</option>
              ))}
            </select>
            <p id={ids.localeHelp} className="field__help">{t('writing.localeHelp')}</p>
          </div>
          <div className="field">
            <label htmlFor={ids.digits}>{t('writing.digits')}</label>
            <select id={ids.digits} value={newsroom.digits} disabled={newsroomDisabled} aria-describedby={newsroomDisabled ? `${ids.datesNote} ${ids.digitsHelp}` : ids.digitsHelp} data-testid="settings-digits" onChange={(event) => setNewsroomField('digits', event.target.value as DigitsPolicy)}>
              <option value="western">{t('writing.digitsWestern')}</option>
              <option value="arabic-indic">{t('writing.digitsArabicIndic')}</option>
            </select>
            <p id={ids.digitsHelp} className="field__help">{t('writing.digitsHelp')}</p>
          </div>
          {check('showHijri')}
        </fieldset>

        <fieldset className="settings-group" data-testid="settings-newsroom">
          <legend>{t('writing.sections.newsroom')}</legend>
          {newsroomDisabled && <p id={ids.newsroomNote} className="settings-group__note" data-testid="settings-newsroom-note">{t('writing.newsroomOnly')}</p>}
          <div className="field">
            <label htmlFor={ids.slug}>{t('writing.slugStyle')}</label>
            <select id={ids.slug} value={newsroom.slugStyle} disabled={newsroomDisabled} aria-describedby={newsroomDescribed} data-testid="settings-slugStyle" onChange={(event) => setNewsroomField('slugStyle', event.target.value as SlugStyle)}>
              <option value="arabic">{t('writing.slugArabic')}</option>
              <option value="latin">{t('writing.slugLatin')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.boilerplate}>{t('writing.pasteBoilerplate')}</label>
            <textarea id={ids.boilerplate} value={newsroom.pasteBoilerplate} disabled={newsroomDisabled} dir="auto" rows={6} aria-describedby={newsroomDisabled ? `${ids.newsroomNote} ${ids.boilerplateHelp}` : ids.boilerplateHelp} data-testid="settings-pasteBoilerplate" onChange={(event) => setNewsroomField('pasteBoilerplate', event.target.value)} />
            <p id={ids.boilerplateHelp} className="field__help">{t('writing.pasteBoilerplateHelp')}</p>
          </div>
          <div className="field field--check">
            <label htmlFor={ids.autoBackup}>
              <input id={ids.autoBackup} type="checkbox" checked={newsroom.autoBackup} disabled={newsroomDisabled} aria-describedby={newsroomDescribed} data-testid="settings-autoBackup" onChange={(event) => setNewsroomField('autoBackup', event.target.checked)} />
              {t('writing.autoBackup')}
            </label>
          </div>
        </fieldset>

        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="dialog__actions">
          <button type="submit" className="button button--primary" data-testid="settings-save">{t('settings.save')}</button>
          <button type="button" className="button" onClick={onClose}>{t('settings.cancel')}</button>
        </div>
      </form>
    </dialog>
  );
}

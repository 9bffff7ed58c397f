import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DictionaryWord, SpellLanguageStatus } from '../../../shared/ipc/channels/spelling';
import { ApiError } from '../../api';
import { spellingApi } from '../../api/spelling';
import { currentLanguage } from '../../i18n';
import { notifyDictionaryChanged } from './dictionaryChanges';
import './spelling.css';

interface Loaded {
  words: DictionaryWord[];
  languages: SpellLanguageStatus[];
}

/**
 * Settings → the newsroom dictionary: the bundled dictionaries and the words colleagues added,
 * each with who added it and a remove button (the core decides who may: the adder or an admin).
 * Read each time the dialog opens.
 */
export function DictionarySection({ open }: { open: boolean }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setLoaded(await spellingApi.dictionary());
    } catch (caught) {
      setError(t('spelling.dictionary.loadError', { message: ApiError.from(caught).localized(currentLanguage(i18n)) }));
    }
  }, [t, i18n]);

  useEffect(() => {
    if (!open) return;
    setError(null);
    void load();
  }, [open, load]);

  const remove = async (word: string) => {
    setRemoving(word);
    setError(null);
    try {
      await spellingApi.removeWord({ word });
      notifyDictionaryChanged();
      await load();
    } catch (caught) {
      setError(t('spelling.dictionary.removeError', { word, message: ApiError.from(caught).localized(language) }));
    } finally {
      setRemoving(null);
    }
  };

  return (
    <fieldset className="settings-group" data-testid="settings-dictionary">
      <legend>{t('spelling.dictionary.title')}</legend>
      <p className="settings-group__note">{t('spelling.dictionary.help')}</p>
      {!loaded && !error && <p className="spell-dictionary__empty" aria-busy="true">{t('spelling.dictionary.loading')}</p>}
      {loaded && (
        <>
          <ul className="spell-dictionary__languages" aria-label={t('spelling.dictionary.languages')} data-testid="dictionary-languages">
            {loaded.languages.map((status) => (
              <li key={status.language} title={status.source}>
                {t(`spelling.dictionary.languageNames.${status.language}`)}: {status.available ? t('spelling.dictionary.available') : t('spelling.dictionary.unavailable')}
              </li>
            ))}
          </ul>
          {loaded.words.length === 0 ? (
            <p className="spell-dictionary__empty" data-testid="dictionary-empty">{t('spelling.dictionary.empty')}</p>
          ) : (
            <ul className="spell-dictionary__words" aria-label={t('spelling.dictionary.words')} data-testid="dictionary-words">
              {loaded.words.map((entry) => (
                <li key={entry.word} className="spell-dictionary__word" data-testid="dictionary-word">
                  <span className="spell-dictionary__text" dir="auto" lang={entry.language === 'ar' ? 'ar' : 'en'}>{entry.word}</span>
                  <span className="spell-dictionary__by">
                    {entry.addedBy ? t('spelling.dictionary.addedBy', { name: entry.addedBy.name }) : t('spelling.dictionary.addedByCli')}
                  </span>
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={t('spelling.dictionary.removeLabel', { word: entry.word })}
                    disabled={removing !== null}
                    data-testid="dictionary-remove"
                    onClick={() => void remove(entry.word)}
                  >
                    {t('spelling.dictionary.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {error && <p className="form-error" role="alert" data-testid="dictionary-error">{error}</p>}
    </fieldset>
  );
}

import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { readingMinutes } from '../../../shared/text/arabic';
import { countText, currentLanguage } from '../../i18n';
import { formatNumber, formatTime } from '../../i18n/format';
import type { SaveState } from '../save/SaveQueue';
import { SyncIndicator } from '../publishing/SyncIndicator';

export interface StatusBarProps {
  saveState: SaveState;
  words: number;
  characters: number;
  wordsPerMinute: number;
}

/** Save state, word count, reading time and character count under the editor. */
export const StatusBar = memo(function StatusBar({ saveState, words, characters, wordsPerMinute }: StatusBarProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  let saveText: string;
  switch (saveState.kind) {
    case 'idle': saveText = t('status.idle'); break;
    case 'pending':
    case 'saving': saveText = t('status.saving'); break;
    case 'saved': saveText = t('status.saved', { time: formatTime(saveState.at, language) }); break;
    case 'error': saveText = t('status.error'); break;
    case 'conflict': saveText = t('status.conflict'); break;
  }
  const minutes = readingMinutes(words, wordsPerMinute);
  return (
    <footer className="status-bar">
      <span className={`status-bar__save status-bar__save--${saveState.kind}`} data-testid="status-save" data-state={saveState.kind} role="status">
        {saveText}
      </span>
      <span data-testid="status-words" data-value={words}>{t('status.words', { n: formatNumber(words, language) })}</span>
      <span data-testid="status-reading" data-value={minutes}>{t('status.reading', { duration: countText(t, 'minutes.count', minutes, language) })}</span>
      <span data-testid="status-chars" data-value={characters}>{t('status.chars', { n: formatNumber(characters, language) })}</span>
      <SyncIndicator />
    </footer>
  );
});

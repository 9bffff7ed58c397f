import { useTranslation } from 'react-i18next';
import type { SyncItem } from '../../../shared/ipc/channels/sync';
import { currentLanguage } from '../../i18n';
import { stateText } from './syncText';

/** The item's state as a coloured badge: "Published", "Retry at …", "Conflict"… */
export function SyncStateBadge({ item }: { item: Pick<SyncItem, 'state' | 'nextAttemptAt'> }) {
  const { t, i18n } = useTranslation();
  return (
    <span className={`sync-state sync-state--${item.state}`} data-testid="sync-state" data-state={item.state}>
      {stateText(t, item, currentLanguage(i18n))}
    </span>
  );
}

import '../../styles/archive.css';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenDialog } from '../auth/ScreenDialog';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { VerifyPanel } from './VerifyPanel';

const TABS = ['export', 'verify', 'import'] as const;
type Tab = (typeof TABS)[number];

/** The admin's archive screen: export, verify and import as tabs (ARIA tabs: arrows move, the panel follows). */
export function ArchiveDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('export');
  const base = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKey = (event: KeyboardEvent) => {
    const index = TABS.indexOf(tab);
    // Right to left: the next tab is to the left in Arabic; Home/End as usual.
    const rtl = document.documentElement.dir === 'rtl';
    let next: number | null = null;
    if (event.key === 'ArrowLeft') next = index + (rtl ? 1 : -1);
    else if (event.key === 'ArrowRight') next = index + (rtl ? -1 : 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = TABS.length - 1;
    if (next === null) return;
    event.preventDefault();
    const target = (next + TABS.length) % TABS.length;
    setTab(TABS[target]!);
    tabs.current[target]?.focus();
  };

  return (
    <ScreenDialog title={t('archive.title')} testId="archive-dialog" closeLabel={t('archive.close')} onClose={onClose}>
      <div role="tablist" aria-label={t('archive.tabs.label')} className="archive-tabs" onKeyDown={onKey}>
        {TABS.map((name, index) => (
          <button
            key={name}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`${base}-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="archive-tabs__tab"
            data-testid={`archive-tab-${name}`}
            onClick={() => setTab(name)}
          >
            {t(`archive.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel-${tab}`} aria-labelledby={`${base}-tab-${tab}`} className="archive-tabpanel">
        {tab === 'export' && <ExportPanel />}
        {tab === 'verify' && <VerifyPanel />}
        {tab === 'import' && <ImportPanel />}
      </div>
    </ScreenDialog>
  );
}

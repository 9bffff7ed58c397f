import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type SideTab = 'meta' | 'comments' | 'history' | 'publishing';
const TABS: readonly SideTab[] = ['meta', 'comments', 'history', 'publishing'];

export interface ArticleSidePanelProps {
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  panels: Record<SideTab, ReactNode>;
}

/**
 * The column beside the article: its details, its comments and its history, as tabs. Every
 * panel stays mounted (hidden when not chosen), so a comment draft or a chosen comparison
 * survives a look at another tab.
 */
export function ArticleSidePanel({ tab, onTab, panels }: ArticleSidePanelProps) {
  const { t, i18n } = useTranslation();
  const base = useId();
  const refs = useRef<Partial<Record<SideTab, HTMLButtonElement | null>>>({});
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const rtl = i18n.dir() === 'rtl';
    const step = event.key === 'ArrowRight' ? (rtl ? -1 : 1) : event.key === 'ArrowLeft' ? (rtl ? 1 : -1) : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]!;
    onTab(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="side-panel" data-testid="side-panel">
      <div className="side-panel__tabs" role="tablist" aria-label={t('sidePanel.label')} onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button key={name} ref={(element) => {
            refs.current[name] = element;
          }}
            type="button" role="tab" id={`${base}-tab-${name}`} aria-controls={`${base}-panel-${name}`} aria-selected={tab === name} tabIndex={tab === name ? 0 : -1}
            className={`side-panel__tab${tab === name ? ' is-current' : ''}`} data-testid={`side-tab-${name}`} onClick={() => onTab(name)}>
            {t(`sidePanel.${name}`)}
          </button>
        ))}
      </div>
      {TABS.map((name) => (
        <div key={name} role="tabpanel" id={`${base}-panel-${name}`} aria-labelledby={`${base}-tab-${name}`} className="side-panel__panel" tabIndex={0} hidden={tab !== name}>
          {panels[name]}
        </div>
      ))}
    </div>
  );
}

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export type AdminScreen = 'users' | 'audit' | 'endpoints' | 'archive' | 'backups';

/** A small menu button (ARIA menu pattern): arrows move, Escape closes and returns focus. */
export function AdminMenu({ onOpen }: { onOpen: (screen: AdminScreen) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => {
      event.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') close(false);
  };

  const choose = (screen: AdminScreen) => {
    // Focus back on the menu button first: the dialog returns it there when it closes.
    close(true);
    onOpen(screen);
  };

  return (
    <div className="admin-menu">
      <button
        ref={buttonRef}
        type="button"
        className="button"
        data-testid="admin-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {t('account.admin')}
        <span aria-hidden="true" className="admin-menu__caret">▾</span>
      </button>
      {open && (
        <ul ref={menuRef} id={menuId} role="menu" className="admin-menu__list" aria-label={t('account.admin')} onKeyDown={onMenuKey}>
          <li role="none">
            <button type="button" role="menuitem" tabIndex={-1} data-testid="open-users" onClick={() => choose('users')}>
              {t('account.users')}
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" tabIndex={-1} data-testid="open-audit" onClick={() => choose('audit')}>
              {t('account.audit')}
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" tabIndex={-1} data-testid="open-endpoints" onClick={() => choose('endpoints')}>
              {t('publishing.endpoints.menu')}
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" tabIndex={-1} data-testid="open-archive" onClick={() => choose('archive')}>
              {t('archive.menu')}
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" tabIndex={-1} data-testid="open-backups" onClick={() => choose('backups')}>
              {t('archive.backups.menu')}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}

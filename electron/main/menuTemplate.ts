import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/domain/settings';

interface MenuLabels {
  file: string;
  closeWindow: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  zoomIn: string;
  zoomOut: string;
  resetZoom: string;
  fullScreen: string;
  devTools: string;
  help: string;
  about: string;
}

const LABELS: Readonly<Record<Language, MenuLabels>> = {
  ar: {
    file: 'ملف',
    closeWindow: 'إغلاق النافذة',
    quit: 'إنهاء مداد',
    edit: 'تحرير',
    undo: 'تراجع',
    redo: 'إعادة',
    cut: 'قص',
    copy: 'نسخ',
    paste: 'لصق',
    selectAll: 'تحديد الكل',
    view: 'عرض',
    zoomIn: 'تكبير',
    zoomOut: 'تصغير',
    resetZoom: 'الحجم الأصلي',
    fullScreen: 'ملء الشاشة',
    devTools: 'أدوات المطوّر',
    help: 'مساعدة',
    about: 'حول مداد',
  },
  en: {
    file: 'File',
    closeWindow: 'Close Window',
    quit: 'Quit Midad',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    fullScreen: 'Full Screen',
    devTools: 'Developer Tools',
    help: 'Help',
    about: 'About Midad',
  },
};

export interface MenuOptions {
  isMac: boolean;
  /** Developer tools only in a development run, never in a packaged app. */
  withDevTools: boolean;
}

/**
 * The application menu in the interface language. Roles only: the editing commands act on
 * the focused editor natively, so the menu carries no logic of its own. No "Reload": a reload
 * could drop a save still in flight.
 */
export function buildMenuTemplate(language: Language, options: MenuOptions): MenuItemConstructorOptions[] {
  const t = LABELS[language];
  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [{ role: 'close', label: t.closeWindow }, ...(options.isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const, label: t.quit }])],
  };
  const edit: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      { type: 'separator' },
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { type: 'separator' },
      { role: 'selectAll', label: t.selectAll },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      { role: 'resetZoom', label: t.resetZoom },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t.fullScreen },
      ...(options.withDevTools ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const, label: t.devTools }] : []),
    ],
  };
  const help: MenuItemConstructorOptions = { role: 'help', label: t.help, submenu: [{ role: 'about', label: t.about }] };
  const appMenu: MenuItemConstructorOptions[] = options.isMac
    ? [{ role: 'appMenu', submenu: [{ role: 'about', label: t.about }, { type: 'separator' }, { role: 'quit', label: t.quit }] }]
    : [];
  return [...appMenu, file, edit, view, help];
}

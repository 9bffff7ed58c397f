import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../../../electron/main/menuTemplate';

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];

describe('buildMenuTemplate', () => {
  it('does label File, Edit, View and Help in Arabic when the language is Arabic', () => {
    const menu = buildMenuTemplate('ar', { isMac: false, withDevTools: false });
    expect(menu.map((item) => item.label)).toEqual(['ملف', 'تحرير', 'عرض', 'مساعدة']);
    expect(submenu(menu[1]).filter((item) => item.role).map((item) => item.label)).toEqual(['تراجع', 'إعادة', 'قص', 'نسخ', 'لصق', 'تحديد الكل']);
  });

  it('does give Edit the native undo, redo, cut, copy, paste and select-all roles in English', () => {
    const menu = buildMenuTemplate('en', { isMac: false, withDevTools: false });
    expect(menu.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(submenu(menu[1]).filter((item) => item.role).map((item) => item.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('does offer developer tools only in a development run and never a reload', () => {
    const roles = (withDevTools: boolean) => JSON.stringify(buildMenuTemplate('en', { isMac: false, withDevTools }));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(true)).not.toMatch(/"reload"|"forceReload"/);
  });

  it('does put the application menu first on macOS', () => {
    const menu = buildMenuTemplate('ar', { isMac: true, withDevTools: false });
    expect(menu[0]?.role).toBe('appMenu');
    expect(menu.slice(1).map((item) => item.label)).toEqual(['ملف', 'تحرير', 'عرض', 'مساعدة']);
  });
});

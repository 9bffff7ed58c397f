import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../../../electron/core/dataDir';

describe('defaultDataDir', () => {
  it('uses ~/.config/Midad/data on Linux when XDG_CONFIG_HOME is unset', () => {
    expect(defaultDataDir({ platform: 'linux', env: {}, home: '/home/huda' })).toBe('/home/huda/.config/Midad/data');
  });

  it('follows XDG_CONFIG_HOME on Linux like Electron does', () => {
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/srv/cfg' }, home: '/home/huda' })).toBe('/srv/cfg/Midad/data');
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({ platform: 'darwin', env: {}, home: '/Users/huda' })).toBe('/Users/huda/Library/Application Support/Midad/data');
  });

  it('uses %APPDATA% on Windows', () => {
    expect(defaultDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\huda\\AppData\\Roaming' }, home: 'C:\\Users\\huda' })).toBe(
      'C:\\Users\\huda\\AppData\\Roaming\\Midad\\data',
    );
  });
});

describe('resolveDataDir', () => {
  const info = { platform: 'linux' as const, env: { MIDAD_DATA_DIR: '/mnt/newsroom' }, home: '/home/huda' };

  it('prefers an explicit --data-dir over MIDAD_DATA_DIR', () => {
    expect(resolveDataDir('/tmp/x', info)).toBe('/tmp/x');
  });

  it('uses MIDAD_DATA_DIR when no flag is given', () => {
    expect(resolveDataDir(undefined, info)).toBe('/mnt/newsroom');
  });

  it('falls back to the platform default when neither is set', () => {
    expect(resolveDataDir(undefined, { ...info, env: {} })).toBe('/home/huda/.config/Midad/data');
  });
});

import { createContext, useContext } from 'react';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings';

export interface SettingsValue {
  settings: Settings;
  /** Stores the change in the core, then applies it (language switches the whole UI). */
  updateSettings: (patch: Partial<Settings>) => Promise<void>;
}

export const SettingsContext = createContext<SettingsValue>({
  settings: DEFAULT_SETTINGS,
  updateSettings: async () => undefined,
});

export function useSettings(): SettingsValue {
  return useContext(SettingsContext);
}

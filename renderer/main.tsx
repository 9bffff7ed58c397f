import './styles/fonts.css';
import './styles/app.css';
import './styles/desk.css';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import { flushAll } from './features/save/flushRegistry';
import { i18n } from './i18n';

declare global {
  interface Window {
    /** Persists every pending save; the Electron main awaits it before quitting, tests before reloading. */
    __midadFlush?: () => Promise<void>;
  }
}

window.__midadFlush = flushAll;
// Closing or reloading the window: start the pending saves now; the IPC message leaves before unload.
window.addEventListener('pagehide', () => void flushAll());
window.addEventListener('beforeunload', () => void flushAll());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>,
  );
}

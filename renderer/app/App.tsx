import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Language, Settings } from '../../shared/domain/settings';
import type { SessionState } from '../../shared/domain/user';
import { accountsApi, api, ApiError } from '../api';
import { LockScreen } from '../features/auth/LockScreen';
import { SessionContext, type SessionValue } from '../features/auth/SessionContext';
import { SetupScreen } from '../features/auth/SetupScreen';
import { SignInScreen } from '../features/auth/SignInScreen';
import { useSessionState } from '../features/auth/useSessionState';
import { DatabaseErrorScreen, type DatabaseErrorInfo } from '../features/db-error/DatabaseErrorScreen';
import { SettingsContext, type SettingsValue } from '../features/settings/SettingsContext';
import { applyLanguage } from '../i18n';
import { setFormatSettings } from '../i18n/format';
import { Workspace } from './Workspace';
import '../styles/accounts.css';

type Boot =
  | { status: 'starting' }
  | { status: 'database-error'; info: DatabaseErrorInfo }
  | { status: 'ready'; settings: Settings; session: SessionState };

/** The workspace of one signed-in user; it stays mounted under the lock screen. */
interface OpenWorkspace {
  userId: string;
  lastArticleId: string | null;
}

/** Pending saves go out before the session changes hands; a locked core would hold them, so wait at most this long. */
const FLUSH_BEFORE_SESSION_CHANGE_MS = 5000;

async function flushPendingSaves(): Promise<void> {
  const flush = window.__midadFlush;
  if (!flush) return;
  await Promise.race([flush(), new Promise((resolve) => window.setTimeout(resolve, FLUSH_BEFORE_SESSION_CHANGE_MS))]);
}

/**
 * Start-up: ask the core whether the database opened; if not, show the database screen and
 * stop (no retry loop). Otherwise load settings (language first, so the first paint is in the
 * right language) and the session, then gate on it: first-run setup, sign-in, the workspace,
 * or the lock screen over the workspace.
 */
export function App() {
  const [boot, setBoot] = useState<Boot>({ status: 'starting' });

  useEffect(() => {
    (async () => {
      const info = await api.appInfo();
      if (info.databaseError) {
        setBoot({ status: 'database-error', info: { ...info.databaseError, databaseFile: info.databaseFile } });
        return;
      }
      const [settings, session] = await Promise.all([api.getSettings(), accountsApi.status()]);
      setFormatSettings(settings);
      await applyLanguage(settings.language);
      setBoot({ status: 'ready', settings, session });
    })().catch((error: unknown) => {
      const apiError = ApiError.from(error);
      setBoot({ status: 'database-error', info: { code: apiError.code, message: apiError.message, messageAr: apiError.messageAr, databaseFile: '' } });
    });
  }, []);

  const updateSettings = useCallback(async (patch: Partial<Settings>) => {
    const next = await api.updateSettings(patch);
    // Dates and numbers follow the newsroom locale; re-applying the language re-renders every translated view.
    setFormatSettings(next);
    await applyLanguage(next.language);
    setBoot((previous) => (previous.status === 'ready' ? { ...previous, settings: next } : previous));
  }, []);

  const settingsValue = useMemo<SettingsValue | null>(
    () => (boot.status === 'ready' ? { settings: boot.settings, updateSettings } : null),
    [boot, updateSettings],
  );

  if (boot.status === 'database-error') return <DatabaseErrorScreen info={boot.info} />;
  if (boot.status === 'starting' || !settingsValue) return <div className="boot" aria-busy="true" />;
  return (
    <SettingsContext.Provider value={settingsValue}>
      <SessionGate initial={boot.session} settings={boot.settings} updateSettings={updateSettings} />
    </SettingsContext.Provider>
  );
}

/** The session gate: which screen the session allows, with the workspace kept under the lock. */
function SessionGate({ initial, settings, updateSettings }: {
  initial: SessionState;
  settings: Settings;
  updateSettings: (patch: Partial<Settings>) => Promise<void>;
}) {
  const { session, apply, refresh } = useSessionState(initial);
  const [workspace, setWorkspace] = useState<OpenWorkspace | null>(null);
  const [workspaceError, setWorkspaceError] = useState<ApiError | null>(null);
  const user = session.state === 'signedIn' || session.state === 'locked' ? session.user : null;
  const signedInId = session.state === 'signedIn' ? session.user.id : null;

  // Signed in as someone whose workspace is not open: open it where they left off.
  useEffect(() => {
    if (!signedInId || workspace?.userId === signedInId) return;
    let cancelled = false;
    api.lastViewed().then(
      (last) => {
        if (!cancelled) setWorkspace({ userId: signedInId, lastArticleId: last.articleId });
      },
      (error: unknown) => {
        if (!cancelled) setWorkspaceError(ApiError.from(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [signedInId, workspace?.userId]);

  // Nobody signed in: the workspace closes (its pending saves were flushed by the sign-out).
  useEffect(() => {
    if (!user) setWorkspace(null);
  }, [user]);

  /** A screen before the workspace finished: the language picked there is kept once someone is in. */
  const entered = useCallback(
    (state: SessionState, language: Language | null) => {
      apply(state);
      if (state.state === 'signedIn' && language && language !== settings.language) void updateSettings({ language }).catch(() => undefined);
    },
    [apply, settings.language, updateSettings],
  );

  const sessionValue = useMemo<SessionValue | null>(
    () =>
      user && {
        user,
        refresh,
        lockNow: async () => {
          await flushPendingSaves();
          apply(await accountsApi.lock());
        },
        signOut: async () => {
          await flushPendingSaves();
          apply(await accountsApi.signOut());
        },
      },
    [user, apply, refresh],
  );

  if (session.state === 'setup') return <SetupScreen onDone={entered} />;
  if (session.state === 'signedOut') return <SignInScreen onDone={entered} />;
  const mounted = workspace !== null && workspace.userId === user?.id;
  return (
    <SessionContext.Provider value={sessionValue}>
      {mounted && <Workspace key={workspace.userId} initialArticleId={workspace.lastArticleId} />}
      {!mounted && session.state === 'signedIn' && (
        <div className="boot" aria-busy={!workspaceError}>
          {workspaceError && <p className="form-error boot__error" role="alert">{workspaceError.localized(settings.language)}</p>}
        </div>
      )}
      {session.state === 'locked' && <LockScreen user={session.user} overWorkspace={mounted} onDone={apply} />}
    </SessionContext.Provider>
  );
}

import '../../styles/publishing.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { EndpointSummary } from '../../../shared/ipc/channels/sync';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { Language } from '../../../shared/domain/settings';
import { ApiError } from '../../api';
import { syncApi } from '../../api/sync';
import { currentLanguage } from '../../i18n';
import { ScreenDialog } from '../auth/ScreenDialog';
import { ActionDialog } from '../workflow/ActionDialog';
import { EndpointFormView } from './EndpointFormView';

type TestResult = ResponseOf<'endpoints.test'>;
type Editing = { endpoint: EndpointSummary | null; kind: EndpointSummary['kind'] };

/** A WordPress role in the UI language when it is one of the built-in ones. */
export function wpRoleName(t: TFunction, role: string): string {
  return t(`publishing.wpRoles.${role}`, { defaultValue: role });
}

/** The test's outcome in plain words, in the UI language. */
export function testResultText(t: TFunction, result: TestResult, language: Language): { text: string; warning: string | null; error: string | null } {
  const error = result.error ? t('publishing.endpoints.result.failed', { message: language === 'ar' ? result.error.messageAr : result.error.message }) : null;
  const text = result.ok
    ? result.user
      ? t('publishing.endpoints.result.okUser', { user: result.user, role: result.role ? wpRoleName(t, result.role) : '—' })
      : t('publishing.endpoints.result.ok')
    : '';
  let warning: string | null = null;
  if (result.warning) warning = language === 'ar' ? result.warning.ar : result.warning.en;
  else if (result.ok && !result.canPublish) warning = t('publishing.endpoints.result.cannotPublish');
  return { text, warning, error };
}

/**
 * The admin's publishing endpoints: the list, add and edit (WordPress or webhook), enable or
 * disable, remove, and a connection test that names the remote user and role and says plainly
 * when that account cannot publish. Secrets are write-only: never shown back.
 */
export function EndpointsDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [endpoints, setEndpoints] = useState<EndpointSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [tests, setTests] = useState<Record<string, TestResult | 'testing' | ApiError>>({});
  const [removing, setRemoving] = useState<EndpointSummary | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setEndpoints(await syncApi.endpoints());
      setError(null);
    } catch (caught) {
      setError(t('publishing.endpoints.loadError', { message: ApiError.from(caught).localized(currentLanguage(i18n)) }));
    }
  }, [t, i18n]);
  useEffect(() => {
    void load();
  }, [load]);

  const saved = (endpoint: EndpointSummary) => {
    setEditing(null);
    setNotice(t('publishing.endpoints.saved', { name: endpoint.name }));
    setTests((previous) => {
      const next = { ...previous };
      delete next[endpoint.id];
      return next;
    });
    setEndpoints((previous) => {
      if (!previous) return [endpoint];
      return previous.some((item) => item.id === endpoint.id) ? previous.map((item) => (item.id === endpoint.id ? endpoint : item)) : [...previous, endpoint];
    });
  };

  const test = async (endpoint: EndpointSummary) => {
    setTests((previous) => ({ ...previous, [endpoint.id]: 'testing' }));
    let result: TestResult | ApiError;
    try {
      result = await syncApi.testEndpoint(endpoint.id);
    } catch (caught) {
      result = ApiError.from(caught);
    }
    setTests((previous) => ({ ...previous, [endpoint.id]: result }));
  };

  const toggle = async (endpoint: EndpointSummary) => {
    setBusy(endpoint.id);
    setActionError(null);
    try {
      const next = await syncApi.saveEndpoint({
        id: endpoint.id,
        kind: endpoint.kind,
        name: endpoint.name,
        url: endpoint.url,
        ...(endpoint.username ? { username: endpoint.username } : {}),
        enabled: !endpoint.enabled,
        unpublishMode: endpoint.unpublishMode,
        concurrency: endpoint.concurrency,
      });
      setEndpoints((previous) => previous?.map((item) => (item.id === next.id ? next : item)) ?? previous);
    } catch (caught) {
      setActionError(t('publishing.actions.error', { message: ApiError.from(caught).localized(language) }));
    } finally {
      setBusy(null);
    }
  };

  const remove = async (endpoint: EndpointSummary) => {
    setBusy(endpoint.id);
    setActionError(null);
    try {
      await syncApi.removeEndpoint(endpoint.id);
      setEndpoints((previous) => previous?.filter((item) => item.id !== endpoint.id) ?? previous);
      setNotice(t('publishing.endpoints.removed', { name: endpoint.name }));
      setRemoving(null);
    } catch (caught) {
      setActionError(t('publishing.actions.error', { message: ApiError.from(caught).localized(language) }));
    } finally {
      setBusy(null);
    }
  };

  const add = (kind: EndpointSummary['kind']) => {
    setNotice(null);
    setEditing({ endpoint: null, kind });
  };

  return (
    <ScreenDialog
      title={t('publishing.endpoints.title')}
      testId="endpoints-dialog"
      closeLabel={t('publishing.endpoints.close')}
      onClose={onClose}
      headerExtra={
        <div className="endpoints__add">
          <button type="button" className="button button--primary" data-testid="endpoint-add-wordpress" data-autofocus onClick={() => add('wordpress')}>
            {t('publishing.endpoints.addWordpress')}
          </button>
          <button type="button" className="button" data-testid="endpoint-add-webhook" onClick={() => add('webhook')}>
            {t('publishing.endpoints.addWebhook')}
          </button>
        </div>
      }
    >
      <p className="muted endpoints__intro">{t('publishing.endpoints.intro')}</p>
      {notice && <p className="notice-ok" role="status" data-testid="endpoints-notice">{notice}</p>}
      {error && <p className="form-error" role="alert" data-testid="endpoints-error">{error}</p>}
      {actionError && <p className="form-error" role="alert" data-testid="endpoints-action-error">{actionError}</p>}
      {editing && (
        <EndpointFormView key={editing.endpoint?.id ?? `new-${editing.kind}`} endpoint={editing.endpoint} kind={editing.kind} onSaved={saved} onCancel={() => setEditing(null)} />
      )}
      <div className="endpoints__table-wrap" aria-busy={endpoints === null && !error}>
        <table className="data-table endpoints__table" data-testid="endpoints-table">
          <thead>
            <tr>
              <th scope="col">{t('publishing.endpoints.name')}</th>
              <th scope="col">{t('publishing.endpoints.kind')}</th>
              <th scope="col">{t('publishing.endpoints.url')}</th>
              <th scope="col">{t('publishing.endpoints.state')}</th>
              <th scope="col">{t('publishing.endpoints.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {endpoints?.map((endpoint) => {
              const result = tests[endpoint.id];
              return (
                <tr key={endpoint.id} data-testid="endpoint-row" data-name={endpoint.name} data-enabled={endpoint.enabled}>
                  <td className="endpoints__name"><bdi>{endpoint.name}</bdi></td>
                  <td>
                    {t(`publishing.kinds.${endpoint.kind}`)}
                    {endpoint.username && <div className="muted endpoints__user">{t('publishing.endpoints.user')}: <bdi>{endpoint.username}</bdi></div>}
                  </td>
                  <td className="endpoints__url"><bdi dir="ltr">{endpoint.url}</bdi></td>
                  <td>
                    <span className={`state-badge${endpoint.enabled ? '' : ' state-badge--off'}`} data-testid="endpoint-state">
                      {endpoint.enabled ? t('publishing.endpoints.enabled') : t('publishing.endpoints.disabled')}
                    </span>
                  </td>
                  <td className="endpoints__actions">
                    <div className="endpoints__buttons">
                      <button type="button" className="button" data-testid="endpoint-test" disabled={result === 'testing'} onClick={() => void test(endpoint)}>
                        {result === 'testing' ? t('publishing.endpoints.testing') : t('publishing.endpoints.test')}
                      </button>
                      <button type="button" className="button" data-testid="endpoint-edit" onClick={() => {
                        setNotice(null);
                        setEditing({ endpoint, kind: endpoint.kind });
                      }}>
                        {t('publishing.endpoints.edit')}
                      </button>
                      <button type="button" className="button" data-testid="endpoint-toggle" disabled={busy === endpoint.id} onClick={() => void toggle(endpoint)}>
                        {endpoint.enabled ? t('publishing.endpoints.disable') : t('publishing.endpoints.enable')}
                      </button>
                      <button type="button" className="button button--danger-outline" data-testid="endpoint-remove" disabled={busy === endpoint.id} onClick={() => setRemoving(endpoint)}>
                        {t('publishing.endpoints.remove')}
                      </button>
                    </div>
                    {result && result !== 'testing' && <TestResultView result={result} language={language} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {endpoints?.length === 0 && <p className="muted endpoints__empty" data-testid="endpoints-empty">{t('publishing.endpoints.empty')}</p>}
        {endpoints === null && !error && <p className="muted">{t('publishing.endpoints.loading')}</p>}
      </div>
      {removing && (
        <ActionDialog
          testId="endpoint-remove-dialog"
          title={t('publishing.endpoints.removeTitle', { name: removing.name })}
          confirmLabel={t('publishing.endpoints.removeConfirm')}
          danger
          busy={busy === removing.id}
          error={actionError}
          onCancel={() => setRemoving(null)}
          onConfirm={() => void remove(removing)}
        >
          <p>{t('publishing.endpoints.removeBody')}</p>
        </ActionDialog>
      )}
    </ScreenDialog>
  );
}

function TestResultView({ result, language }: { result: TestResult | ApiError; language: Language }) {
  const { t } = useTranslation();
  if (result instanceof ApiError) {
    return (
      <p className="form-error endpoints__test" role="alert" data-testid="endpoint-test-result" data-ok="false">
        {t('publishing.endpoints.result.failed', { message: result.localized(language) })}
      </p>
    );
  }
  const { text, warning, error } = testResultText(t, result, language);
  return (
    <div className="endpoints__test" data-testid="endpoint-test-result" data-ok={result.ok} data-can-publish={result.canPublish} role="status">
      {text && <p className="notice-ok">{text}{result.ok && result.canPublish && result.role ? ` ${t('publishing.endpoints.result.canPublish')}` : ''}</p>}
      {warning && <p className="endpoints__warning" role="alert" data-testid="endpoint-test-warning">{warning}</p>}
      {error && <p className="form-error" data-testid="endpoint-test-error">{error}</p>}
    </div>
  );
}

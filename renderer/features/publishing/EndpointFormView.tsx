import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EndpointSummary } from '../../../shared/ipc/channels/sync';
import { ApiError } from '../../api';
import { syncApi } from '../../api/sync';
import { currentLanguage } from '../../i18n';
import { endpointProblem, type EndpointForm, type EndpointProblem } from './syncText';

export function formFor(endpoint: EndpointSummary | null, kind: EndpointSummary['kind']): EndpointForm {
  if (!endpoint) return { id: null, kind, name: '', url: '', username: '', enabled: true, unpublishMode: 'draft', concurrency: '4', secret: '', hasSecret: false };
  return {
    id: endpoint.id,
    kind: endpoint.kind,
    name: endpoint.name,
    url: endpoint.url,
    username: endpoint.username ?? '',
    enabled: endpoint.enabled,
    unpublishMode: endpoint.unpublishMode,
    concurrency: String(endpoint.concurrency),
    // Write-only: the stored secret never comes back, the field starts empty.
    secret: '',
    hasSecret: endpoint.hasSecret,
  };
}

/**
 * Adds or edits one endpoint. The application password or shared secret is a write-only
 * field: it starts empty, is sent only when typed, and is cleared from memory once saved.
 */
export function EndpointFormView({ endpoint, kind, onSaved, onCancel }: {
  endpoint: EndpointSummary | null;
  kind: EndpointSummary['kind'];
  onSaved: (endpoint: EndpointSummary) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const ids = { title: useId(), name: useId(), url: useId(), urlHelp: useId(), user: useId(), secret: useId(), secretHelp: useId(), mode: useId(), concurrency: useId(), concurrencyHelp: useId(), problem: useId() };
  const [form, setForm] = useState<EndpointForm>(() => formFor(endpoint, kind));
  const [problem, setProblem] = useState<EndpointProblem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const wordpress = form.kind === 'wordpress';

  useEffect(() => nameRef.current?.focus(), []);

  const change = (patch: Partial<EndpointForm>) => setForm((previous) => ({ ...previous, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = endpointProblem(form);
    setProblem(found);
    setError(null);
    if (found) {
      document.getElementById({ name: ids.name, url: ids.url, username: ids.user, secret: ids.secret, concurrency: ids.concurrency }[found])?.focus();
      return;
    }
    setBusy(true);
    try {
      const saved = await syncApi.saveEndpoint({
        ...(form.id ? { id: form.id } : {}),
        kind: form.kind,
        name: form.name.trim(),
        url: form.url.trim(),
        ...(wordpress ? { username: form.username.trim() } : {}),
        enabled: form.enabled,
        // Webhooks receive it with the unpublish event.
        unpublishMode: form.unpublishMode,
        concurrency: Number(form.concurrency),
        ...(form.secret ? { secret: form.secret } : {}),
      });
      setForm((previous) => ({ ...previous, secret: '' }));
      onSaved(saved);
    } catch (caught) {
      setError(t('publishing.endpoints.form.saveError', { message: ApiError.from(caught).localized(language) }));
    } finally {
      setBusy(false);
    }
  };

  const invalid = (field: EndpointProblem) => (problem === field ? { 'aria-invalid': true as const, 'aria-errormessage': ids.problem } : {});

  return (
    <form className="endpoint-form" data-testid="endpoint-form" data-kind={form.kind} aria-labelledby={ids.title} onSubmit={submit} noValidate
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}>
      <h3 id={ids.title} className="endpoint-form__title">
        {endpoint ? t('publishing.endpoints.form.titleEdit', { name: endpoint.name }) : t('publishing.endpoints.form.titleNew', { kind: t(`publishing.kinds.${form.kind}`) })}
      </h3>
      <div className="endpoint-form__grid">
        <div className="field">
          <label htmlFor={ids.name}>{t('publishing.endpoints.form.name')}</label>
          <input id={ids.name} ref={nameRef} data-testid="endpoint-name" maxLength={100} autoComplete="off" dir="auto"
            placeholder={t('publishing.endpoints.form.namePlaceholder')} value={form.name} onChange={(event) => change({ name: event.target.value })} {...invalid('name')} />
        </div>
        <div className="field">
          <label htmlFor={ids.url}>{wordpress ? t('publishing.endpoints.form.siteUrl') : t('publishing.endpoints.form.webhookUrl')}</label>
          <input id={ids.url} type="url" dir="ltr" data-testid="endpoint-url" maxLength={2000} autoComplete="off" spellCheck={false} aria-describedby={ids.urlHelp}
            value={form.url} onChange={(event) => change({ url: event.target.value })} {...invalid('url')} />
          <p id={ids.urlHelp} className="field__help">{wordpress ? t('publishing.endpoints.form.siteUrlHelp') : t('publishing.endpoints.form.webhookUrlHelp')}</p>
        </div>
        {wordpress && (
          <div className="field">
            <label htmlFor={ids.user}>{t('publishing.endpoints.form.username')}</label>
            <input id={ids.user} dir="auto" data-testid="endpoint-username" maxLength={200} autoComplete="off" spellCheck={false}
              value={form.username} onChange={(event) => change({ username: event.target.value })} {...invalid('username')} />
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.secret}>{wordpress ? t('publishing.endpoints.form.appPassword') : t('publishing.endpoints.form.sharedSecret')}</label>
          <input id={ids.secret} type="password" dir="ltr" data-testid="endpoint-secret" maxLength={2000} autoComplete="new-password" spellCheck={false}
            aria-describedby={ids.secretHelp} value={form.secret} onChange={(event) => change({ secret: event.target.value })} {...invalid('secret')} />
          <p id={ids.secretHelp} className="field__help" data-testid="endpoint-secret-help" data-stored={form.hasSecret}>
            {form.hasSecret ? t('publishing.endpoints.form.secretKept') : wordpress ? t('publishing.endpoints.form.appPasswordHelp') : t('publishing.endpoints.form.sharedSecretHelp')}
          </p>
        </div>
        <fieldset className="field endpoint-form__mode">
          <legend>{t('publishing.endpoints.form.unpublishMode')}</legend>
          {(['draft', 'trash'] as const).map((mode) => (
            <label key={mode} className="choice">
              <input type="radio" name={ids.mode} value={mode} data-testid={`endpoint-unpublish-${mode}`} checked={form.unpublishMode === mode} onChange={() => change({ unpublishMode: mode })} />
              {mode === 'draft' ? t('publishing.endpoints.form.unpublishDraft') : t('publishing.endpoints.form.unpublishTrash')}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={ids.concurrency}>{t('publishing.endpoints.form.concurrency')}</label>
          <input id={ids.concurrency} type="number" inputMode="numeric" min={1} max={16} step={1} data-testid="endpoint-concurrency" aria-describedby={ids.concurrencyHelp}
            value={form.concurrency} onChange={(event) => change({ concurrency: event.target.value })} {...invalid('concurrency')} />
          <p id={ids.concurrencyHelp} className="field__help">{t('publishing.endpoints.form.concurrencyHelp')}</p>
        </div>
        <div className="field field--check endpoint-form__enabled">
          <label>
            <input type="checkbox" data-testid="endpoint-enabled" checked={form.enabled} onChange={(event) => change({ enabled: event.target.checked })} />
            {t('publishing.endpoints.form.enabled')}
          </label>
        </div>
      </div>
      {problem && <p id={ids.problem} className="form-error" role="alert" data-testid="endpoint-problem">{t(`publishing.endpoints.form.problems.${problem}`)}</p>}
      {error && <p className="form-error" role="alert" data-testid="endpoint-save-error">{error}</p>}
      <div className="endpoint-form__actions">
        <button type="button" className="button" data-testid="endpoint-cancel" onClick={onCancel}>{t('publishing.endpoints.form.cancel')}</button>
        <button type="submit" className="button button--primary" data-testid="endpoint-save" disabled={busy}>
          {busy ? t('publishing.endpoints.form.saving') : t('publishing.endpoints.form.save')}
        </button>
      </div>
    </form>
  );
}

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { articleStatusSchema, type ArticleStatus } from '../../../shared/domain/article';
import type { ExportJob } from '../../../shared/ipc/channels/archive';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { ApiError } from '../../api';
import { archiveApi } from '../../api/archive';
import { currentLanguage } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { statusLabel } from '../audit/auditText';
import { dayEndIso, dayStartIso } from '../audit/auditQuery';
import { formatWhen } from '../desk/formatWhen';
import { etaText, formatBytes } from './archiveText';

const STATUSES = articleStatusSchema.options as readonly ArticleStatus[];
const POLL_MS = 300;

/** Export: filters, then a job with a progress bar, counts, bytes, time left and cancel; the finished file and earlier exports. */
export function ExportPanel() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const ids = { dateField: useId(), from: useId(), to: useId(), section: useId(), author: useId(), statuses: useId(), revisions: useId(), previous: useId() };
  const [dateField, setDateField] = useState<'created' | 'published'>('created');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [statuses, setStatuses] = useState<ArticleStatus[]>([]);
  const [section, setSection] = useState('');
  const [author, setAuthor] = useState('');
  const [includeRevisions, setIncludeRevisions] = useState(false);
  const [job, setJob] = useState<ExportJob | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [previous, setPrevious] = useState<ResponseOf<'archive.exports'> | null>(null);
  const polling = useRef<number | undefined>(undefined);

  const loadPrevious = useCallback(() => {
    archiveApi.exports().then(setPrevious, (caught: unknown) => setError(ApiError.from(caught)));
  }, []);
  useEffect(loadPrevious, [loadPrevious]);
  useEffect(() => () => window.clearTimeout(polling.current), []);

  const follow = (jobId: string) => {
    polling.current = window.setTimeout(() => {
      archiveApi.exportProgress(jobId).then(
        (next) => {
          setJob(next);
          if (next.state === 'running') follow(jobId);
          else loadPrevious();
        },
        (caught: unknown) => setError(ApiError.from(caught)),
      );
    }, POLL_MS);
  };

  const badDates = Boolean(from && to && from > to);
  const start = async () => {
    setError(null);
    setJob(null);
    try {
      const started = await archiveApi.exportStart({
        filters: {
          dateField,
          ...(dayStartIso(from) ? { from: dayStartIso(from) } : {}),
          ...(dayEndIso(to) ? { to: dayEndIso(to) } : {}),
          ...(statuses.length > 0 ? { status: statuses } : {}),
          ...(section.trim() ? { section: section.trim() } : {}),
          ...(author.trim() ? { author: author.trim() } : {}),
        },
        includeRevisions,
      });
      setJob(started);
      if (started.state === 'running') follow(started.id);
      else loadPrevious();
    } catch (caught) {
      setError(ApiError.from(caught));
    }
  };

  const cancel = async () => {
    if (!job) return;
    try {
      setJob(await archiveApi.exportCancel(job.id));
    } catch (caught) {
      setError(ApiError.from(caught));
    }
  };

  const running = job?.state === 'running';
  const toggle = (status: ArticleStatus, on: boolean) =>
    setStatuses((current) => (on ? [...current, status] : current.filter((item) => item !== status)));

  return (
    <div className="archive-panel" data-testid="export-panel">
      <p className="muted">{t('archive.export.intro')}</p>
      <form className="archive-form" onSubmit={(event) => {
        event.preventDefault();
        if (!running && !badDates) void start();
      }}>
        <fieldset className="archive-fieldset" disabled={running}>
          <legend>{t('archive.export.filters')}</legend>
          <div className="archive-grid">
            <div className="field">
              <label htmlFor={ids.dateField}>{t('archive.export.dateField')}</label>
              <select id={ids.dateField} data-testid="export-date-field" data-autofocus value={dateField} onChange={(event) => setDateField(event.target.value as 'created' | 'published')}>
                <option value="created">{t('archive.export.created')}</option>
                <option value="published">{t('archive.export.published')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.from}>{t('archive.export.from')}</label>
              <input id={ids.from} type="date" data-testid="export-from" value={from} max={to || undefined} onChange={(event) => setFrom(event.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={ids.to}>{t('archive.export.to')}</label>
              <input id={ids.to} type="date" data-testid="export-to" value={to} min={from || undefined} onChange={(event) => setTo(event.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={ids.section}>{t('archive.export.section')}</label>
              <input id={ids.section} type="text" data-testid="export-section" placeholder={t('archive.export.anyText')} value={section} maxLength={200} onChange={(event) => setSection(event.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={ids.author}>{t('archive.export.author')}</label>
              <input id={ids.author} type="text" data-testid="export-author" placeholder={t('archive.export.anyText')} value={author} maxLength={200} onChange={(event) => setAuthor(event.target.value)} />
            </div>
          </div>
          <fieldset className="archive-statuses" aria-describedby={ids.statuses}>
            <legend>{t('archive.export.status')}</legend>
            <p id={ids.statuses} className="field__help">{t('archive.export.anyStatus')}</p>
            <div className="archive-statuses__list">
              {STATUSES.map((status) => (
                <label key={status} className="field--check">
                  <input type="checkbox" data-testid={`export-status-${status}`} checked={statuses.includes(status)} onChange={(event) => toggle(status, event.target.checked)} />
                  {statusLabel(t, status)}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="field--check">
            <input id={ids.revisions} type="checkbox" data-testid="export-revisions" checked={includeRevisions} onChange={(event) => setIncludeRevisions(event.target.checked)} />
            {t('archive.export.revisions')}
          </label>
        </fieldset>
        {badDates && <p className="form-error" role="alert">{t('archive.export.badDates')}</p>}
        <div className="archive-actions">
          <button type="submit" className="button button--primary" data-testid="export-start" disabled={running || badDates}>
            {t('archive.export.start')}
          </button>
          {running && (
            <button type="button" className="button" data-testid="export-cancel" onClick={() => void cancel()}>
              {t('archive.export.cancel')}
            </button>
          )}
        </div>
      </form>
      {job && <JobView job={job} />}
      {error && <p className="form-error" role="alert" data-testid="export-error">{t('archive.export.failed', { message: error.localized(language) })}</p>}
      <h3 id={ids.previous} className="archive-subtitle">{t('archive.export.previous')}</h3>
      {previous && previous.length === 0 && <p className="muted" data-testid="exports-empty">{t('archive.export.noPrevious')}</p>}
      {previous && previous.length > 0 && (
        <table className="data-table archive-table" aria-labelledby={ids.previous} data-testid="exports-table">
          <thead>
            <tr>
              <th scope="col">{t('archive.export.name')}</th>
              <th scope="col">{t('archive.export.when')}</th>
              <th scope="col">{t('archive.export.size')}</th>
            </tr>
          </thead>
          <tbody>
            {previous.map((item) => (
              <tr key={item.file} data-testid="export-row">
                <td><bdi className="archive-path" title={item.file}>{item.name}</bdi></td>
                <td><time dateTime={item.createdAt}>{formatWhen(new Date(item.createdAt), language)}</time></td>
                <td>{formatBytes(t, item.size, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function JobView({ job }: { job: ExportJob }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <div className="archive-job" data-testid="export-job" data-state={job.state}>
      <div className="archive-progress">
        <progress max={Math.max(job.total, 1)} value={job.state === 'done' ? Math.max(job.total, 1) : job.done} aria-label={t('archive.export.progressLabel')} />
        <span data-testid="export-counts">
          {t('archive.export.progress', { done: formatNumber(job.done, language), total: formatNumber(job.total, language) })}
          {' · '}
          {t('archive.export.written', { size: formatBytes(t, job.bytesWritten, language) })}
          {job.state === 'running' && <> · <span data-testid="export-eta">{etaText(t, job.etaSeconds, language)}</span></>}
        </span>
      </div>
      <div aria-live="polite">
        {job.state === 'done' && job.file && (
          <p className="notice-ok" data-testid="export-done">
            {t('archive.export.done')} <bdi dir="ltr" className="archive-path" data-testid="export-file">{job.file}</bdi>
          </p>
        )}
        {job.state === 'cancelled' && <p className="muted" data-testid="export-cancelled">{t('archive.export.cancelled')}</p>}
        {job.state === 'failed' && job.error && (
          <p className="form-error" role="alert" data-testid="export-failed">
            {t('archive.export.failed', { message: language === 'ar' ? job.error.messageAr : job.error.message })}
          </p>
        )}
      </div>
    </div>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdPolicy, ImportReport } from '../../../shared/ipc/channels/archive';
import { ApiError } from '../../api';
import { archiveApi, type StagedFile } from '../../api/archive';
import { currentLanguage } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { statusLabel } from '../audit/auditText';
import { notifyDeskChanged } from '../desk/deskChanges';
import { FileUpload } from './FileUpload';
import { localizedText } from './archiveText';

const POLICIES: IdPolicy[] = ['skip', 'overwrite', 'new'];

/** Import: upload, a dry run that shows what would happen, the id policy, then the import and its report. */
export function ImportPanel() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const policyId = useId();
  const [staged, setStaged] = useState<StagedFile | null>(null);
  const [policy, setPolicy] = useState<IdPolicy>('skip');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async (dryRun: boolean) => {
    if (!staged) return;
    setBusy(true);
    setError(null);
    try {
      setReport(await archiveApi.import({ stageId: staged.stageId, dryRun, idPolicy: policy, ...(staged.format ? { format: staged.format } : {}) }));
      // The sidebar's lists and counts show the imported articles at once.
      if (!dryRun) notifyDeskChanged();
    } catch (caught) {
      setError(ApiError.from(caught));
      setReport(null);
    } finally {
      setBusy(false);
    }
  };

  const dryDone = report?.dryRun === true;
  const where = error?.detail ? (error.detail.where ?? error.detail.position ?? error.detail.line) : undefined;

  return (
    <div className="archive-panel" data-testid="import-panel">
      <p className="muted">{t('archive.import.intro')}</p>
      <FileUpload
        label={t('archive.import.file')}
        accept=".zip,.jsonl,.json,.xml,application/zip,application/xml,text/xml"
        testId="import"
        autoFocus
        onStaged={(file) => {
          setStaged(file);
          setReport(null);
          setError(null);
        }}
      />
      {staged && (
        <p className="muted" data-testid="import-format">
          {t('archive.import.format', { format: t(`archive.import.formats.${staged.format ?? 'unknown'}`) })}
        </p>
      )}
      <div className="archive-grid">
        <div className="field">
          <label htmlFor={policyId}>{t('archive.import.policy')}</label>
          <select id={policyId} data-testid="import-policy" value={policy} onChange={(event) => {
            setPolicy(event.target.value as IdPolicy);
            // A new policy needs a new dry run before importing.
            if (report?.dryRun) setReport(null);
          }}>
            {POLICIES.map((value) => <option key={value} value={value}>{t(`archive.import.policies.${value}`)}</option>)}
          </select>
        </div>
      </div>
      <div className="archive-actions">
        <button type="button" className="button" data-testid="import-dry-run" disabled={!staged || busy} onClick={() => void run(true)}>
          {busy && !dryDone ? t('archive.import.running') : t('archive.import.dryRun')}
        </button>
        <button type="button" className="button button--primary" data-testid="import-run" disabled={!staged || busy || !dryDone} onClick={() => void run(false)}>
          {busy && dryDone ? t('archive.import.running') : t('archive.import.run')}
        </button>
      </div>
      {error && (
        <div className="form-error" role="alert" data-testid="import-error">
          <p>{t('archive.import.failed', { message: error.localized(language) })}</p>
          {where !== undefined && <p>{t('archive.import.failedAt', { where: String(where) })}</p>}
        </div>
      )}
      {report && <ImportReportView report={report} />}
    </div>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const n = (value: number) => formatNumber(value, language);
  return (
    <section className="archive-report" data-testid="import-report" data-dry-run={report.dryRun} aria-live="polite">
      <h3 className="archive-subtitle">{report.dryRun ? t('archive.import.dryTitle') : t('archive.import.doneTitle')}</h3>
      <p className={report.dryRun ? 'muted' : 'notice-ok'} data-testid="import-counts">
        {t('archive.import.counts', { created: n(report.counts.created), overwritten: n(report.counts.overwritten), skipped: n(report.counts.skipped), media: n(report.counts.media) })}
      </p>
      {report.warnings.length > 0 && (
        <>
          <h4 className="archive-subtitle">{t('archive.import.warnings')}</h4>
          <ul className="archive-warnings" data-testid="import-warnings">
            {report.warnings.map((warning, index) => (
              <li key={index}>
                {warning.position !== null ? t('archive.import.warningAt', { position: n(warning.position), message: localizedText(warning, language) }) : localizedText(warning, language)}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.items.length === 0 ? (
        <p className="muted">{t('archive.import.none')}</p>
      ) : (
        <table className="data-table archive-table" data-testid="import-items">
          <thead>
            <tr>
              <th scope="col">{t('archive.import.position')}</th>
              <th scope="col">{t('archive.import.articleTitle')}</th>
              <th scope="col">{report.dryRun ? t('archive.import.action') : t('archive.import.actionDone')}</th>
              <th scope="col">{t('archive.import.status')}</th>
            </tr>
          </thead>
          <tbody>
            {report.items.map((item) => (
              <tr key={`${item.position}-${item.id ?? ''}`} data-testid="import-item" data-action={item.action}>
                <td>{n(item.position)}</td>
                <td>{item.title || t('archive.import.untitled')}</td>
                <td>{t(`archive.import.actions.${item.action}`)}</td>
                <td>{statusLabel(t, item.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

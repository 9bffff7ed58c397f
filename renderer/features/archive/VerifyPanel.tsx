import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyReport } from '../../../shared/ipc/channels/archive';
import { ApiError } from '../../api';
import { archiveApi, type StagedFile } from '../../api/archive';
import { countText, currentLanguage } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { formatWhen } from '../desk/formatWhen';
import { FileUpload } from './FileUpload';
import { localizedText } from './archiveText';

/** Verify: upload an archive, then the core's report — intact, or every problem with where it is. */
export function VerifyPanel() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [staged, setStaged] = useState<StagedFile | null>(null);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const verify = async (file: StagedFile) => {
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(await archiveApi.verify(file.stageId));
    } catch (caught) {
      setError(ApiError.from(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="archive-panel" data-testid="verify-panel">
      <p className="muted">{t('archive.verify.intro')}</p>
      <FileUpload
        label={t('archive.verify.file')}
        accept=".zip,application/zip"
        testId="verify"
        autoFocus
        onStaged={(file) => {
          setStaged(file);
          setReport(null);
          setError(null);
          // Verifying changes nothing: it starts as soon as the file is uploaded.
          if (file) void verify(file);
        }}
      />
      <div className="archive-actions">
        <button type="button" className="button" data-testid="verify-run" disabled={!staged || busy} onClick={() => staged && void verify(staged)}>
          {busy ? t('archive.verify.checking') : t('archive.verify.run')}
        </button>
      </div>
      {error && <p className="form-error" role="alert" data-testid="verify-error">{error.localized(language)}</p>}
      {report && (
        <section className="archive-report" data-testid="verify-report" data-ok={report.ok} aria-live="polite">
          {report.ok ? (
            <p className="notice-ok" data-testid="verify-summary">
              {t('archive.verify.ok', { files: countText(t, 'archive.verify.files', report.filesChecked, language) })}
            </p>
          ) : (
            <p className="notice-error" role="alert" data-testid="verify-summary">{countText(t, 'archive.verify.bad', report.problems.length, language)}</p>
          )}
          <dl className="archive-facts">
            {report.formatVersion !== null && (<><dt>{t('archive.verify.format')}</dt><dd>{formatNumber(report.formatVersion, language)}</dd></>)}
            {report.appVersion && (<><dt>{t('archive.verify.app')}</dt><dd><bdi>{report.appVersion}</bdi></dd></>)}
            {report.createdAt && (<><dt>{t('archive.verify.created')}</dt><dd><time dateTime={report.createdAt}>{formatWhen(new Date(report.createdAt), language)}</time></dd></>)}
            {Object.keys(report.counts).length > 0 && (
              <>
                <dt>{t('archive.verify.counts')}</dt>
                <dd data-testid="verify-counts">
                  {Object.entries(report.counts)
                    .map(([key, value]) => `${t(`archive.verify.countNames.${key}`, { defaultValue: key })}: ${formatNumber(value, language)}`)
                    .join(language === 'ar' ? '، ' : ', ')}
                </dd>
              </>
            )}
          </dl>
          {report.problems.length > 0 && (
            <table className="data-table archive-table" data-testid="verify-problems">
              <thead>
                <tr>
                  <th scope="col">{t('archive.verify.where')}</th>
                  <th scope="col">{t('archive.verify.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((problem, index) => (
                  <tr key={`${problem.where ?? ''}-${index}`} data-testid="verify-problem" data-code={problem.code}>
                    <td>{problem.where ? <bdi dir="ltr" className="archive-path">{problem.where}</bdi> : t('archive.verify.whole')}</td>
                    <td>{localizedText(problem, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}

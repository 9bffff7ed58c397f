import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { archiveApi, type StagedFile } from '../../api/archive';
import { currentLanguage } from '../../i18n';
import { formatBytes } from './archiveText';

/**
 * A file input that hands the chosen file to the core in chunks, with a progress bar and a
 * cancel button; `onStaged` gets the staged file (null when a new choice replaces it). The
 * staged copy is discarded when another file is chosen or the panel closes.
 */
export function FileUpload({ label, accept, testId, onStaged, autoFocus }: {
  label: string;
  accept?: string;
  testId: string;
  onStaged: (staged: StagedFile | null, file: File | null) => void;
  autoFocus?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const inputId = useId();
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const abort = useRef<AbortController | null>(null);
  const staged = useRef<string | null>(null);

  const discard = () => {
    if (staged.current) void archiveApi.discard(staged.current).catch(() => undefined);
    staged.current = null;
  };

  useEffect(() => () => {
    abort.current?.abort();
    discard();
  }, []);

  const choose = async (file: File | undefined) => {
    abort.current?.abort();
    discard();
    onStaged(null, null);
    setError(null);
    if (!file) {
      setProgress(null);
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ sent: 0, total: file.size });
    try {
      const result = await archiveApi.upload(file, (sent) => setProgress({ sent, total: file.size }), controller.signal);
      if (controller.signal.aborted) {
        void archiveApi.discard(result.stageId).catch(() => undefined);
        return;
      }
      staged.current = result.stageId;
      setProgress(null);
      onStaged(result, file);
    } catch (caught) {
      if (controller.signal.aborted) return;
      setProgress(null);
      setError(ApiError.from(caught));
    }
  };

  return (
    <div className="archive-upload">
      <div className="field">
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          type="file"
          accept={accept}
          data-testid={`${testId}-file`}
          {...(autoFocus ? { 'data-autofocus': true } : {})}
          onChange={(event) => void choose(event.target.files?.[0])}
        />
      </div>
      {progress && (
        <div className="archive-progress" data-testid={`${testId}-upload`}>
          <progress max={Math.max(progress.total, 1)} value={progress.sent} aria-label={t('archive.uploadLabel')} />
          <span aria-live="polite">
            {t('archive.uploading', { sent: formatBytes(t, progress.sent, language), total: formatBytes(t, progress.total, language) })}
          </span>
          <button type="button" className="button" onClick={() => {
            abort.current?.abort();
            setProgress(null);
          }}>
            {t('archive.uploadCancel')}
          </button>
        </div>
      )}
      {error && <p className="form-error" role="alert" data-testid={`${testId}-upload-error`}>{error.localized(language)}</p>}
    </div>
  );
}

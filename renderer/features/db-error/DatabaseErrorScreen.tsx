import { ar } from '../../i18n/ar';
import { en } from '../../i18n/en';

export interface DatabaseErrorInfo {
  code: string;
  message: string;
  messageAr: string;
  databaseFile: string;
}

function Instructions({ strings, message, file, lang }: { strings: typeof ar.dbError; message: string; file: string; lang: 'ar' | 'en' }) {
  return (
    <section lang={lang} dir={lang === 'ar' ? 'rtl' : 'ltr'} className="db-error__half" aria-labelledby={`db-error-title-${lang}`}>
      <h1 id={`db-error-title-${lang}`}>{strings.title}</h1>
      <p className="db-error__message">{message}</p>
      <p>
        <strong>{strings.file}</strong>{' '}
        <code dir="ltr" className="db-error__file" data-testid="db-error-file">{file}</code>
      </p>
      <p><strong>{strings.whatToDo}</strong></p>
      <ol>
        <li>{strings.step1}</li>
        <li>{strings.step2}</li>
        <li>{strings.step3}</li>
      </ol>
    </section>
  );
}

/**
 * Shown instead of the workspace when the core could not open the database. Both languages at
 * once: the language setting lives in the database that could not be read. No retry loop: the
 * user must act on the file first.
 */
export function DatabaseErrorScreen({ info }: { info: DatabaseErrorInfo }) {
  return (
    <main className="db-error" data-testid="db-error-screen" data-error-code={info.code}>
      <Instructions strings={ar.dbError} message={info.messageAr} file={info.databaseFile} lang="ar" />
      <Instructions strings={en.dbError} message={info.message} file={info.databaseFile} lang="en" />
    </main>
  );
}

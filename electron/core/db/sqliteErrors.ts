import { ErrorCode, MidadError } from '../../../shared/errors';

/** Translates a SQLite failure into a coded error a person can act on. */
export function fromSqliteError(error: unknown, file: string): MidadError | null {
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : '';
  if (!code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_FULL')) {
    return new MidadError(
      ErrorCode.DISK_FULL,
      `The disk holding ${file} is full. Free some space; your text stays in the editor and is saved as soon as there is room.`,
      `القرص الذي يحوي \u2068${file}\u2069 ممتلئ. أفرغ بعض المساحة؛ يبقى نصك في المحرر ويُحفظ فور توفر المساحة.`,
      { sqlite: code },
    );
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new MidadError(
      ErrorCode.DB_READONLY,
      `${file} cannot be written (read-only file or folder). Check its permissions; your text stays in the editor and saving is retried.`,
      `لا يمكن الكتابة في \u2068${file}\u2069 (ملف أو مجلد للقراءة فقط). تحقّق من الأذونات؛ يبقى نصك في المحرر وتُعاد محاولة الحفظ.`,
      { sqlite: code },
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new MidadError(
      ErrorCode.DB_BUSY,
      `${file} is locked by another program. Close it; saving is retried.`,
      `الملف \u2068${file}\u2069 مقفل من برنامج آخر. أغلقه؛ تُعاد محاولة الحفظ.`,
      { sqlite: code },
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return corruptDatabaseError(file, code);
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_PERM')) {
    return new MidadError(
      ErrorCode.DB_UNAVAILABLE,
      `${file} cannot be opened or read (${code}). Check that the disk is connected and the file is readable.`,
      `تعذّر فتح \u2068${file}\u2069 أو قراءته (${code}). تحقّق من أن القرص متصل وأن الملف قابل للقراءة.`,
      { sqlite: code },
    );
  }
  return null;
}

export function corruptDatabaseError(file: string, sqliteCode: string): MidadError {
  return new MidadError(
    ErrorCode.DB_CORRUPT,
    `The database ${file} is damaged or is not a Midad database (${sqliteCode}). Close Midad, move the file aside and restore your latest backup, or start with --data-dir pointing at another folder. Run "midad doctor" for details.`,
    `قاعدة البيانات \u2068${file}\u2069 تالفة أو ليست قاعدة بيانات مداد (${sqliteCode}). أغلق مداد وانقل الملف جانبًا واستعد آخر نسخة احتياطية، أو شغّل التطبيق مع ‎--data-dir‎ على مجلد آخر. شغّل ‎"midad doctor"‎ لمزيد من التفاصيل.`,
    { sqlite: sqliteCode, file },
  );
}

import type { Language } from '../../../shared/domain/settings';
import { ErrorCode } from '../../../shared/errors';
import { api, ApiError } from '../../api';
import { ar } from '../../i18n/ar';
import { en } from '../../i18n/en';
import { formatNumber } from '../../i18n/format';
import { readFileBase64 } from './readFileBase64';

const MEGABYTE = 1024 * 1024;

function megabytes(bytes: number, language: Language): string {
  return formatNumber(bytes / MEGABYTE, language, { maximumFractionDigits: 1 });
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => values[key] ?? '');
}

/**
 * Stores one image file in the media store and returns its content hash. A file over the
 * configured limit is refused here, before it is read and sent, with the same kind of coded
 * bilingual error the core would give.
 */
export async function uploadImage(file: File, maxImageBytes: number): Promise<string> {
  if (file.size > maxImageBytes) {
    throw new ApiError({
      code: ErrorCode.MEDIA_TOO_LARGE,
      message: fill(en.notice.imageTooLarge, { name: file.name, size: megabytes(file.size, 'en'), limit: megabytes(maxImageBytes, 'en') }),
      messageAr: fill(ar.notice.imageTooLarge, { name: file.name, size: megabytes(file.size, 'ar'), limit: megabytes(maxImageBytes, 'ar') }),
    });
  }
  let data: string;
  try {
    data = await readFileBase64(file);
  } catch {
    throw new ApiError({
      code: ErrorCode.VALIDATION,
      message: fill(en.notice.imageReadFailed, { name: file.name }),
      messageAr: fill(ar.notice.imageReadFailed, { name: file.name }),
    });
  }
  const info = await api.putMedia(file.name.slice(0, 500) || 'image', (file.type || 'application/octet-stream').slice(0, 100), data);
  return info.hash;
}


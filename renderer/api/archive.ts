import type { ImportFormat } from '../../shared/ipc/channels/archive';
import type { RequestOf } from '../../shared/ipc/contract';
import { readFileBase64 } from '../features/media/readFileBase64';
import { call } from './midad';

/** Bytes per upload chunk (base64 makes them a third larger; the channel takes up to 8 MB of text). */
export const STAGE_CHUNK_BYTES = 4 * 1024 * 1024;

export interface StagedFile {
  stageId: string;
  size: number;
  format: ImportFormat | null;
}

/** Archives (export, verify, import) and backups, admins only; one line per channel, like `api`. */
export const archiveApi = {
  exportStart: (request: RequestOf<'archive.exportStart'>) => call('archive.exportStart', request),
  exportProgress: (jobId: string) => call('archive.exportProgress', { jobId }),
  exportCancel: (jobId: string) => call('archive.exportCancel', { jobId }),
  exports: () => call('archive.exports', {}),
  verify: (stageId: string) => call('archive.verify', { stageId }),
  import: (request: RequestOf<'archive.import'>) => call('archive.import', request),
  discard: (stageId: string) => call('archive.stageDiscard', { stageId }),
  backups: () => call('backups.list', {}),
  createBackup: () => call('backups.create', {}),
  restoreBackup: (name: string) => call('backups.restore', { name }),

  /**
   * Hands a chosen file to the core in chunks (it is staged in the data directory for verify
   * or import). `onProgress` gets the bytes sent so far; an aborted upload is discarded.
   */
  async upload(file: File, onProgress: (sent: number) => void, signal?: AbortSignal): Promise<StagedFile> {
    const { stageId } = await call('archive.stageBegin', { name: file.name.slice(0, 255), size: file.size });
    try {
      let offset = 0;
      onProgress(0);
      while (offset < file.size) {
        if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
        const chunk = file.slice(offset, offset + STAGE_CHUNK_BYTES);
        const dataBase64 = await readFileBase64(chunk);
        await call('archive.stageChunk', { stageId, offset, dataBase64 });
        offset += chunk.size;
        onProgress(offset);
      }
      const end = await call('archive.stageEnd', { stageId });
      return { stageId, size: end.size, format: end.format };
    } catch (error) {
      await call('archive.stageDiscard', { stageId }).catch(() => undefined);
      throw error;
    }
  },
};

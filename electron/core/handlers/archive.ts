import type { OpenServices } from '../Core';
import type { HandlersFor } from './types';

/** Archives (admin channels: dispatch checks the role). The renderer never names a path: exports go to the data directory, imports come staged. */
export function archiveHandlers(open: () => OpenServices): HandlersFor<'archive'> {
  return {
    'archive.exportStart': (request, ctx) => open().archive.startExport(ctx, { filters: request.filters, includeRevisions: request.includeRevisions }),
    'archive.exportProgress': (request) => open().archive.progress(request.jobId),
    'archive.exportCancel': (request) => open().archive.cancelExport(request.jobId),
    'archive.exports': () => open().archive.exports(),
    'archive.stageBegin': (request) => open().archive.stageBegin(request.name, request.size),
    'archive.stageChunk': (request) => open().archive.stageChunk(request.stageId, request.offset, request.dataBase64),
    'archive.stageEnd': (request) => open().archive.stageEnd(request.stageId),
    'archive.stageDiscard': (request) => open().archive.stageDiscard(request.stageId),
    'archive.verify': (request) => open().archive.verifyStaged(request.stageId),
    'archive.import': (request, ctx) =>
      open().archive.importStaged(ctx, request.stageId, { dryRun: request.dryRun, idPolicy: request.idPolicy, format: request.format }),
  };
}

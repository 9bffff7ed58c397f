import type { Core, OpenServices } from '../Core';
import type { HandlersFor } from './types';

/** Backups (admin channels: dispatch checks the role). Restoring closes and reopens the database, so it goes through the core. */
export function backupHandlers(open: () => OpenServices, core: Pick<Core, 'backups' | 'restoreBackup'>): HandlersFor<'backups'> {
  return {
    'backups.list': () => {
      open();
      return core.backups.list();
    },
    'backups.create': async (_request, ctx) => {
      open();
      const entry = await core.backups.create('manual');
      open().audit({ actor: ctx.actor, action: 'backup.create', detail: { name: entry.name, size: entry.size } });
      return entry;
    },
    'backups.restore': (request, ctx) => core.restoreBackup(core.backups.resolve(request.name).file, ctx.actor),
  };
}

import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import type { Channel, ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import { MidadError } from '../../shared/errors';
import type { CallContext } from './CallContext';
import { openDatabase } from './db/open';
import { schemaVersion } from './db/migrate';
import { ArticleService } from './services/ArticleService';
import { MediaService } from './services/MediaService';
import { SettingsService } from './services/SettingsService';
import { ViewStateService } from './services/ViewStateService';
import { APP_VERSION } from './version';

export interface CoreOptions {
  dataDir: string;
  /** better-sqlite3 addon built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string;
  clock?: () => Date;
}

export type Handler<C extends Channel> = (request: ParsedRequestOf<C>, ctx: CallContext) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

export const DATABASE_FILE_NAME = 'midad.sqlite';

interface OpenServices {
  db: Database;
  articles: ArticleService;
  media: MediaService;
  settings: SettingsService;
  views: ViewStateService;
}

/**
 * The application: every rule lives behind this object. The Electron main, the test harness
 * and the CLI all hold one and call it through `dispatch`. A database that cannot be opened
 * does not throw here: the core stays up, reports the problem through `app.info`, and refuses
 * every other call with the same coded error, so the window can show a clear screen instead
 * of crash-looping.
 */
export class Core {
  readonly dataDir: string;
  readonly databaseFile: string;
  readonly databaseError: MidadError | null;
  private readonly services: OpenServices | null;
  readonly handlers: Handlers;

  constructor(options: CoreOptions) {
    const clock = options.clock ?? (() => new Date());
    this.dataDir = options.dataDir;
    this.databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
    let services: OpenServices | null = null;
    let databaseError: MidadError | null = null;
    try {
      const db = openDatabase({ file: this.databaseFile, nativeBinding: options.nativeBinding });
      const settings = new SettingsService(db);
      services = {
        db,
        settings,
        articles: new ArticleService(db, { clock, revisionIntervalMinutes: () => settings.get().revisionIntervalMinutes }),
        media: new MediaService(db, options.dataDir, { clock, maxImageBytes: () => settings.get().maxImageBytes }),
        views: new ViewStateService(db, clock),
      };
    } catch (error) {
      if (!(error instanceof MidadError)) throw error;
      databaseError = error;
    }
    this.services = services;
    this.databaseError = databaseError;
    this.handlers = this.buildHandlers();
  }

  /** The open services; throws the database error when the database could not be opened. */
  get open(): OpenServices {
    if (!this.services) throw this.databaseError!;
    return this.services;
  }

  private buildHandlers(): Handlers {
    return {
      'app.info': () => ({
        appVersion: APP_VERSION,
        schemaVersion: this.services ? schemaVersion(this.services.db) : 0,
        dataDir: this.dataDir,
        databaseFile: this.databaseFile,
        databaseError: this.databaseError
          ? { code: this.databaseError.code, message: this.databaseError.message, messageAr: this.databaseError.messageAr }
          : null,
      }),
      'articles.create': (request, ctx) => this.open.articles.create(ctx, request.fields),
      'articles.get': (request) => this.open.articles.get(request.id),
      'articles.list': (request) => this.open.articles.list(request),
      'articles.save': (request, ctx) => this.open.articles.save(ctx, request.id, request.baseVersion, request.patch, request.reason),
      'articles.spike': (request, ctx) => this.open.articles.spike(ctx, request.id),
      'articles.restore': (request, ctx) => this.open.articles.restore(ctx, request.id),
      'revisions.list': (request) => this.open.articles.revisions(request.articleId),
      'media.put': (request) => this.open.media.put(request.name, Buffer.from(request.dataBase64, 'base64')),
      'media.info': (request) => this.open.media.info(request.hash),
      'settings.get': () => this.open.settings.get(),
      'settings.update': (request) => this.open.settings.update(request),
      'view.get': (request) => this.open.views.get(request.articleId),
      'view.set': (request) => {
        this.open.views.set(request);
        return null;
      },
      'view.last': () => ({ articleId: this.open.views.last() }),
    };
  }

  /** Media bytes for the app protocol (Electron) or the harness route; null answers 404. */
  readMedia(hash: string): { mime: string; bytes: Buffer } | null {
    return this.services?.media.read(hash) ?? null;
  }

  close(): void {
    if (this.services?.db.open) {
      this.services.db.pragma('wal_checkpoint(TRUNCATE)');
      this.services.db.close();
    }
  }
}

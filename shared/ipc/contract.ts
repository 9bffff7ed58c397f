import { z } from 'zod';
import { revisionSummarySchema, uuidSchema } from '../domain/article';
import { channel, type Access } from './channel';
import { accountChannels } from './channels/accounts';
import { archiveChannels } from './channels/archive';
import { coreChannels } from './channels/core';
import { deskChannels } from './channels/desk';
import { searchChannels } from './channels/search';
import { spellingChannels } from './channels/spelling';
import { syncChannels } from './channels/sync';

export { mediaInfoSchema, viewStateSchema } from './channels/core';
export type { Access } from './channel';

/**
 * Every channel between the renderer and the core: its access level, request and response
 * schemas live together (one module per area under channels/), and the types on both sides
 * are inferred from them. The Electron main and the test harness both register a handler for
 * each channel, and the core's `dispatch` validates every payload and checks the access level.
 */
export const contract = {
  ...coreChannels,
  ...accountChannels,
  ...deskChannels,
  ...syncChannels,
  ...archiveChannels,
  ...searchChannels,
  ...spellingChannels,
  'revisions.list': channel('user', z.object({ articleId: uuidSchema }).strict(), z.array(revisionSummarySchema)),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const channels = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

export function accessOf(channelName: Channel): Access {
  return contract[channelName].access;
}

/** The URL path under which the renderer loads stored media (same in Electron and the harness). */
export const MEDIA_PATH_PREFIX = '/media/';
export function mediaPath(hash: string): string {
  return `${MEDIA_PATH_PREFIX}${hash}`;
}

import type { Migration } from './types';
import m0001 from './0001-initial';

/** Every shipped migration, in order. A shipped migration is never edited: add a new file. */
export const migrations: readonly Migration[] = [m0001];

import type { Migration } from './types';
import m0001 from './0001-initial';
import m0002 from './0002-accounts-workflow';
import m0003 from './0003-sync';
import m0004 from './0004-search';
import m0005 from './0005-article-slug';
import m0006 from './0006-slug-auto';
import m0007 from './0007-spelling';

/** Every shipped migration, in order. A shipped migration is never edited: add a new file. */
export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007];

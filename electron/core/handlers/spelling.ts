import type { OpenServices } from '../Core';
import type { HandlersFor } from './types';

/** Spell checking and the newsroom dictionary (docs/spelling.md). */
export function spellingHandlers(open: () => OpenServices): HandlersFor<'spell'> {
  return {
    'spell.check': async (request) => ({ misspelled: await open().spelling.check(request.words) }),
    'spell.suggest': async (request) => ({ suggestions: await open().spelling.suggest(request.word) }),
    'spell.addWord': (request, ctx) => open().spelling.addWord(ctx, request.word),
    'spell.removeWord': (request, ctx) => ({ removed: open().spelling.removeWord(ctx, request.word) }),
    'spell.dictionary': async () => ({ words: open().spelling.words(), languages: await open().spelling.languages() }),
  };
}

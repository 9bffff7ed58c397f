import type { ArchiveRendering } from '../types';

/** The views written beside `articles.jsonl`: the offline HTML site, Markdown, WordPress WXR. */
export function createRenderings(): ArchiveRendering[] {
  return [];
}

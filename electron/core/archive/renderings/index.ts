import type { ArchiveRendering } from '../types';
import { HtmlSiteRendering } from './htmlSite';
import { MarkdownRendering } from './markdown';
import { WxrRendering } from './wxr';

/** The views written beside `articles.jsonl`: the offline HTML site, Markdown, WordPress WXR. New instances per export. */
export function createRenderings(): ArchiveRendering[] {
  return [new HtmlSiteRendering(), new MarkdownRendering(), new WxrRendering()];
}

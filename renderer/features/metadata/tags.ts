/** Tags typed as one line, separated by Latin or Arabic commas (، and ,), trimmed, without repeats. */
export function parseTags(text: string): string[] {
  const seen: string[] = [];
  for (const part of text.split(/[,،]/)) {
    const tag = part.trim().slice(0, 100);
    if (tag && !seen.includes(tag)) seen.push(tag);
  }
  return seen.slice(0, 100);
}

export function formatTags(tags: readonly string[], language: 'ar' | 'en'): string {
  return tags.join(language === 'ar' ? '، ' : ', ');
}

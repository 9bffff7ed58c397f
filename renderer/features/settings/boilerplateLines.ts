/** One entry a line: trimmed, blank lines and repeats dropped, within the core's limits. */
export function boilerplateLines(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim().slice(0, 200))
    .filter((line) => line.length > 0);
  return [...new Set(lines)].slice(0, 500);
}

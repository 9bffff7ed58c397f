const MEDIA_URL = /(?:^|\/)media\/([0-9a-f]{64})(?:[?#].*)?$/;

/** The content hash in a stored-media URL (`/media/<hash>`, possibly absolute), or null. */
export function hashFromMediaUrl(url: string): string | null {
  return MEDIA_URL.exec(url.trim())?.[1] ?? null;
}

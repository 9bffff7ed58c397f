import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../../electron/core/ipc/dispatch';
import { tempCoreSignedIn } from '../../../../support/tempCore';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('MediaService', () => {
  it('does store an image once by content hash and serve it back', async () => {
    const { core, dataDir } = await tempCoreSignedIn();
    const first = await dispatch(core, 'media.put', { name: 'صورة.png', mime: 'image/png', dataBase64: PNG.toString('base64') }, core.sessionContext(), { validateResponses: true });
    const second = await dispatch(core, 'media.put', { name: 'نسخة.png', mime: 'image/png', dataBase64: PNG.toString('base64') }, core.sessionContext());
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    const hash = (first.value as { hash: string }).hash;
    expect((second.value as { hash: string }).hash).toBe(hash);
    expect(readdirSync(join(dataDir, 'media', hash.slice(0, 2)))).toEqual([hash]);
    expect(core.readMedia(hash)?.bytes.equals(PNG)).toBe(true);
    expect(core.readMedia('../midad.sqlite')).toBeNull();
    core.close();
  });

  it('does refuse an image over the configured size with the sizes in the message', async () => {
    const { core, dataDir } = await tempCoreSignedIn();
    await dispatch(core, 'settings.update', { maxImageBytes: 2048 }, core.sessionContext());
    const big = Buffer.concat([PNG, Buffer.alloc(4096)]);
    const result = await dispatch(core, 'media.put', { name: 'كبيرة.png', mime: 'image/png', dataBase64: big.toString('base64') }, core.sessionContext());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('MEDIA_TOO_LARGE');
    expect(result.error.message).toMatch(/limit is 0\.0 MB|limit is/);
    expect(result.error.messageAr).toContain('كبيرة.png');
    expect(existsSync(join(dataDir, 'media'))).toBe(false);
    core.close();
  });

  it('does refuse a file that is not an image whatever type it claims', async () => {
    const { core } = await tempCoreSignedIn();
    const result = await dispatch(core, 'media.put', { name: 'x.png', mime: 'image/png', dataBase64: Buffer.from('<svg onload=alert(1)>').toString('base64') }, core.sessionContext());
    expect(result.ok ? 'ok' : result.error.code).toBe('MEDIA_UNSUPPORTED');
    core.close();
  });
});

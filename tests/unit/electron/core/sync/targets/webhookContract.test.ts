import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookTarget } from '../../../../../../electron/core/sync/targets/WebhookTarget';
import { contractPayload, runTargetContract } from '../targetContract';
import { WebhookReceiver } from './webhookReceiver';

const SECRET = 'contract-secret';
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await WebhookReceiver.start(SECRET);
});
afterAll(async () => {
  await receiver.close();
});

// A webhook cannot be read back (readsBack: false) and finds an earlier create only through the
// receiver's idempotency, i.e. by resending with the same key (findsExisting: false). Images get
// the URLs of the receiver's agreed media base.
runTargetContract(
  'WebhookTarget with a receiver that verifies signatures and idempotency keys',
  () => ({ target: new WebhookTarget({ url: receiver.url, secret: SECRET, timeoutMs: 5000, mediaBaseUrl: receiver.mediaBaseUrl }) }),
  { readsBack: false, findsExisting: false },
);

describe('WebhookTarget contract run', () => {
  it('does leave the receiver with no rejected delivery when the contract has run', () => {
    expect(receiver.rejected).toEqual([]);
    expect(receiver.applied.length).toBeGreaterThan(0);
    expect(new Set(receiver.applied.map((delivery) => delivery.key)).size).toBe(receiver.applied.length);
  });

  it('does serve the delivered image at its agreed URL when the media base URL is set', async () => {
    const target = new WebhookTarget({ url: receiver.url, secret: SECRET, timeoutMs: 5000, mediaBaseUrl: receiver.mediaBaseUrl });
    const payload = contractPayload();
    const uploaded = await target.uploadMedia(payload.media[0]!);
    await target.create(payload, new Map([[payload.media[0]!.hash, uploaded]]));
    const delivered = receiver.applied.at(-1)!.body as { article: { html: string } };
    expect(delivered.article.html).toContain(`src="${uploaded.url}"`);
    const image = await fetch(uploaded.url);
    expect(Buffer.from(await image.arrayBuffer()).equals(payload.media[0]!.bytes())).toBe(true);
  });
});

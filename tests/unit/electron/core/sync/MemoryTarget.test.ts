import { describe, expect, it } from 'vitest';
import { MemoryServer, MemoryTarget } from '../../../../../electron/core/sync/targets/MemoryTarget';
import { TargetError } from '../../../../../electron/core/sync/types';
import { contractPayload, runTargetContract } from './targetContract';

runTargetContract('MemoryTarget', () => ({ target: new MemoryTarget(new MemoryServer()) }));

describe('MemoryTarget faults', () => {
  it('does make the post and then lose the answer for lostAnswer, and make nothing for lostRequest', async () => {
    const server = new MemoryServer();
    const target = new MemoryTarget(server);
    server.failNext('create', { kind: 'lostAnswer' }, { kind: 'lostRequest' });
    const payload = contractPayload({ media: [], featuredMediaHash: null });
    await expect(target.create(payload, new Map())).rejects.toMatchObject({ kind: 'unknown_outcome' });
    expect(server.posts.size).toBe(1);
    await expect(target.create(contractPayload(), new Map())).rejects.toBeInstanceOf(TargetError);
    expect(server.posts.size).toBe(1);
    expect((await target.findExisting(payload))?.remoteId).toBe('1');
  });

  it('does refuse every call with a network error while offline', async () => {
    const server = new MemoryServer();
    server.offline = true;
    await expect(new MemoryTarget(server).test()).rejects.toMatchObject({ kind: 'transient', code: 'NET_ECONNREFUSED' });
  });
});

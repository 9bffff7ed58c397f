import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/core/ipc/dispatch';
import { channels, contract } from '../../../../shared/ipc/contract';
import { buildBridge } from '../../../../shared/ipc/bridge';
import { MidadHarness } from '../../../e2e/harness/MidadHarness';
import { tempCoreSignedIn } from '../../../support/tempCore';

const MALFORMED: unknown[] = [null, 42, 'text', [], { unexpected: true }, { id: 'not-a-uuid' }];

describe('IPC contract', () => {
  it('does give every channel a request and a response schema', () => {
    for (const channel of channels) {
      expect(contract[channel].request, channel).toBeDefined();
      expect(contract[channel].response, channel).toBeDefined();
    }
  });

  it('does have a core handler and a harness handler for every channel', async () => {
    const { core } = await tempCoreSignedIn();
    expect(Object.keys(core.handlers).sort()).toEqual([...channels].sort());
    // The harness answers every contract channel (with a result or a typed refusal), and
    // refuses what is not in the contract.
    for (const channel of channels) {
      const answer = JSON.parse(await MidadHarness.invoke(core, channel, '{}')) as { ok: boolean; error?: { code: string } };
      expect(answer.error?.code, channel).not.toBe('UNKNOWN_CHANNEL');
    }
    const unknown = JSON.parse(await MidadHarness.invoke(core, 'shell.exec', '{}')) as { error?: { code: string } };
    expect(unknown.error?.code).toBe('UNKNOWN_CHANNEL');
    core.close();
  });

  it('does build one bridge method per channel', async () => {
    const seen: string[] = [];
    const bridge = buildBridge(async (channel) => {
      seen.push(channel);
      return { ok: true, value: null };
    }) as unknown as Record<string, Record<string, (request: unknown) => Promise<unknown>>>;
    for (const channel of channels) {
      const [group, method] = channel.split('.') as [string, string];
      await bridge[group]![method]!({});
    }
    expect(seen).toEqual(channels);
  });

  it('does refuse a malformed payload on every channel with a typed error, never a throw', async () => {
    const { core } = await tempCoreSignedIn();
    for (const channel of channels) {
      for (const payload of MALFORMED) {
        const result = await dispatch(core, channel, payload, core.sessionContext());
        const accepted = contract[channel].request.safeParse(payload).success;
        if (accepted) continue; // e.g. {} is a valid request for parameterless channels
        expect(result.ok, `${channel} ${JSON.stringify(payload)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('VALIDATION');
          expect(result.error.message).toContain(channel);
          expect(result.error.messageAr.length).toBeGreaterThan(0);
        }
      }
    }
    core.close();
  });

  it('does refuse an unknown channel', async () => {
    const { core } = await tempCoreSignedIn();
    const result = await dispatch(core, 'fs.readFile', { path: '/etc/passwd' }, core.sessionContext());
    expect(result.ok ? 'ok' : result.error.code).toBe('UNKNOWN_CHANNEL');
    core.close();
  });
});

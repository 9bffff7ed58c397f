import type { EndpointConfig, EndpointKind, PublishTarget } from '../types';
import { WebhookTarget } from './WebhookTarget';
import { WordPressTarget } from './WordPressTarget';

export interface TargetDependencies {
  /** Node's fetch, or a test's. */
  fetch: typeof fetch;
  clock?: () => Date;
}

/** Builds the target of one endpoint kind from its configuration and secret. */
export type TargetFactory = (config: EndpointConfig, secret: string | null, dependencies: TargetDependencies) => PublishTarget;

/** Which factory serves which kind; the Core passes the real ones, tests pass their doubles. */
export type TargetRegistry = Partial<Record<EndpointKind, TargetFactory>>;

export class NoTargetError extends Error {
  constructor(readonly kind: EndpointKind) {
    super(`No publishing target is available for ${kind} endpoints in this build.`);
  }
}

/** The target for an endpoint, chosen by its kind. */
export function createTarget(registry: TargetRegistry, config: EndpointConfig, secret: string | null, dependencies: TargetDependencies): PublishTarget {
  const factory = registry[config.kind];
  if (!factory) throw new NoTargetError(config.kind);
  return factory(config, secret, dependencies);
}

/** The real targets: WordPress (REST, application passwords) and the signed webhook. */
export const DEFAULT_TARGETS: TargetRegistry = {
  wordpress: (config, secret, dependencies) =>
    new WordPressTarget({
      url: config.url,
      username: config.username ?? '',
      applicationPassword: secret ?? '',
      timeoutMs: config.timeoutMs,
      fetchImpl: dependencies.fetch,
      clock: dependencies.clock,
    }),
  webhook: (config, secret, dependencies) =>
    new WebhookTarget({ url: config.url, secret: secret ?? '', timeoutMs: config.timeoutMs, fetchImpl: dependencies.fetch, clock: dependencies.clock }),
};

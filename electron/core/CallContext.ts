/** Who is calling the core. The accounts issue replaces the single local actor with signed-in users. */
export interface CallContext {
  actor: string;
}

export const LOCAL_ACTOR: CallContext = { actor: 'local' };

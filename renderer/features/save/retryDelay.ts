/** Wait before the n-th retry of a failed save (1-based): 1 s, 2 s, 4 s, 8 s, then 15 s. */
export function retryDelayMs(attempt: number, capMs = 15_000): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 20));
  return Math.min(capMs, 1000 * 2 ** exponent);
}

const MAX_TIMER_MS = 2_147_483_647;

/** setTimeout for any delay (chained past the 24.8-day limit of one timer); returns a cancel function. */
export function setLongTimeout(callback: () => void, delayMs: number): () => void {
  let timer: NodeJS.Timeout;
  const deadline = Date.now() + delayMs;
  const arm = () => {
    const remaining = deadline - Date.now();
    timer = setTimeout(
      remaining > MAX_TIMER_MS ? arm : callback,
      Math.max(0, Math.min(remaining, MAX_TIMER_MS)),
    );
  };
  arm();
  return () => clearTimeout(timer);
}

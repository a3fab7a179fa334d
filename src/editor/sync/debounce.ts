export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const browserTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
};

export interface Debounced {
  /** Asks for a run: `wait` ms after the last call, and no later than `maxWait` after the first unrun call. */
  schedule(): void;
  /** Runs now if a run is pending. */
  flush(): void;
  cancel(): void;
  readonly pending: boolean;
}

export function debounce(
  run: () => void,
  wait: number,
  maxWait: number,
  timers: Timers = browserTimers,
): Debounced {
  let handle: unknown;
  let firstAt: number | undefined;
  const fire = () => {
    handle = undefined;
    firstAt = undefined;
    run();
  };
  return {
    schedule() {
      const now = timers.now();
      firstAt ??= now;
      if (handle !== undefined) timers.clearTimeout(handle);
      handle = timers.setTimeout(fire, Math.max(0, Math.min(wait, firstAt + maxWait - now)));
    },
    flush() {
      if (handle === undefined) return;
      timers.clearTimeout(handle);
      fire();
    },
    cancel() {
      if (handle !== undefined) timers.clearTimeout(handle);
      handle = undefined;
      firstAt = undefined;
    },
    get pending() {
      return handle !== undefined;
    },
  };
}

/**
 * "Latest request wins": starting a request aborts the one before it, and an answer (or an
 * error) that arrives once a newer request has started, or after abort(), is dropped. A slow
 * stale answer can then never overwrite a fresh one, even when it resolves after the abort.
 */
export interface LatestRequest {
  /**
   * Runs `work` with a fresh signal. `apply` gets its answer and `fail` its error, only while it
   * is still the latest request. Resolves to whether the answer was applied; never rejects.
   */
  run<T>(work: (signal: AbortSignal) => Promise<T>, apply: (answer: T) => void, fail: (error: unknown) => void): Promise<boolean>;
  /** Aborts the request in flight, if any; its answer will not be applied. */
  abort(): void;
}

export function latestRequest(): LatestRequest {
  let current: AbortController | null = null;
  return {
    async run(work, apply, fail) {
      current?.abort();
      const mine = new AbortController();
      current = mine;
      const latest = () => current === mine && !mine.signal.aborted;
      try {
        const answer = await work(mine.signal);
        if (!latest()) return false;
        apply(answer);
        return true;
      } catch (e) {
        // An aborted or superseded request's error is not news.
        if (latest() && (e as Error | undefined)?.name !== 'AbortError') fail(e);
        return false;
      } finally {
        if (current === mine) current = null;
      }
    },
    abort() {
      current?.abort();
      current = null;
    },
  };
}

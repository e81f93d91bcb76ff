/**
 * Identical requests in flight at the same time share one exchange: the first
 * caller's starts it, later callers with the same key wait for the same
 * result. The entry is gone once it settles, so nothing is cached: a request
 * sent after the answer arrived goes out again.
 */
export class InFlight<T> {
  private readonly pending = new Map<string, Promise<T>>();
  /** Callers that shared an exchange instead of starting one. */
  shared = 0;

  run(key: string, start: () => Promise<T>): Promise<T> {
    const existing = this.pending.get(key);
    if (existing) {
      this.shared++;
      return existing;
    }
    const promise = (async () => start())().finally(() => {
      if (this.pending.get(key) === promise) this.pending.delete(key);
    });
    this.pending.set(key, promise);
    return promise;
  }

  get size(): number {
    return this.pending.size;
  }
}

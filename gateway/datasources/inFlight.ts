/**
 * Identical requests in flight at the same time share one exchange: the first
 * caller's starts it, later callers with the same key wait for the same
 * result. The entry is gone once it settles, so nothing is cached: a request
 * sent after the answer arrived goes out again.
 *
 * With `copy`, every caller that joined gets its own copy of the result, made
 * when it arrives and before any caller runs on, so a caller that writes into
 * its answer (the gateway merges later fetches into entities) never changes
 * another's; the first caller keeps the original.
 */
interface Entry<T> {
  promise: Promise<T>;
  joiners: Array<{ resolve(value: T): void; reject(error: unknown): void }>;
}

export class InFlight<T> {
  private readonly pending = new Map<string, Entry<T>>();
  /** Callers that shared an exchange instead of starting one. */
  shared = 0;

  constructor(private readonly copy?: (value: T) => T) {}

  run(key: string, start: () => Promise<T>): Promise<T> {
    const existing = this.pending.get(key);
    if (existing) {
      this.shared++;
      if (!this.copy) return existing.promise;
      return new Promise<T>((resolve, reject) => existing.joiners.push({ resolve, reject }));
    }
    const entry: Entry<T> = { promise: undefined as unknown as Promise<T>, joiners: [] };
    const settle = () => {
      if (this.pending.get(key) === entry) this.pending.delete(key);
    };
    entry.promise = (async () => start())().then(
      (value) => {
        settle();
        // Every joiner's copy is made now, synchronously, before the first caller can write into `value`.
        for (const joiner of entry.joiners) joiner.resolve(this.copy!(value));
        return value;
      },
      (error: unknown) => {
        settle();
        for (const joiner of entry.joiners) joiner.reject(error);
        throw error;
      },
    );
    this.pending.set(key, entry);
    return entry.promise;
  }

  get size(): number {
    return this.pending.size;
  }
}

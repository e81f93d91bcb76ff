/**
 * SharedState in this process's memory: what a single replica without Redis
 * uses. Bounded: expired entries are swept when it fills; `setIfAbsent`
 * answers 'full' rather than forget a live entry (a forgotten nonce would let
 * a replay through), while `set` (cache entries) evicts the oldest.
 */
import type { SetIfAbsent, SharedState } from './sharedState';

export interface MemoryStateOptions {
  /** Live entries kept at most. Default 100 000. */
  capacity?: number;
  /** Clock in milliseconds (tests). Default Date.now. */
  now?: () => number;
}

export function memoryState(options: MemoryStateOptions = {}): SharedState {
  const capacity = options.capacity ?? 100_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: string; expiresAt: number }>();

  const live = (key: string): string | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > now()) return entry.value;
    entries.delete(key);
    return undefined;
  };
  const sweep = (): void => {
    const at = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= at) entries.delete(key);
  };

  return {
    kind: 'memory',
    rememberedSince: now(),
    async setIfAbsent(key, value, ttlMs): Promise<SetIfAbsent> {
      if (live(key) !== undefined) return 'exists';
      if (entries.size >= capacity) sweep();
      if (entries.size >= capacity) return 'full';
      entries.set(key, { value, expiresAt: now() + ttlMs });
      return 'set';
    },
    async get(key) {
      return live(key);
    },
    async set(key, value, ttlMs) {
      entries.delete(key);
      if (entries.size >= capacity) sweep();
      // Still full of live entries: drop the oldest (Map keeps insertion order).
      if (entries.size >= capacity) entries.delete(entries.keys().next().value as string);
      entries.set(key, { value, expiresAt: now() + ttlMs });
    },
    async delete(key) {
      entries.delete(key);
    },
    async close() {
      entries.clear();
    },
  };
}

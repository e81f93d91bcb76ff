/**
 * State that every replica of a service must see alike — the gateway
 * signatures' nonces, the gateway's persisted-query cache — behind one small
 * interface: in Redis when REDIS_URL is set (shared by replicas, kept across
 * restarts), in this process's memory otherwise.
 *
 * Keys are namespaced by the caller (`nonce:XK:<nonce>`); the deployment's
 * prefix (REDIS_KEY_PREFIX) is added by the Redis implementation.
 */

/** Outcome of `setIfAbsent`: 'full' only from a bounded memory that holds nothing it may forget. */
export type SetIfAbsent = 'set' | 'exists' | 'full';

export interface SharedState {
  readonly kind: 'memory' | 'redis';
  /**
   * Epoch milliseconds from which this state remembers what it was told:
   * when the process started for memory (a restart forgets), 0 for Redis
   * (it outlives the process and is shared by every replica).
   */
  readonly rememberedSince: number;
  /** Stores `value` under `key` for `ttlMs` unless the key exists: the atomic test-and-set a nonce check needs. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<SetIfAbsent>;
  get(key: string): Promise<string | undefined>;
  /** Stores `value` for `ttlMs` (a cache entry: memory may evict the oldest to make room). */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Closes the connection (Redis); the state must not be used after. */
  close(): Promise<void>;
}

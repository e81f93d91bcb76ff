/**
 * SharedState in Redis (ioredis): one store for every replica, kept across
 * restarts. `setIfAbsent` is `SET key value PX ttl NX`, atomic in Redis, so two
 * replicas receiving the same nonce at once cannot both accept it.
 *
 * Commands fail fast (a bounded timeout, one retry) rather than queue while
 * Redis is away: callers decide what a failure means (the signature check
 * refuses the request: fail closed).
 */
import type RedisClient from 'ioredis';
import type { SetIfAbsent, SharedState } from './sharedState';

export interface RedisStateOptions {
  /** redis://[user:password@]host:6379[/db] (or rediss:// for TLS). */
  url: string;
  /** Prepended to every key (REDIS_KEY_PREFIX), so deployments can share one Redis. Default "jpg:". */
  keyPrefix?: string;
  /** Milliseconds a command may take before it fails. Default 1000. */
  commandTimeoutMs?: number;
}

export function redisState(options: RedisStateOptions): SharedState {
  // Loaded on first use: without REDIS_URL a service never needs ioredis (about 40 modules).
  const Redis = (require('ioredis') as { default: typeof RedisClient }).default;
  const redis = new Redis(options.url, {
    keyPrefix: options.keyPrefix ?? 'jpg:',
    commandTimeout: options.commandTimeoutMs ?? 1000,
    connectTimeout: options.commandTimeoutMs ?? 1000,
    maxRetriesPerRequest: 1,
    // Connect on first use: a service that never needs the state opens no connection.
    lazyConnect: true,
  });
  // Without a listener ioredis prints every failed reconnection; callers see the failures on their commands.
  redis.on('error', () => undefined);

  return {
    kind: 'redis',
    rememberedSince: 0,
    async setIfAbsent(key, value, ttlMs): Promise<SetIfAbsent> {
      return (await redis.set(key, value, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')) === 'OK' ? 'set' : 'exists';
    },
    async get(key) {
      return (await redis.get(key)) ?? undefined;
    },
    async set(key, value, ttlMs) {
      await redis.set(key, value, 'PX', Math.max(1, Math.ceil(ttlMs)));
    },
    async delete(key) {
      await redis.del(key);
    },
    async close() {
      if (redis.status === 'wait' || redis.status === 'end') redis.disconnect();
      else await redis.quit().catch(() => redis.disconnect());
    },
  };
}

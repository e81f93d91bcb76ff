/**
 * Redis for tests (TEST_REDIS_URL; suites use describeWith(REDIS, …)): each
 * suite works under a random key prefix of its own and deletes its keys after.
 *
 *   const keys = testRedisKeys('replay');            // keys.prefix = "test-replay-3f9a…:"
 *   await keys.exists('nonce:XK:abc');               // 1 or 0
 *   afterAll(() => keys.deleteAll());
 */
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';

export interface TestRedisKeys {
  url: string;
  /** Every key the suite writes starts with it (pass it as REDIS_KEY_PREFIX / keyPrefix). */
  prefix: string;
  /** Whether the key (without the prefix) exists: 1 or 0. */
  exists(key: string): Promise<number>;
  /** Deletes every key under the prefix. */
  deleteAll(): Promise<void>;
}

async function withRedis<T>(url: string, use: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(url);
  try {
    return await use(redis);
  } finally {
    await redis.quit();
  }
}

export function testRedisKeys(name: string): TestRedisKeys {
  const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `test-${name}-${randomBytes(6).toString('hex')}:`;
  return {
    url,
    prefix,
    exists: (key) => withRedis(url, (redis) => redis.exists(prefix + key)),
    deleteAll: () =>
      withRedis(url, async (redis) => {
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length > 0) await redis.del(...keys);
      }),
  };
}

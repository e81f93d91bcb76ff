/**
 * The shared state a service uses: Redis when REDIS_URL is set, this
 * process's memory otherwise (one replica; see memoryState.ts for what a
 * restart then forgets).
 */
import { readEnv } from '../config/env';
import { memoryState } from './memoryState';
import { redisState } from './redisState';
import type { SharedState } from './sharedState';

/** REDIS_URL and REDIS_KEY_PREFIX, checked; undefined when REDIS_URL is unset. */
export function readRedisConfig(): { url: string; keyPrefix: string } | undefined {
  const url = readEnv('REDIS_URL');
  if (url === undefined) return undefined;
  // The URL may hold a password: never echo it.
  if (!/^rediss?:\/\//.test(url)) throw new Error(`Environment variable REDIS_URL must be a redis:// or rediss:// URL (got "${url.replace(/\/\/[^@]*@/, '//…@')}")`);
  return { url, keyPrefix: readEnv('REDIS_KEY_PREFIX', 'jpg:')! };
}

export function sharedStateFromEnv(): SharedState {
  const redis = readRedisConfig();
  return redis ? redisState(redis) : memoryState();
}

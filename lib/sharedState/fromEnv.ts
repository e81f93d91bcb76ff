/**
 * The shared state a service uses: Redis when REDIS_URL is set, this
 * process's memory otherwise (one replica; see memoryState.ts for what a
 * restart then forgets).
 */
import { readEnv } from '../config/env';
import { memoryState } from './memoryState';
import { redisState } from './redisState';
import type { SharedState } from './sharedState';

export function sharedStateFromEnv(): SharedState {
  const url = readEnv('REDIS_URL');
  if (url === undefined) return memoryState();
  if (!/^rediss?:\/\//.test(url)) throw new Error(`Environment variable REDIS_URL must be a redis:// or rediss:// URL (got "${url.replace(/\/\/[^@]*@/, '//…@')}")`);
  return redisState({ url, keyPrefix: readEnv('REDIS_KEY_PREFIX', 'jpg:') });
}

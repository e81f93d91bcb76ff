/**
 * The same contract for both kinds of shared state: memory (what one replica
 * without Redis uses) and Redis (describeWith(REDIS): shared, outliving the
 * process). The nonce check relies on `setIfAbsent` being a test-and-set.
 */
import { testRedisKeys } from '../../test/testkit/redis';
import { describeWith, REDIS } from '../../test/testkit/systemParts';
import { memoryState } from './memoryState';
import { redisState } from './redisState';
import type { SharedState } from './sharedState';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function behavesAsSharedState(make: () => SharedState): void {
  let state: SharedState;
  beforeEach(() => {
    state = make();
  });
  afterEach(() => state.close());

  it('sets a key once: a second setIfAbsent finds it, also when both race', async () => {
    expect(await state.setIfAbsent('nonce:XK:a', '1', 5000)).toBe('set');
    expect(await state.setIfAbsent('nonce:XK:a', '1', 5000)).toBe('exists');
    const raced = await Promise.all(Array.from({ length: 10 }, () => state.setIfAbsent('nonce:XK:b', '1', 5000)));
    expect(raced.filter((outcome) => outcome === 'set')).toHaveLength(1);
  });

  it('forgets a key when its time is up', async () => {
    expect(await state.setIfAbsent('nonce:XK:c', '1', 50)).toBe('set');
    await sleep(120);
    expect(await state.setIfAbsent('nonce:XK:c', '1', 50)).toBe('set');
  });

  it('gets, sets and deletes values', async () => {
    expect(await state.get('apq:x')).toBeUndefined();
    await state.set('apq:x', '{ members { code } }', 5000);
    expect(await state.get('apq:x')).toBe('{ members { code } }');
    await state.delete('apq:x');
    expect(await state.get('apq:x')).toBeUndefined();
  });
}

describe('memory', () => {
  behavesAsSharedState(() => memoryState());

  it('remembers from its creation only (a restart forgets)', () => {
    const before = Date.now();
    expect(memoryState().rememberedSince).toBeGreaterThanOrEqual(before);
  });

  it('answers full rather than forget a live nonce, and evicts the oldest cache entry instead', async () => {
    const state = memoryState({ capacity: 2 });
    await state.setIfAbsent('n1', '1', 5000);
    await state.setIfAbsent('n2', '1', 5000);
    expect(await state.setIfAbsent('n3', '1', 5000)).toBe('full');
    expect(await state.setIfAbsent('n1', '1', 5000)).toBe('exists');
    await state.set('c3', 'v', 5000);
    expect(await state.get('n1')).toBeUndefined();
    expect(await state.get('c3')).toBe('v');
  });
});

describeWith(REDIS, 'Redis', () => {
  const keys = testRedisKeys('shared-state');
  afterAll(() => keys.deleteAll());
  behavesAsSharedState(() => redisState({ url: keys.url, keyPrefix: keys.prefix }));

  it('is seen alike by two clients (two replicas), and remembers from the beginning', async () => {
    const [one, two] = [redisState({ url: keys.url, keyPrefix: keys.prefix }), redisState({ url: keys.url, keyPrefix: keys.prefix })];
    try {
      expect(one.rememberedSince).toBe(0);
      expect(await one.setIfAbsent('nonce:XK:shared', '1', 5000)).toBe('set');
      expect(await two.setIfAbsent('nonce:XK:shared', '1', 5000)).toBe('exists');
      expect(await keys.exists('nonce:XK:shared')).toBe(1);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});

/**
 * The breaker's state machine on its own: what counts, within which window,
 * how probes move it, what is logged and told to listeners. (Its effect on
 * real requests: gateway/test/circuitBreaker.e2e.ts.)
 */
import { currentRequest, runInRequest } from '../../lib/observability/requestContext';
import { memoryLogger } from '../logger';
import { CircuitBreakers } from './breakers';
import type { BreakerChange } from './circuitBreaker';
import type { BreakerSettings } from './settings';

const SETTINGS: BreakerSettings = { failureThreshold: 3, timeoutThreshold: 1, windowMs: 200, probeIntervalMs: 20 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function setUp(probe: () => Promise<void>, settings: Partial<BreakerSettings> = {}) {
  const { logger, entries } = memoryLogger('debug');
  const breakers = new CircuitBreakers(logger);
  const changes: BreakerChange[] = [];
  breakers.onChange((change) => changes.push(change));
  const breaker = breakers.create({ subgraph: 'country', member: 'XK' }, { ...SETTINGS, ...settings }, probe);
  return { breaker, breakers, changes, entries };
}

const failure = { kind: 'unanswered', reason: 'ECONNREFUSED' } as const;
const timeout = { kind: 'timeout', reason: "member XK's country subgraph did not answer within 3000 ms" } as const;

describe('a closed breaker', () => {
  it('opens after failureThreshold failures within the window, not before', () => {
    const { breaker, breakers } = setUp(() => new Promise(() => {}));
    breaker.recordFailure(failure);
    breaker.recordFailure({ kind: 'server-error', reason: 'HTTP 502' });
    expect(breaker.state.state).toBe('closed');
    breaker.recordFailure(failure);
    expect(breaker.state).toMatchObject({ state: 'open', reason: expect.stringMatching(/^3 failures within 0\.2 s, the last: ECONNREFUSED/) });
    breakers.stop();
  });

  it('opens after a single timeout (the default threshold of 1)', () => {
    const { breaker, breakers } = setUp(() => new Promise(() => {}));
    breaker.recordFailure(timeout);
    expect(breaker.state).toMatchObject({ state: 'open', reason: expect.stringContaining('1 timeout within') });
    expect(breaker.isOpen).toBe(true);
    breakers.stop();
  });

  it('forgets failures older than the window', async () => {
    const { breaker, breakers } = setUp(() => new Promise(() => {}));
    breaker.recordFailure(failure);
    breaker.recordFailure(failure);
    await sleep(SETTINGS.windowMs + 20);
    breaker.recordFailure(failure);
    expect(breaker.state.state).toBe('closed');
    breakers.stop();
  });

  it('does not count failures that are not the service\'s', () => {
    const { breaker, breakers } = setUp(() => new Promise(() => {}), { failureThreshold: 1 });
    breaker.recordFailure({ kind: 'other', reason: 'a request hook refused' });
    expect(breaker.state.state).toBe('closed');
    breakers.stop();
  });
});

describe('an open breaker', () => {
  it('probes in the background (half-open while a probe runs) and stays open while probes fail, logging the opening once', async () => {
    let probes = 0;
    const { breaker, breakers, changes, entries } = setUp(async () => {
      probes++;
      throw new Error('connect ECONNREFUSED');
    });
    breaker.recordFailure(timeout);
    await sleep(SETTINGS.probeIntervalMs * 6);
    breakers.stop();
    expect(probes).toBeGreaterThanOrEqual(2);
    expect(breaker.state).toMatchObject({ state: 'open', reason: 'a probe got no answer (connect ECONNREFUSED)' });
    expect(changes.map((c) => `${c.previous.state}->${c.state.state}`).slice(0, 3)).toEqual(['closed->open', 'open->half-open', 'half-open->open']);
    const warnings = entries.filter((e) => e.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ subgraph: 'country', member: 'XK', breaker: 'open', msg: expect.stringMatching(/^circuit breaker for member XK's country subgraph opened \(1 timeout within 0\.2 s/) });
  });

  it('probes as nobody\'s request: not as part of the request whose failure opened it (its id, its log, its trace)', async () => {
    const probedIn: Array<string | undefined> = [];
    const { breaker, breakers } = setUp(async () => {
      probedIn.push(currentRequest()?.requestId);
      throw new Error('still down');
    });
    runInRequest({ requestId: 'the-request-that-timed-out' }, () => breaker.recordFailure(timeout));
    // The first probe is the one scheduled while that request ran.
    for (let waited = 0; probedIn.length === 0 && waited < 5000; waited += SETTINGS.probeIntervalMs) await sleep(SETTINGS.probeIntervalMs);
    breakers.stop();
    expect(probedIn.length).toBeGreaterThanOrEqual(1);
    expect(probedIn).toEqual(probedIn.map(() => undefined));
  });

  it('changes nothing on further failures while open: only a probe closes it', async () => {
    let answer: () => void = () => {};
    const { breaker, breakers } = setUp(() => new Promise<void>((resolve) => (answer = resolve)), { probeIntervalMs: 10 });
    breaker.recordFailure(timeout);
    breaker.recordFailure(failure);
    await sleep(30);
    expect(breaker.state.state).toBe('half-open');
    answer();
    await sleep(5);
    expect(breaker.state.state).toBe('closed');
    breakers.stop();
  });

  it('closes when a probe answers, logging that once, and counts afresh', async () => {
    let healthy = false;
    const { breaker, breakers, entries } = setUp(async () => {
      if (!healthy) throw new Error('still down');
    });
    breaker.recordFailure(timeout);
    await sleep(SETTINGS.probeIntervalMs * 3);
    healthy = true;
    await sleep(SETTINGS.probeIntervalMs * 3);
    expect(breaker.state.state).toBe('closed');
    expect(entries.filter((e) => e.level === 30 && e.msg.includes('closed'))).toHaveLength(1);
    breaker.recordFailure(failure);
    expect(breaker.state.state).toBe('closed');
    expect(breakers.list()).toEqual([{ target: { subgraph: 'country', member: 'XK' }, state: expect.objectContaining({ state: 'closed' }) }]);
    breakers.stop();
  });

  it('stops probing when stopped', async () => {
    let probes = 0;
    const { breaker, breakers } = setUp(async () => {
      probes++;
      throw new Error('down');
    });
    breaker.recordFailure(timeout);
    breakers.stop();
    await sleep(SETTINGS.probeIntervalMs * 4);
    expect(probes).toBe(0);
  });
});

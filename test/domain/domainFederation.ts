/**
 * What the domain test files share: one federation for the file, started
 * before its tests on procurement's clock and stopped after them, and the day
 * arithmetic the demo's dates are checked with (the demo dates everything
 * from the day it is seeded).
 */
import { addDays } from '../../lib/time/calendarDays';
import { type Federation, startFederation } from '../testkit/federation';

/** The day the domain tests run on. */
export const TODAY = '2026-10-01';

/** The date `offset` days from TODAY, as the API writes dates ("2026-10-02"). */
export const day = (offset: number): string => addDays(TODAY, offset);

/** Noon on `date`: a clock reading well inside the day whatever the time zone of a date comparison. */
export const noonOn = (date: string): Date => new Date(`${date}T12:00:00Z`);

export interface FileFederation {
  /** The running federation (there from the file's beforeAll on). */
  readonly federation: Federation;
  /** Asks the gateway with every role; fails the test on any error. */
  ask(query: string, variables?: Record<string, unknown>): Promise<any>;
}

/**
 * Registers the file's beforeAll and afterAll: the federation of `members`
 * with procurement's clock at `now` (noon of TODAY unless the file moves it).
 * Members get a generous timeout: these tests are about rules, not speed, and
 * the machine may be busy.
 */
export function federationForFile(members: string[], now: () => Date = () => noonOn(TODAY)): FileFederation {
  let started: Federation | undefined;
  const federation = (): Federation => {
    if (!started) throw new Error('The federation starts in beforeAll; use it inside a test or hook');
    return started;
  };
  beforeAll(async () => {
    started = await startFederation({ members, now, memberTimeoutMs: 20_000 });
  }, 240_000);
  afterAll(() => started?.stop());
  return {
    get federation() {
      return federation();
    },
    async ask(query, variables) {
      const { data, errors } = await federation().query(query, variables);
      expect(errors).toBeUndefined();
      return data;
    },
  };
}

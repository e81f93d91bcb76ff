/** Sharing identical requests in flight: one exchange, each joiner its own copy, nothing kept after. */
import { cloneJson } from './distinctRepresentations';
import { InFlight } from './inFlight';

const later = <T>(value: T, ms = 20) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('identical requests in flight', () => {
  it('share one exchange while it runs, and start a new one once it settled (nothing cached)', async () => {
    const inFlight = new InFlight<string>();
    let started = 0;
    const start = () => later(`answer ${++started}`);
    const answers = await Promise.all([inFlight.run('k', start), inFlight.run('k', start), inFlight.run('other', start)]);
    expect(answers).toEqual(['answer 1', 'answer 1', 'answer 2']);
    expect(inFlight.shared).toBe(1);
    expect(inFlight.size).toBe(0);
    expect(await inFlight.run('k', start)).toBe('answer 3');
  });

  it('with a copy function, every joiner gets its own copy, made before the first caller can write into the original', async () => {
    const inFlight = new InFlight<{ entities: Array<{ name: string; merged?: string }> }>(cloneJson);
    const start = () => later({ entities: [{ name: 'Table' }] });
    const first = inFlight.run('k', start).then((answer) => {
      // The first caller writes into its answer at once (as the gateway merges a later fetch into an entity).
      answer.entities[0].merged = 'first caller only';
      return answer;
    });
    const joiners = [inFlight.run('k', start), inFlight.run('k', start)];
    const [mine, ...theirs] = await Promise.all([first, ...joiners]);
    expect(mine.entities[0]).toEqual({ name: 'Table', merged: 'first caller only' });
    for (const answer of theirs) {
      expect(answer.entities[0]).toEqual({ name: 'Table' });
      expect(answer).not.toBe(mine);
    }
    expect(theirs[0]).not.toBe(theirs[1]);
  });

  it('passes a failure to every caller that shared the exchange', async () => {
    const inFlight = new InFlight<object>(cloneJson);
    const start = () => later(null).then(() => Promise.reject(new Error('subgraph down')));
    const results = await Promise.allSettled([inFlight.run('k', start), inFlight.run('k', start)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(inFlight.size).toBe(0);
  });
});

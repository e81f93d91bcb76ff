import type { RequestHandler } from 'express';
import { Holding } from '../entities';
import { ITEM } from '../seeds/items';
import { RunningMember, startMember } from './memberServer';

/** Stands in for the request-signature check security will plug in: no header, no GraphQL. */
const requireHeader: RequestHandler = (req, res, next) => {
  if (req.get('x-test-signature') === 'ok') return next();
  res.status(401).json({ errors: [{ message: 'unsigned', extensions: { code: 'UNAUTHENTICATED' } }] });
};

describe('startCountryService', () => {
  let xk: RunningMember;
  beforeAll(async () => {
    xk = await startMember('XK', { before: [requireHeader] });
  });
  afterAll(() => xk?.stop());

  const recordHolding = (headers: Record<string, string>) =>
    fetch(xk.service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        query: 'mutation($i: RecordHoldingInput!) { recordHolding(country: "XK", input: $i) { id } }',
        variables: { i: { nsn: ITEM.M4A1, quantity: 3, unit: 'KSF 1st Infantry Regiment', status: 'RESERVE' } },
      }),
    });

  it('runs the `before` middleware ahead of GraphQL: a refused request executes nothing', async () => {
    const refused = await recordHolding({});
    expect(refused.status).toBe(401);
    expect(await xk.service.dataSource.getRepository(Holding).count()).toBe(0);

    const accepted = await recordHolding({ 'x-test-signature': 'ok' });
    expect(accepted.status).toBe(200);
    expect(await xk.service.dataSource.getRepository(Holding).count()).toBe(1);
  });

  it('says which member it serves on /health', async () => {
    const health = await fetch(xk.service.url.replace(/\/graphql$/, '/health'));
    expect(await health.json()).toEqual({ status: 'ok', service: 'country-XK', member: 'XK' });
  });

  it('refuses to start for a member code that cannot be one', async () => {
    await expect(startMember('Kosovo')).rejects.toThrow(/not an ISO 3166-1 alpha-2 code/);
  });
});

import type { RequestHandler } from 'express';
import { Holding } from '../entities';
import { ITEM } from '../../../lib/reference/items';
import { gatewayHeaders } from '../../../test/testkit/signedFetch';
import { RunningMember, startMember } from './memberServer';

/** A `before` middleware of the test's own: no header, no GraphQL. */
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

  const recordHolding = (headers: Record<string, string>, signed = true) => {
    const init = {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        query: 'mutation($i: RecordHoldingInput!) { recordHolding(country: "XK", input: $i) { id } }',
        variables: { i: { nsn: ITEM.M4A1, quantity: 3, unit: 'KSF 1st Infantry Regiment', status: 'RESERVE' } },
      }),
    };
    return fetch(xk.service.url, signed ? { ...init, headers: gatewayHeaders(xk.service.url, init) } : init);
  };

  it('answers only requests the gateway signed, then runs the `before` middleware ahead of GraphQL: a refused request executes nothing', async () => {
    const unsigned = await recordHolding({ 'x-test-signature': 'ok' }, false);
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'SIGNATURE_MISSING' } }] });
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

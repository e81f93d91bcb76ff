/**
 * /ready on the real gateway: probes and strangers learn whether it is ready,
 * nothing more; the members' URLs, states and failure reasons are shown only
 * to a caller on the gateway's own machine or one holding a procurement token.
 * (Every test client runs on the same machine, so "a caller from elsewhere" is
 * a request relayed by a proxy: it carries a forwarding header.)
 */
import type { Federation } from '../testkit/federation';
import { startFederationWithUnreachableMember } from '../testkit/unreachableMember';

let federation: Federation;

beforeAll(async () => {
  federation = await startFederationWithUnreachableMember();
}, 240_000);
afterAll(() => federation?.stop());

const ready = async (headers: Record<string, string> = {}) => {
  const response = await fetch(`${federation.gatewayOrigin}/ready`, { headers });
  return { status: response.status, text: await response.text() };
};
const FROM_ELSEWHERE = { 'x-forwarded-for': '203.0.113.7' };

it.each([
  ['without a token', async () => FROM_ELSEWHERE],
  ['with an analyst token', async () => ({ ...FROM_ELSEWHERE, ...(await federation.authorization('analyst')) })],
  ["with a ministry's token", async () => ({ ...FROM_ELSEWHERE, ...(await federation.authorization('ministry:XK')) })],
  ['with a bad token', async () => ({ ...FROM_ELSEWHERE, authorization: 'Bearer not-a-token' })],
  ['through a proxy on the same machine (Forwarded header)', async () => ({ forwarded: 'for=198.51.100.2' })],
] as [string, () => Promise<Record<string, string>>][])('tells a caller from elsewhere %s only whether the gateway is ready: no URL, no member, no reason', async (_case, headers) => {
  const { status, text } = await ready(await headers());
  expect(status).toBe(200);
  expect(JSON.parse(text)).toEqual({ ready: true });
  expect(text).not.toMatch(/http:|127\.0\.0\.1|XK|BG|ECONNREFUSED/);
});

it('shows the detail to a caller from elsewhere holding a procurement token', async () => {
  const { status, text } = await ready({ ...FROM_ELSEWHERE, ...(await federation.authorization('procurement')) });
  expect(status).toBe(200);
  const report = JSON.parse(text);
  expect(report.members.XK).toMatchObject({ subgraph: 'country', url: federation.members.XK.url });
  expect(report.members.BG.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
});

it('shows the detail to a caller on the same machine without a token', async () => {
  const report = JSON.parse((await ready()).text);
  expect(report).toMatchObject({ ready: true, supergraph: { loaded: true, subgraphs: ['country', 'procurement'] } });
  expect(Object.keys(report.members).sort()).toEqual(['BG', 'XK']);
});

/**
 * The token rules at the real gateway's door, over HTTP: every loose claim a
 * hostile test got through (a token issued in the future, one living until
 * 2999, a subject of "" or 42) is refused with 401 and a reason of its own;
 * `nbf` is honoured; unknown roles are ignored with a log line; and the
 * 12-hour tokens `npm start` prints stay valid.
 */
import { SignJWT, type JWTPayload } from 'jose';
import { DEVELOPMENT_DEFAULTS } from '../../lib/security/config';
import { mintDevelopmentTokens } from '../../lib/security/tokens';
import { Federation, startFederation } from '../testkit/federation';

let federation: Federation;

beforeAll(async () => {
  federation = await startFederation({ members: ['XK'] });
}, 240_000);
afterAll(() => federation?.stop());

const now = () => Math.floor(Date.now() / 1000);
const HOUR = 3600;

/** A token signed with the deployment's (development) key: only its claims can be wrong. */
const token = (claims: JWTPayload) =>
  new SignJWT({ iss: DEVELOPMENT_DEFAULTS.issuer, aud: DEVELOPMENT_DEFAULTS.audience, roles: ['analyst'], ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(DEVELOPMENT_DEFAULTS.jwtSecret));

async function ask(bearer: string) {
  const response = await fetch(federation.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query: '{ ministry(country: "XK") { name } }' }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions: Record<string, unknown> }> } };
}

it.each([
  ['issued an hour in the future', () => ({ sub: 'u', iat: now() + HOUR, exp: now() + 2 * HOUR }), 'TOKEN_ISSUED_IN_FUTURE'],
  ['expiring in the year 2999', () => ({ sub: 'u', iat: now(), exp: Math.floor(Date.UTC(2999, 0, 1) / 1000) }), 'TOKEN_LIFETIME_TOO_LONG'],
  ['without "iat", expiring in 30 days', () => ({ sub: 'u', exp: now() + 30 * 24 * HOUR }), 'TOKEN_LIFETIME_TOO_LONG'],
  ['with an empty subject', () => ({ sub: '', iat: now(), exp: now() + HOUR }), 'INVALID_SUBJECT'],
  ['with a subject of blanks', () => ({ sub: '   ', iat: now(), exp: now() + HOUR }), 'INVALID_SUBJECT'],
  ['with a numeric subject', () => ({ sub: 42, iat: now(), exp: now() + HOUR }), 'INVALID_SUBJECT'],
  ['not valid before an hour from now', () => ({ sub: 'u', iat: now(), nbf: now() + HOUR, exp: now() + 2 * HOUR }), 'TOKEN_NOT_YET_VALID'],
] as [string, () => JWTPayload, string][])('refuses a token %s with 401 and its own reason, before any subgraph is asked', async (_case, claims, reason) => {
  federation.resetRequestCounts();
  const { status, body } = await ask(await token(claims()));
  expect(status).toBe(401);
  expect(body.data).toBeUndefined();
  expect(body.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason });
  expect(Object.values(federation.requestCounts()).reduce((a, b) => a + b, 0)).toBe(0);
});

it('accepts a token within the rules: issued a second ahead (clock skew), living 24 hours', async () => {
  const { status, body } = await ask(await token({ sub: 'u', iat: now() + 1, exp: now() + 1 + 24 * HOUR }));
  expect(status).toBe(200);
  expect(body.data.ministry.name).toMatch(/Kosovo/);
});

it('accepts the 12-hour tokens npm start prints', async () => {
  const tokens = await mintDevelopmentTokens(['XK'], { secret: DEVELOPMENT_DEFAULTS.jwtSecret, issuer: DEVELOPMENT_DEFAULTS.issuer, audience: DEVELOPMENT_DEFAULTS.audience, expiresInSeconds: 12 * HOUR });
  for (const bearer of Object.values(tokens)) expect((await ask(bearer)).status).toBe(200);
});

it('ignores roles it does not know, with a log line naming them', async () => {
  const { status, body } = await ask(await token({ sub: 'mixed.roles', iat: now(), exp: now() + HOUR, roles: ['analyst', 'superuser'] }));
  expect(status).toBe(200);
  expect(body.data.ministry.name).toMatch(/Kosovo/);
  expect(federation.logs.some((entry) => entry.msg.includes('mixed.roles') && entry.msg.includes('superuser'))).toBe(true);
});

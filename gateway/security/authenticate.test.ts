import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { SignJWT } from 'jose';
import { createTokenVerifier, mintDevelopmentToken } from '../../lib/security/tokens';
import { authenticate, authenticatedIdentity, type AuthenticationOptions } from './authenticate';

const TOKENS = { secret: 'gateway-test-secret-of-at-least-32-bytes', issuer: 'jpg-test', audience: 'jpg' };
const verifier = createTokenVerifier({ keys: { kind: 'secret', secret: TOKENS.secret }, issuer: TOKENS.issuer, audience: TOKENS.audience });

async function withGateway(options: Partial<AuthenticationOptions>, body: (url: string) => Promise<void>): Promise<void> {
  const app = express();
  app.use('/graphql', authenticate({ verifier, ...options }), (req, res) => res.json({ identity: authenticatedIdentity(req) }));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await body(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

const call = async (url: string, token?: string) => {
  const response = await fetch(url, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  return { status: response.status, challenge: response.headers.get('www-authenticate'), body: (await response.json()) as Record<string, unknown> };
};

describe('authenticate', () => {
  it('admits a valid bearer token as its identity', () =>
    withGateway({}, async (url) => {
      const { status, body } = await call(url, await mintDevelopmentToken('ministry:HR', { ...TOKENS, subject: 'hr-officer' }));
      expect(status).toBe(200);
      expect(body).toEqual({ identity: { subject: 'hr-officer', roles: ['ministry:HR'], memberCodes: ['HR'] } });
    }));

  it('answers a request without a token with 401 and a bearer challenge', () =>
    withGateway({}, async (url) => {
      expect(await call(url)).toEqual({
        status: 401,
        challenge: 'Bearer realm="joint-procurement-graph"',
        body: { errors: [{ message: 'A bearer token is required (Authorization: Bearer <token>)', extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_MISSING' } }] },
      });
    }));

  it('says why a token was refused', () =>
    withGateway({}, async (url) => {
      const expired = await mintDevelopmentToken('analyst', { ...TOKENS, expiresInSeconds: -60 });
      const { status, challenge, body } = await call(url, expired);
      expect(status).toBe(401);
      expect(challenge).toBe('Bearer realm="joint-procurement-graph", error="invalid_token", error_description="The token has expired"');
      expect(body).toEqual({ errors: [{ message: 'The token has expired', extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' } }] });
    }));

  it('answers a valid token without any role of this graph with 403', () =>
    withGateway({}, async (url) => {
      const token = await new SignJWT({ roles: ['admin'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('stranger')
        .setIssuer(TOKENS.issuer)
        .setAudience(TOKENS.audience)
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(TOKENS.secret));
      const { status, challenge, body } = await call(url, token);
      expect(status).toBe(403);
      expect(challenge).toContain('error="insufficient_scope"');
      expect(body).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN', reason: 'NO_ROLES' } }] });
    }));

  it('reports role claim entries it ignored', async () => {
    const reported: [string, string[]][] = [];
    await withGateway({ onRejectedRoles: (subject, rejected) => reported.push([subject, rejected]) }, async (url) => {
      const token = await mintDevelopmentToken(['analyst', 'ministry:hr'], { ...TOKENS, subject: 'typo' });
      expect((await call(url, token)).status).toBe(200);
    });
    expect(reported).toEqual([['typo', ['ministry:hr']]]);
  });

  it('lets requests without a token read anonymously when the deployment opens that', () =>
    withGateway({ allowAnonymousRead: true }, async (url) => {
      expect((await call(url)).body).toEqual({ identity: { subject: 'anonymous', roles: ['analyst'], memberCodes: [], anonymous: true } });
    }));

  it('still refuses a bad token when anonymous read is open', () =>
    withGateway({ allowAnonymousRead: true }, async (url) => {
      expect((await call(url, 'not.a.token')).status).toBe(401);
    }));
});

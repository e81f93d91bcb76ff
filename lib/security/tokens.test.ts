import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { createTokenVerifier, mintDevelopmentToken, mintDevelopmentTokens, type TokenVerifier } from './tokens';
import { memoryLogger } from '../observability/logger';
import { runInRequest } from '../observability/requestContext';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const ISSUER = 'https://idp.test/realms/jpg';
const AUDIENCE = 'joint-procurement-graph';
const now = () => Math.floor(Date.now() / 1000);

async function hs256(claims: JWTPayload, secret = SECRET): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
}

const valid = (extra: JWTPayload = {}): JWTPayload => ({ sub: 'u-1', iss: ISSUER, aud: AUDIENCE, exp: now() + 600, roles: ['ministry:XK'], ...extra });

/** The refusal's reason (extensions.reason), or "accepted". */
async function outcome(verifier: TokenVerifier, token: string): Promise<string> {
  try {
    await verifier.verify(token);
    return 'accepted';
  } catch (error) {
    return String((error as { extensions?: Record<string, unknown> }).extensions?.reason ?? error);
  }
}

describe('HS256 tokens (development)', () => {
  const verifier = createTokenVerifier({ keys: { kind: 'secret', secret: SECRET }, issuer: ISSUER, audience: AUDIENCE });

  it('turns a valid token into an identity', async () => {
    const verified = await verifier.verify(await hs256(valid({ roles: ['ministry:XK', 'analyst'] })));
    expect(verified.identity).toEqual({ subject: 'u-1', roles: ['ministry:XK', 'analyst'], memberCodes: ['XK'] });
    expect(verified.rejectedRoles).toEqual([]);
  });

  it('refuses an expired token, with UNAUTHENTICATED and the reason', async () => {
    const error = await verifier.verify(await hs256(valid({ exp: now() - 60 }))).catch((e) => e);
    expect(error.message).toBe('The token has expired');
    expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
  });

  it('tolerates a few seconds of clock difference on expiry', async () => {
    expect(await outcome(verifier, await hs256(valid({ exp: now() - 2 })))).toBe('accepted');
  });

  it('refuses a token from another issuer, for another audience, or not valid yet', async () => {
    expect(await outcome(verifier, await hs256(valid({ iss: 'https://evil.test' })))).toBe('WRONG_ISSUER');
    expect(await outcome(verifier, await hs256(valid({ aud: 'another-api' })))).toBe('WRONG_AUDIENCE');
    expect(await outcome(verifier, await hs256(valid({ nbf: now() + 600 })))).toBe('TOKEN_NOT_YET_VALID');
  });

  it('refuses a token signed with another secret, or whose payload was changed', async () => {
    expect(await outcome(verifier, await hs256(valid(), 'another-secret-that-is-also-long-enough'))).toBe('BAD_SIGNATURE');
    const [head, , signature] = (await hs256(valid({ roles: ['analyst'] }))).split('.');
    const promoted = Buffer.from(JSON.stringify(valid({ roles: ['procurement'] }))).toString('base64url');
    expect(await outcome(verifier, `${head}.${promoted}.${signature}`)).toBe('BAD_SIGNATURE');
  });

  it('refuses a token that never expires or names no subject', async () => {
    const { exp: _exp, ...forever } = valid();
    const { sub: _sub, ...anonymous } = valid();
    expect(await outcome(verifier, await hs256(forever))).toBe('MISSING_CLAIM');
    expect(await outcome(verifier, await hs256(anonymous))).toBe('MISSING_CLAIM');
  });

  it('refuses an unsigned ("alg": "none") token and garbage', async () => {
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(valid())).toString('base64url')}.`;
    expect(await outcome(verifier, unsigned)).toBe('ALGORITHM_NOT_ALLOWED');
    expect(await outcome(verifier, 'not-a-jwt')).toBe('TOKEN_MALFORMED');
  });

  it('refuses a valid token that grants no role with FORBIDDEN, reporting what it held', async () => {
    const error = await verifier.verify(await hs256(valid({ roles: ['admin', 'ministry:xk'] }))).catch((e) => e);
    expect(error.extensions).toEqual({ code: 'FORBIDDEN', reason: 'NO_ROLES' });
  });

  it('grants the known roles and reports the unknown ones', async () => {
    const verified = await verifier.verify(await hs256(valid({ roles: 'procurement superuser' })));
    expect(verified.identity.roles).toEqual(['procurement']);
    expect(verified.rejectedRoles).toEqual(['superuser']);
  });

  it('reads the Authorization header, and says what is wrong with it', async () => {
    const token = await hs256(valid());
    expect((await verifier.verifyAuthorization(`Bearer ${token}`)).identity.subject).toBe('u-1');
    await expect(verifier.verifyAuthorization(undefined)).rejects.toMatchObject({ extensions: { reason: 'TOKEN_MISSING' } });
    await expect(verifier.verifyAuthorization(`Basic ${token}`)).rejects.toMatchObject({ extensions: { reason: 'TOKEN_MALFORMED' } });
  });

  it('refuses a secret too short for HS256', () => {
    expect(() => createTokenVerifier({ keys: { kind: 'secret', secret: 'short' }, issuer: ISSUER, audience: AUDIENCE })).toThrow('at least 32 bytes');
  });
});

describe('configurable roles claim', () => {
  it('reads a namespaced claim and a nested path', async () => {
    const namespaced = createTokenVerifier({ keys: { kind: 'secret', secret: SECRET }, issuer: ISSUER, audience: AUDIENCE, rolesClaim: 'https://jpg.example/roles' });
    expect((await namespaced.verify(await hs256(valid({ roles: undefined, 'https://jpg.example/roles': ['analyst'] })))).identity.roles).toEqual(['analyst']);
    const nested = createTokenVerifier({ keys: { kind: 'secret', secret: SECRET }, issuer: ISSUER, audience: AUDIENCE, rolesClaim: 'realm_access.roles' });
    expect((await nested.verify(await hs256(valid({ roles: undefined, realm_access: { roles: ['procurement', 'offline_access'] } })))).identity.roles).toEqual(['procurement']);
  });
});

describe('RS256 and ES256 tokens against a JWKS (production)', () => {
  let dir: string;
  let rsa: Awaited<ReturnType<typeof generateKeyPair>>;
  let ec: Awaited<ReturnType<typeof generateKeyPair>>;
  let jwksServer: http.Server;
  let jwksUrl: string;

  const signed = async (alg: 'RS256' | 'ES256', kid: string, claims: JWTPayload = valid()) =>
    new SignJWT(claims).setProtectedHeader({ alg, kid }).sign((alg === 'RS256' ? rsa : ec).privateKey);

  beforeAll(async () => {
    rsa = await generateKeyPair('RS256', { extractable: true });
    ec = await generateKeyPair('ES256', { extractable: true });
    const jwks = {
      keys: [
        { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
        { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
      ],
    };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jwks-'));
    fs.writeFileSync(path.join(dir, 'jwks.json'), JSON.stringify(jwks));
    jwksServer = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks)));
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
  });

  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await new Promise((resolve) => jwksServer.close(resolve));
  });

  it('accepts RS256 and ES256 tokens whose keys are in a JWKS file', async () => {
    const verifier = createTokenVerifier({ keys: { kind: 'jwksFile', path: path.join(dir, 'jwks.json') }, issuer: ISSUER, audience: AUDIENCE });
    expect(await outcome(verifier, await signed('RS256', 'rsa-1'))).toBe('accepted');
    expect(await outcome(verifier, await signed('ES256', 'ec-1'))).toBe('accepted');
  });

  it('accepts tokens whose keys are at a JWKS URL, and checks their claims all the same', async () => {
    const verifier = createTokenVerifier({ keys: { kind: 'jwksUrl', url: jwksUrl }, issuer: ISSUER, audience: AUDIENCE });
    expect(await outcome(verifier, await signed('ES256', 'ec-1'))).toBe('accepted');
    expect(await outcome(verifier, await signed('RS256', 'rsa-1', valid({ exp: now() - 60 })))).toBe('TOKEN_EXPIRED');
    expect(await outcome(verifier, await signed('RS256', 'rsa-1', valid({ aud: 'elsewhere' })))).toBe('WRONG_AUDIENCE');
  });

  it('refuses a token signed by a key the JWKS does not hold', async () => {
    const verifier = createTokenVerifier({ keys: { kind: 'jwksFile', path: path.join(dir, 'jwks.json') }, issuer: ISSUER, audience: AUDIENCE });
    const stranger = await generateKeyPair('ES256');
    const token = await new SignJWT(valid()).setProtectedHeader({ alg: 'ES256', kid: 'ec-1' }).sign(stranger.privateKey);
    expect(await outcome(verifier, token)).toBe('BAD_SIGNATURE');
    const unknownKid = await new SignJWT(valid()).setProtectedHeader({ alg: 'ES256', kid: 'ec-9' }).sign(stranger.privateKey);
    expect(await outcome(verifier, unknownKid)).toBe('UNKNOWN_KEY');
  });

  it('refuses an HS256 token when keys come from a JWKS (no algorithm confusion)', async () => {
    const verifier = createTokenVerifier({ keys: { kind: 'jwksFile', path: path.join(dir, 'jwks.json') }, issuer: ISSUER, audience: AUDIENCE });
    expect(await outcome(verifier, await hs256(valid()))).toBe('ALGORITHM_NOT_ALLOWED');
  });

  it('says the keys are unavailable when the JWKS URL does not answer', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const verifier = createTokenVerifier({ keys: { kind: 'jwksUrl', url: `http://127.0.0.1:${port}/jwks.json` }, issuer: ISSUER, audience: AUDIENCE });
    // Logged to the log of the service whose request it is.
    const { logger, entries } = memoryLogger('info');
    const token = await signed('ES256', 'ec-1');
    expect(await runInRequest({ requestId: 'jwks-down', logger }, () => outcome(verifier, token))).toBe('KEYS_UNAVAILABLE');
    expect(entries.map((e) => [e.level, e.requestId, e.msg])).toEqual([[50, 'jwks-down', expect.stringContaining('could not be loaded')]]);
  });
});

describe('development tokens', () => {
  const options = { secret: SECRET, issuer: ISSUER, audience: AUDIENCE };
  const verifier = createTokenVerifier({ keys: { kind: 'secret', secret: SECRET }, ...options });

  it('mints a token the verifier accepts, for the roles asked', async () => {
    const verified = await verifier.verify(await mintDevelopmentToken(['ministry:AL', 'analyst'], { ...options, subject: 'dev-al', expiresInSeconds: 3600 }));
    expect(verified.identity).toEqual({ subject: 'dev-al', roles: ['ministry:AL', 'analyst'], memberCodes: ['AL'] });
    expect(verified.expiresAt.getTime() / 1000).toBeCloseTo(now() + 3600, -1);
  });

  it('mints one token per ministry plus procurement and analyst', async () => {
    const tokens = await mintDevelopmentTokens(['XK', 'AL'], options);
    expect(Object.keys(tokens)).toEqual(['ministry:XK', 'ministry:AL', 'procurement', 'analyst']);
    for (const [role, token] of Object.entries(tokens)) expect((await verifier.verify(token)).identity.roles).toEqual([role]);
  });
});

import { readAuthConfig } from '../lib/security/config';
import { createTokenVerifier } from '../lib/security/tokens';
import { mintTokenFromArgs } from './mint-token';

const VARIABLES = ['NODE_ENV', 'AUTH_JWT_SECRET', 'AUTH_JWKS_FILE', 'AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_ROLES_CLAIM'];
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
beforeEach(() => VARIABLES.forEach((name) => delete process.env[name]));
afterAll(() => VARIABLES.forEach((name) => (saved[name] === undefined ? delete process.env[name] : (process.env[name] = saved[name]))));

describe('npm run token', () => {
  it('mints a token the configured verifier accepts, for the roles and hours asked', async () => {
    const { token, summary } = await mintTokenFromArgs(['--role', 'ministry:XK', '--role=analyst', '--hours', '2', '--subject', 'xk.officer']);
    const verified = await createTokenVerifier(readAuthConfig().verifier).verify(token);
    expect(verified.identity).toEqual({ subject: 'xk.officer', roles: ['ministry:XK', 'analyst'], memberCodes: ['XK'] });
    expect(Math.round((verified.expiresAt.getTime() - Date.now()) / 60_000)).toBe(120);
    expect(summary).toMatch(/^Bearer token for ministry:XK analyst, valid until 20\d\d-/);
  });

  it('signs with the configured secret, issuer, audience and roles claim', async () => {
    Object.assign(process.env, { AUTH_JWT_SECRET: 'a-deployment-secret-of-32-bytes-or-more', AUTH_ISSUER: 'mod-al', AUTH_AUDIENCE: 'jpg-al', AUTH_ROLES_CLAIM: 'groups' });
    const { token } = await mintTokenFromArgs(['--role', 'procurement,analyst']);
    const verifier = createTokenVerifier({ keys: { kind: 'secret', secret: 'a-deployment-secret-of-32-bytes-or-more' }, issuer: 'mod-al', audience: 'jpg-al', rolesClaim: 'groups' });
    expect((await verifier.verify(token)).identity.roles).toEqual(['procurement', 'analyst']);
  });

  it('refuses a role that does not exist, and a missing one', async () => {
    await expect(mintTokenFromArgs(['--role', 'admin'])).rejects.toThrow('Not a role: "admin"');
    await expect(mintTokenFromArgs([])).rejects.toThrow('Usage: npm run token');
  });

  it('refuses when tokens come from an identity provider', async () => {
    process.env.AUTH_JWKS_URL = 'https://idp.example/jwks';
    await expect(mintTokenFromArgs(['--role', 'analyst'])).rejects.toThrow('get them from that identity provider');
  });
});

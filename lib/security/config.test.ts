import { DEVELOPMENT_DEFAULTS, readAuthConfig, readSigningConfig } from './config';

const VARIABLES = [
  'NODE_ENV',
  'AUTH_JWT_SECRET',
  'AUTH_JWKS_FILE',
  'AUTH_JWKS_URL',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'AUTH_ROLES_CLAIM',
  'AUTH_ALLOW_ANONYMOUS_READ',
  'GATEWAY_SIGNING_SECRET',
  'GATEWAY_SIGNATURE_WINDOW_SECONDS',
];
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));

function environment(values: Record<string, string>): void {
  for (const name of VARIABLES) delete process.env[name];
  Object.assign(process.env, values);
}

afterEach(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('security configuration in development', () => {
  it('works with no variables set, on the development secrets', () => {
    environment({});
    expect(readAuthConfig()).toEqual({
      verifier: { keys: { kind: 'secret', secret: DEVELOPMENT_DEFAULTS.jwtSecret }, issuer: 'jpg-development', audience: 'joint-procurement-graph', rolesClaim: 'roles', maxLifetimeSeconds: 86400 },
      allowAnonymousRead: false,
    });
    expect(readSigningConfig()).toEqual({ secret: DEVELOPMENT_DEFAULTS.signingSecret, previousSecrets: [], windowSeconds: 5, maxBodyBytes: 5 * 1024 * 1024 });
  });

  it('takes what is configured', () => {
    environment({ AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ROLES_CLAIM: 'realm_access.roles', AUTH_ALLOW_ANONYMOUS_READ: 'true', GATEWAY_SIGNATURE_WINDOW_SECONDS: '10' });
    expect(readAuthConfig()).toMatchObject({ verifier: { keys: { kind: 'jwksUrl', url: 'https://idp.example/jwks' }, rolesClaim: 'realm_access.roles' }, allowAnonymousRead: true });
    expect(readSigningConfig().windowSeconds).toBe(10);
  });

  it('refuses two token key sources at once', () => {
    environment({ AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_JWT_SECRET: 'x'.repeat(40) });
    expect(() => readAuthConfig()).toThrow('Set only one token key source; got AUTH_JWKS_URL and AUTH_JWT_SECRET');
  });

  it('refuses a secret too short, naming its variable', () => {
    environment({ GATEWAY_SIGNING_SECRET: 'short' });
    expect(() => readSigningConfig()).toThrow('GATEWAY_SIGNING_SECRET must be at least 32 bytes long');
  });

  it('refuses a flag that is not true or false', () => {
    environment({ AUTH_ALLOW_ANONYMOUS_READ: 'sometimes' });
    expect(() => readAuthConfig()).toThrow('AUTH_ALLOW_ANONYMOUS_READ must be true or false');
  });
});

describe('security configuration in production', () => {
  const complete = { NODE_ENV: 'production', AUTH_JWKS_FILE: '/etc/jpg/jwks.json', AUTH_ISSUER: 'https://idp.mod.example', AUTH_AUDIENCE: 'jpg', GATEWAY_SIGNING_SECRET: 's'.repeat(48) };

  it('starts when everything is set', () => {
    environment(complete);
    expect(readAuthConfig().verifier).toMatchObject({ keys: { kind: 'jwksFile', path: '/etc/jpg/jwks.json' }, issuer: 'https://idp.mod.example', audience: 'jpg' });
    expect(readSigningConfig().secret).toBe('s'.repeat(48));
  });

  it('stops start-up naming each missing setting', () => {
    const without = (name: keyof typeof complete) => {
      const { [name]: _omitted, ...rest } = complete;
      environment(rest);
    };
    without('AUTH_JWKS_FILE');
    expect(() => readAuthConfig()).toThrow('NODE_ENV=production needs a token key source: AUTH_JWKS_URL, AUTH_JWKS_FILE or AUTH_JWT_SECRET');
    without('AUTH_ISSUER');
    expect(() => readAuthConfig()).toThrow('AUTH_ISSUER is required when NODE_ENV=production');
    without('AUTH_AUDIENCE');
    expect(() => readAuthConfig()).toThrow('AUTH_AUDIENCE is required when NODE_ENV=production');
    without('GATEWAY_SIGNING_SECRET');
    expect(() => readSigningConfig()).toThrow('GATEWAY_SIGNING_SECRET is required when NODE_ENV=production');
  });

  it('refuses the public development secrets', () => {
    environment({ ...complete, GATEWAY_SIGNING_SECRET: DEVELOPMENT_DEFAULTS.signingSecret });
    expect(() => readSigningConfig()).toThrow('GATEWAY_SIGNING_SECRET is the public development secret');
  });
});

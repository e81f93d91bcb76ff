import { readCountryConfig } from '../config';

describe('start-up configuration of a member process', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    for (const name of ['MEMBER', 'DATABASE_URL', 'PORT', 'HOST', 'DATA_DIR', 'NODE_ENV']) delete process.env[name];
  });
  afterAll(() => {
    process.env = saved;
  });

  it('takes the member from --member, with its default port and embedded database', () => {
    expect(readCountryConfig(['--member', 'xk'])).toEqual({
      member: 'XK',
      port: 4011,
      host: '127.0.0.1',
      databaseUrl: 'sqlite:data/country-xk.sqlite',
      seed: true,
    });
    expect(readCountryConfig(['--member=BG']).port).toBe(4014);
  });

  it('takes MEMBER, DATABASE_URL, PORT and HOST from the environment, the command line winning', () => {
    Object.assign(process.env, { MEMBER: 'AL', DATABASE_URL: 'mysql://al_ministry:secret@db-al:3306/jpg_country_al', PORT: '5002', HOST: '0.0.0.0' });
    expect(readCountryConfig([])).toMatchObject({ member: 'AL', databaseUrl: 'mysql://al_ministry:secret@db-al:3306/jpg_country_al', port: 5002, host: '0.0.0.0' });
    expect(readCountryConfig(['--member', 'HR', '--port', '0']).member).toBe('HR');
    expect(readCountryConfig(['--member', 'HR', '--port', '0']).port).toBe(0);
  });

  it('replaces demo records with --seed and never seeds with --no-seed', () => {
    expect(readCountryConfig(['--member', 'XK', '--seed']).seed).toBe('reset');
    expect(readCountryConfig(['--member', 'XK', '--no-seed']).seed).toBe(false);
  });

  it("listens where the federation config puts the member (a member restarted by hand comes back where the gateway calls it)", () => {
    expect(readCountryConfig(['--member', 'HR'], { host: '127.0.0.2', port: 5113 })).toMatchObject({ port: 5113, host: '127.0.0.2' });
    expect(readCountryConfig(['--member', 'MK'], { host: '127.0.0.1', port: 5115 }).port).toBe(5115);
    expect(readCountryConfig(['--member', 'HR', '--port', '5200'], { host: '127.0.0.1', port: 5113 }).port).toBe(5200);
  });

  it('never loads demo records with NODE_ENV=production unless --seed asks', () => {
    process.env.NODE_ENV = 'production';
    expect(readCountryConfig(['--member', 'XK']).seed).toBe(false);
    expect(readCountryConfig(['--member', 'XK', '--seed']).seed).toBe('reset');
  });

  it('stops with a message naming what is missing or wrong', () => {
    expect(() => readCountryConfig([])).toThrow(/--member XK \(or set MEMBER=XK\)/);
    expect(() => readCountryConfig(['--member', 'Kosovo'])).toThrow(/not an ISO 3166-1 alpha-2 code/);
    expect(() => readCountryConfig(['--member', 'MK'])).toThrow(/MK is not in the federation config and has no default port: pass --port/);
    process.env.PORT = 'eighty';
    expect(() => readCountryConfig(['--member', 'XK'])).toThrow(/PORT must be a port number/);
  });
});

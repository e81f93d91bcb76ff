/**
 * What `npm start` starts from the federation config: one process per
 * unsharded subgraph and per member, on the port its URL names, each with its
 * own SQLite file in DATA_DIR.
 */
import path from 'node:path';
import { loadFederationConfig } from '../gateway/config';
import { readAuthConfig } from '../lib/security/config';
import { createTokenVerifier } from '../lib/security/tokens';
import { developmentTokenLines, serviceSpecs } from './start-all';

const ROOT = path.resolve(__dirname, '..');

it('starts procurement and every member of config/federation.json on their configured ports and own databases', () => {
  const specs = serviceSpecs(loadFederationConfig(path.join(ROOT, 'config', 'federation.json')), '/data');
  expect(specs.map((s) => [s.name, s.args ?? [], s.env, s.healthUrl])).toEqual([
    ['procurement', [], { PORT: '4001', HOST: '127.0.0.1', DATABASE_URL: 'sqlite:/data/procurement.sqlite' }, 'http://127.0.0.1:4001/health'],
    ['XK', ['--member', 'XK'], { PORT: '4011', HOST: '127.0.0.1', DATABASE_URL: 'sqlite:/data/country-xk.sqlite' }, 'http://127.0.0.1:4011/health'],
    ['AL', ['--member', 'AL'], { PORT: '4012', HOST: '127.0.0.1', DATABASE_URL: 'sqlite:/data/country-al.sqlite' }, 'http://127.0.0.1:4012/health'],
    ['HR', ['--member', 'HR'], { PORT: '4013', HOST: '127.0.0.1', DATABASE_URL: 'sqlite:/data/country-hr.sqlite' }, 'http://127.0.0.1:4013/health'],
    ['BG', ['--member', 'BG'], { PORT: '4014', HOST: '127.0.0.1', DATABASE_URL: 'sqlite:/data/country-bg.sqlite' }, 'http://127.0.0.1:4014/health'],
  ]);
  expect(specs[0].script).toMatch(/services[/\\]procurement[/\\]index\.js$/);
  expect(specs[1].script).toMatch(/services[/\\]country[/\\]index\.js$/);
});

it('runs a service on the database URL given for its name (npm start --mysql), the others on SQLite', () => {
  const specs = serviceSpecs(loadFederationConfig(path.join(ROOT, 'config', 'federation.json')), '/data', {
    procurement: 'mysql://procurement:p@127.0.0.1:3306/jpg_procurement',
    AL: 'mysql://al_ministry:a@127.0.0.1:3306/jpg_country_al',
  });
  expect(Object.fromEntries(specs.map((s) => [s.name, s.env.DATABASE_URL]))).toEqual({
    procurement: 'mysql://procurement:p@127.0.0.1:3306/jpg_procurement',
    XK: 'sqlite:/data/country-xk.sqlite',
    AL: 'mysql://al_ministry:a@127.0.0.1:3306/jpg_country_al',
    HR: 'sqlite:/data/country-hr.sqlite',
    BG: 'sqlite:/data/country-bg.sqlite',
  });
});

describe('the development tokens npm start prints', () => {
  it('gives one token per role that the gateway verifier accepts with exactly that role', async () => {
    const lines = await developmentTokenLines('http://127.0.0.1:4000', ['XK', 'AL']);
    const tokens = Object.fromEntries(lines.map((line) => /^\s{2}(\S+)\s+(ey\S+)$/.exec(line)).filter((m): m is RegExpExecArray => m !== null).map((m) => [m[1], m[2]]));
    expect(Object.keys(tokens).sort()).toEqual(['analyst', 'ministry:AL', 'ministry:XK', 'procurement']);
    const verifier = createTokenVerifier(readAuthConfig().verifier);
    for (const [role, token] of Object.entries(tokens)) expect((await verifier.verify(token)).identity.roles).toEqual([role]);
  });
});

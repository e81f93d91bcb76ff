/**
 * The federation config: the committed one loads, and each kind of mistake
 * stops start-up with a message naming the field and the problem.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, FederationConfigInput, loadFederationConfig, parseFederationConfig } from '../config';

const ROOT = path.resolve(__dirname, '..', '..');
const COMMITTED = path.join(ROOT, 'config', 'federation.json');

const committedInput = (): FederationConfigInput => JSON.parse(fs.readFileSync(COMMITTED, 'utf8'));
const parse = (input: unknown) => parseFederationConfig(input, { origin: 'test.json', baseDir: path.join(ROOT, 'config') });

describe('the committed federation config', () => {
  it('names procurement and the four members, each on its own port, with the committed SDLs', () => {
    const config = loadFederationConfig(COMMITTED);
    expect(config.gateway).toEqual({ port: 4000, host: '127.0.0.1' });
    expect(config.supergraph.source).toBe('sdl');
    const [procurement, country] = config.subgraphs;
    expect(procurement).toMatchObject({ name: 'procurement', url: 'http://127.0.0.1:4001/graphql', sdl: path.join(ROOT, 'schema', 'procurement.graphql') });
    expect(country.sharded).toMatchObject({ key: ['code', 'countryCode'], argument: 'country', timeoutMs: 3000 });
    expect(country.sdl).toBe(path.join(ROOT, 'schema', 'country.graphql'));
    expect(Object.keys(country.sharded!.members)).toEqual(['XK', 'AL', 'HR', 'BG']);
  });

  it('fills in defaults for what it leaves out', () => {
    const input = committedInput();
    delete input.gateway;
    delete input.supergraph;
    delete input.subgraphs[1].sharded!.timeoutMs;
    delete input.subgraphs[1].sharded!.recheckMs;
    const config = parse(input);
    expect(config.gateway).toEqual({ port: 4000, host: '127.0.0.1' });
    expect(config.supergraph).toEqual({ source: 'sdl', pollIntervalMs: 10_000 });
    expect(config.subgraphs[1].sharded).toMatchObject({ timeoutMs: 3000, recheckMs: 5000, contractRecheckMs: 60_000 });
  });

  it('gives every unsharded subgraph a timeout, and every subgraph breaker and retry settings', () => {
    const config = parse(committedInput());
    const [procurement, country] = config.subgraphs;
    expect(procurement.timeoutMs).toBe(10_000);
    expect(country.timeoutMs).toBeUndefined();
    for (const subgraph of config.subgraphs) {
      expect(subgraph.breaker).toEqual({ failureThreshold: 5, timeoutThreshold: 1, windowMs: 30_000, probeIntervalMs: 1000 });
      expect(subgraph.retry).toEqual({ attempts: 2, delayMs: 50 });
    }
  });

  it('takes breaker and retry fields one by one, the rest defaulted', () => {
    const input = committedInput() as any;
    input.subgraphs[0].breaker = { failureThreshold: 2 };
    input.subgraphs[1].retry = { attempts: 0 };
    const [procurement, country] = parse(input).subgraphs;
    expect(procurement.breaker).toEqual({ failureThreshold: 2, timeoutThreshold: 1, windowMs: 30_000, probeIntervalMs: 1000 });
    expect(country.retry).toEqual({ attempts: 0, delayMs: 50 });
  });
});

describe('a bad config stops start-up, naming the field', () => {
  const cases: Array<[string, (c: any) => void, RegExp]> = [
    ['a member code that is not two capital letters', (c) => (c.subgraphs[1].sharded.members.xk = { url: 'http://127.0.0.1:4099/graphql' }), /subgraphs\[1\]\.sharded\.members\.xk: member code must be two capital letters/],
    ['a URL that is not one', (c) => (c.subgraphs[0].url = 'localhost:4001'), /subgraphs\[0\]\.url: must be an (absolute )?http\(s\) URL \(got "localhost:4001"\)/],
    ['two services on one port', (c) => (c.subgraphs[1].sharded.members.AL.url = 'http://127.0.0.1:4011/graphql'), /subgraphs\[1\]\.sharded\.members\.AL\.url: host:port .*"127\.0\.0\.1:4011" is already used by subgraphs\[1\]\.sharded\.members\.XK\.url/],
    ["a service on the gateway's own port", (c) => (c.subgraphs[0].url = 'http://127.0.0.1:4000/graphql'), /subgraphs\[0\]\.url: uses the gateway's own address/],
    ['a misspelt field', (c) => (c.subgraphs[1].shardd = {}), /subgraphs\[1\]\.shardd: is not a known field/],
    ['an unknown supergraph source', (c) => (c.supergraph.source = 'uplink'), /supergraph\.source: must be "sdl" or "introspect"/],
    ['a timeout that is not a positive number', (c) => (c.subgraphs[1].sharded.timeoutMs = -5), /subgraphs\[1\]\.sharded\.timeoutMs: must be a positive whole number/],
    ['an SDL file that does not exist', (c) => (c.subgraphs[0].sdl = '../schema/nope.graphql'), /subgraphs\[0\]\.sdl: file .*nope\.graphql does not exist/],
    ['a sharded subgraph without its contract', (c) => delete c.subgraphs[1].sdl, /subgraphs\[1\]\.sdl: is required for a sharded subgraph/],
    ['a sharded subgraph with a URL of its own', (c) => (c.subgraphs[1].url = 'http://127.0.0.1:4050/graphql'), /subgraphs\[1\]\.url: is not for a sharded subgraph/],
    ['an unsharded subgraph without a URL', (c) => delete c.subgraphs[0].url, /subgraphs\[0\]\.url: is required/],
    ['two subgraphs of one name', (c) => (c.subgraphs[1].name = 'procurement'), /subgraphs\[1\]\.name: subgraph name "procurement" is already used by subgraphs\[0\]\.name/],
    ['no subgraphs', (c) => (c.subgraphs = []), /subgraphs: must be a non-empty list/],
    ['a port out of range', (c) => (c.gateway.port = 70000), /gateway\.port: must be a port number 0-65535/],
    ['a breaker threshold of 0', (c) => (c.subgraphs[1].breaker = { timeoutThreshold: 0 }), /subgraphs\[1\]\.breaker\.timeoutThreshold: must be a positive whole number/],
    ['a misspelt breaker field', (c) => (c.subgraphs[0].breaker = { probeMs: 100 }), /subgraphs\[0\]\.breaker\.probeMs: is not a known field \(known: failureThreshold, timeoutThreshold, windowMs, probeIntervalMs\)/],
    ['unbounded retries', (c) => (c.subgraphs[0].retry = { attempts: 50 }), /subgraphs\[0\]\.retry\.attempts: must be at most 5/],
    ['a negative retry delay', (c) => (c.subgraphs[0].retry = { delayMs: -1 }), /subgraphs\[0\]\.retry\.delayMs: must be a whole number, 0 or more/],
    ['a subgraph timeout of 0 (unbounded is not an option)', (c) => (c.subgraphs[0].timeoutMs = 0), /subgraphs\[0\]\.timeoutMs: must be a positive whole number/],
    ["a sharded subgraph's own timeoutMs", (c) => (c.subgraphs[1].timeoutMs = 1000), /subgraphs\[1\]\.timeoutMs: is not for a sharded subgraph: its members' timeout is sharded\.timeoutMs/],
    ['a gateway port that fetch clients refuse', (c) => (c.gateway.port = 6000), /gateway\.port: port 6000 is a port browsers and fetch clients refuse/],
    ['a member on a port that fetch clients refuse', (c) => (c.subgraphs[1].sharded.members.AL.url = 'http://127.0.0.1:6667/graphql'), /subgraphs\[1\]\.sharded\.members\.AL\.url: port 6667 is a port browsers and fetch clients refuse/],
  ];

  it.each(cases)('%s', (_what, spoil, message) => {
    const input = committedInput();
    spoil(input);
    expect(() => parse(input)).toThrow(ConfigError);
    expect(() => parse(input)).toThrow(message);
  });

  it('names a file that cannot be read, or is not JSON', () => {
    expect(() => loadFederationConfig('/nonexistent/federation.json')).toThrow(/\/nonexistent\/federation\.json: \(file\): cannot be read \(ENOENT\); set GATEWAY_CONFIG/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-config-')), 'federation.json');
    fs.writeFileSync(file, '{ "subgraphs": [ }');
    expect(() => loadFederationConfig(file)).toThrow(/\(file\): is not JSON/);
    fs.rmSync(path.dirname(file), { recursive: true });
  });
});

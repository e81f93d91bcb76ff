/**
 * How the gateway CLI reads its start-up settings: flags over variables over
 * the config file, and a supergraph file served with or without a config.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readGatewayStartup } from '../startup';

const ROOT = path.resolve(__dirname, '..', '..');
const COMMITTED = path.join(ROOT, 'config', 'federation.json');
const saved = { ...process.env };
let cwd: string;

beforeEach(() => {
  cwd = process.cwd();
  delete process.env.PORT;
  delete process.env.HOST;
  delete process.env.GATEWAY_CONFIG;
});

afterEach(() => {
  process.chdir(cwd);
  process.env = { ...saved };
});

it('reads config/federation.json by default, on its port and host', () => {
  process.chdir(ROOT);
  const startup = readGatewayStartup([]);
  expect(startup.config.origin).toBe(COMMITTED);
  expect(startup).toMatchObject({ port: 4000, host: '127.0.0.1', supergraphFile: undefined });
});

it('takes the config from GATEWAY_CONFIG or --config, and the port from PORT or --port (the flag wins)', () => {
  process.env.GATEWAY_CONFIG = COMMITTED;
  process.env.PORT = '4500';
  expect(readGatewayStartup([]).port).toBe(4500);
  expect(readGatewayStartup(['--port', '4600']).port).toBe(4600);
  expect(readGatewayStartup(['--config', COMMITTED, '--host=0.0.0.0'])).toMatchObject({ host: '0.0.0.0' });
});

it('serves a supergraph file as plain federation when there is no config file', () => {
  process.chdir(fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-startup-')));
  const startup = readGatewayStartup(['--supergraph', 'supergraph.graphql']);
  expect(startup.supergraphFile).toBe(path.resolve('supergraph.graphql'));
  expect(startup.config.subgraphs).toEqual([]);
  expect(startup.port).toBe(4000);
});

it('refuses a config named explicitly that does not exist, even with a supergraph file', () => {
  expect(() => readGatewayStartup(['--supergraph', 'x.graphql', '--config', '/nonexistent.json'])).toThrow(/\/nonexistent\.json: \(file\): cannot be read/);
});

it('refuses a port that is not one', () => {
  process.env.GATEWAY_CONFIG = COMMITTED;
  expect(() => readGatewayStartup(['--port', 'eighty'])).toThrow(/--port must be a port number/);
});

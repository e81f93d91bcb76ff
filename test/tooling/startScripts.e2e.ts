/**
 * The start scripts a ministry runs, run as it runs them (npm run …, the
 * built dist/), with a temporary DATA_DIR and a federation config on ports
 * this test holds:
 *   - every --help prints usage and does nothing else: exit 0, nothing written, nothing listening
 *     (the config's ports are held here, so a script that tried to listen would fail), no benchmark run,
 *     no web build (its output would come before the usage);
 *   - npm start with a port already taken stops at once, naming the port and its holder, with nothing started.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensureBuild, ROOT } from '../testkit/build';
import { CONTRACT_SDL, PROCUREMENT_SDL } from '../testkit/federation';

const run = promisify(execFile);
let dir: string;
let dataDir: string;
let configFile: string;
const held: net.Server[] = [];
const ports: number[] = [];

function hold(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      held.push(server);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

/** Every file under the project's written places, with its modification time: what a --help must not change. */
function snapshot(): Record<string, number> {
  const files: Record<string, number> = {};
  for (const folder of [path.join(ROOT, 'schema'), path.join(ROOT, 'config'), dir]) {
    for (const name of fs.readdirSync(folder, { recursive: true }) as string[]) {
      const file = path.join(folder, name);
      files[file] = fs.statSync(file).mtimeMs;
    }
  }
  return files;
}

beforeAll(async () => {
  ensureBuild();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-scripts-'));
  dataDir = path.join(dir, 'data');
  for (let i = 0; i < 4; i++) ports.push(await hold());
  const [gateway, procurement, xk, hr] = ports;
  configFile = path.join(dir, 'federation.json');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      gateway: { port: gateway, host: '127.0.0.1' },
      subgraphs: [
        { name: 'procurement', url: `http://127.0.0.1:${procurement}/graphql`, sdl: PROCUREMENT_SDL },
        { name: 'country', sdl: CONTRACT_SDL, sharded: { key: ['code', 'countryCode'], argument: 'country', members: { XK: { url: `http://127.0.0.1:${xk}/graphql` }, HR: { url: `http://127.0.0.1:${hr}/graphql` } } } },
      ],
    }),
  );
}, 180_000);

afterAll(async () => {
  await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))));
  fs.rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ ...process.env, DATA_DIR: dataDir, GATEWAY_CONFIG: configFile, PORT: '', NODE_ENV: '' });

describe('--help prints usage and does nothing else', () => {
  const scripts: Array<[string, string[]]> = [
    ['start:procurement', []],
    ['start:gateway', []],
    ['start:country', ['--member', 'HR']],
    ['seed:country', ['--member', 'HR']],
    ['schema:print', []],
    ['safelist', []],
    ['token', []],
    ['jpg', []],
    ['jpg', ['member', 'add', 'MK']],
    ['jpg', ['subgraph', 'check']],
    ['audit:federation', []],
    ['bench', []],
    ['bench:import', []],
    ['bench:planning', []],
    // npm start builds the web apps too, but not for --help.
    ['start', []],
  ];

  it.each(scripts)('npm run -s %s -- %j --help', async (script, args) => {
    const before = snapshot();
    const { stdout, stderr } = await run('npm', ['run', '-s', script, '--', ...args, '--help'], { cwd: ROOT, env: env(), timeout: 60_000 });
    expect(stdout).toMatch(/^Usage: /);
    expect(stderr).toBe('');
    expect(snapshot()).toEqual(before);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('node dist/scripts/start-all.js --help (npm start -- --help, after its build)', () => {
    const before = snapshot();
    const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'start-all.js'), '--help'], { cwd: ROOT, env: env(), encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm start/);
    expect(snapshot()).toEqual(before);
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});

it('npm start with a port already taken stops at once, naming the port and what holds it, and starts nothing', () => {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'start-all.js')], { cwd: ROOT, env: env(), encoding: 'utf8', timeout: 30_000 });
  expect(result.status).toBe(1);
  // Every port of the config is held by this test's process: each is named, with its holder.
  for (const [name, port] of [['gateway', ports[0]], ['procurement', ports[1]], ['XK', ports[2]], ['HR', ports[3]]] as const) {
    expect(result.stderr).toMatch(new RegExp(`Port ${port} \\(${name}\\) on 127\\.0\\.0\\.1 is already in use by (node \\(pid ${process.pid}|another process)`));
  }
  expect(result.stderr).toContain('Nothing was started.');
  expect(result.stdout).not.toContain('The federation is up');
  expect(fs.existsSync(dataDir)).toBe(false);
});

it("npm start shows a service's real start-up error, not a time-out", () => {
  // 192.0.2.1 (TEST-NET-1) is no address of this machine: the services cannot bind it and say so.
  const unbindable = path.join(dir, 'unbindable.json');
  fs.writeFileSync(
    unbindable,
    JSON.stringify({
      gateway: { port: 5100, host: '192.0.2.1' },
      subgraphs: [
        { name: 'procurement', url: 'http://192.0.2.1:5101/graphql', sdl: PROCUREMENT_SDL },
        { name: 'country', sdl: CONTRACT_SDL, sharded: { key: ['code', 'countryCode'], argument: 'country', members: { XK: { url: 'http://192.0.2.1:5102/graphql' } } } },
      ],
    }),
  );
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'start-all.js')], { cwd: ROOT, env: { ...env(), GATEWAY_CONFIG: unbindable, DATA_DIR: path.join(dir, 'unbindable-data') }, encoding: 'utf8', timeout: 60_000 });
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/npm start failed: (procurement|XK) exited before it was up \(exit code 1\); its last output:/);
  expect(result.stderr + result.stdout).toMatch(/EADDRNOTAVAIL/);
  expect(Date.now() - started).toBeLessThan(50_000);
}, 90_000);

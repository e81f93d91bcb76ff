/**
 * `npm start -- --mysql <admin URL>` for real: the start script (built, as
 * npm start runs it) provisions throwaway databases and users on MariaDB and
 * runs every service as its own process on them. One cross-member query
 * through the gateway with the development token it printed; each ministry's
 * user is refused another's database; no service sees the administrator URL
 * or a password it does not need; SIGTERM to the process group stops it all.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { memberAccount, subgraphAccount } from '../../lib/db/provision';
import { freePort } from '../testkit/ports';
import { connectMysql, dropDatabaseAccounts, testBackend } from '../testkit/database';
import { describeWith, MARIADB } from '../testkit/systemParts';

const ROOT = path.resolve(__dirname, '..', '..');
const MEMBERS = ['XK', 'AL', 'HR', 'BG'];


/** The federation config with every service on a free port of 127.0.0.1 (SDL paths made absolute). */
async function configWithFreePorts(file: string): Promise<{ ports: number[] }> {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'config', 'federation.json'), 'utf8'));
  const ports: number[] = [];
  const next = async () => {
    const port = await freePort();
    ports.push(port);
    return port;
  };
  config.gateway.port = await next();
  for (const subgraph of config.subgraphs) {
    subgraph.sdl = path.resolve(ROOT, 'config', subgraph.sdl);
    if (subgraph.url) subgraph.url = `http://127.0.0.1:${await next()}/graphql`;
    for (const member of Object.values(subgraph.sharded?.members ?? {}) as { url: string }[]) member.url = `http://127.0.0.1:${await next()}/graphql`;
  }
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  return { ports };
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

function childPids(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function environOf(pid: number): Record<string, string> {
  const raw = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
  return Object.fromEntries(raw.split('\0').filter(Boolean).map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
}

function withoutTestDatabase(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { TEST_DATABASE_URL: _omitted, ...rest } = env;
  return rest;
}

describeWith(MARIADB, 'npm start -- --mysql: the federation on MariaDB, one database and user per ministry', () => {
  const adminUrl = testBackend().kind === 'mysql' ? (testBackend() as { serverUrl: string }).serverUrl : '';
  const prefix = `s${crypto.randomBytes(3).toString('hex')}_`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-mysql-start-'));
  const configFile = path.join(dataDir, 'federation.json');
  const accounts = [...MEMBERS.map((code) => memberAccount(code, prefix)), subgraphAccount('procurement', prefix)];
  let start: ChildProcess | undefined;
  let exited: Promise<number | null>;
  let output = '';
  let ports: number[] = [];
  let gatewayUrl = '';

  beforeAll(async () => {
    ({ ports } = await configWithFreePorts(configFile));
    gatewayUrl = `http://127.0.0.1:${ports[0]}/graphql`;
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
    start = spawn(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'start-all.js'), '--mysql', adminUrl, '--mysql-prefix', prefix], {
      cwd: ROOT,
      // Without the test's own TEST_DATABASE_URL: the administrator URL reaches the script through --mysql only.
      env: { ...withoutTestDatabase(process.env), GATEWAY_CONFIG: configFile, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: stopped as a whole below
    });
    start.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    start.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((resolve) => start!.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 150_000;
    while (!/^\s+procurement\s+ey/m.test(output)) {
      if (start.exitCode !== null) throw new Error(`npm start exited (${start.exitCode}):\n${output}`);
      if (Date.now() > deadline) throw new Error(`npm start did not come up within 150 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 240_000);

  afterAll(async () => {
    // Only when a test failed before stopping it: SIGTERM (npm start stops its children), SIGKILL if that hangs.
    if (start?.pid && start.exitCode === null) {
      process.kill(-start.pid, 'SIGTERM');
      const killer = setTimeout(() => process.kill(-start!.pid!, 'SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    }
    await dropDatabaseAccounts(adminUrl, accounts);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('answers a query across every member through the gateway, with the development token npm start printed', async () => {
    const token = /^\s+procurement\s+(ey\S+)$/m.exec(output)![1];
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ members { code name ministry { name } holdings { quantity } } }' }),
    });
    const body = (await response.json()) as { data?: { members: { code: string; ministry: { name: string } | null; holdings: unknown[] | null }[] }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data!.members.map((m) => m.code).sort()).toEqual([...MEMBERS].sort());
    for (const member of body.data!.members) {
      expect([member.code, typeof member.ministry?.name]).toEqual([member.code, 'string']);
      expect([member.code, (member.holdings ?? []).length > 0]).toEqual([member.code, true]);
    }
  });

  it("gives each service only its own user's URL: no administrator URL, no other service's password", () => {
    const services = childPids(start!.pid!).map(environOf);
    expect(services).toHaveLength(MEMBERS.length + 2);
    const credentials = JSON.parse(fs.readFileSync(path.join(dataDir, 'mysql-credentials.json'), 'utf8')) as Record<string, string>;
    const users = new Set<string>();
    for (const env of services) {
      expect(env.START_MYSQL_URL).toBeUndefined();
      expect(Object.values(env).some((v) => v.includes(adminUrl))).toBe(false);
      if (!env.DATABASE_URL) continue; // the gateway
      const url = new URL(env.DATABASE_URL);
      const user = decodeURIComponent(url.username);
      expect(decodeURIComponent(url.password)).toBe(credentials[user]);
      const others = Object.entries(credentials).filter(([u]) => u !== user).map(([, p]) => p);
      expect(Object.values(env).some((v) => others.some((p) => v.includes(p)))).toBe(false);
      users.add(user);
    }
    expect([...users].sort()).toEqual(accounts.map((a) => a.user).sort());
    for (const password of Object.values(credentials)) expect(output).not.toContain(password);
  });

  it("lets each ministry's user (and procurement's) read its own seeded database and refuses it every other's", async () => {
    const credentials = JSON.parse(fs.readFileSync(path.join(dataDir, 'mysql-credentials.json'), 'utf8')) as Record<string, string>;
    for (const own of accounts) {
      const url = new URL(adminUrl);
      [url.username, url.password, url.pathname] = [own.user, encodeURIComponent(credentials[own.user]), `/${own.database}`];
      const conn = await connectMysql(url.toString());
      const table = own.user.endsWith('_ministry') ? 'holding' : 'joint_order';
      const [rows] = await conn.query(`SELECT COUNT(*) AS n FROM ${table}`);
      expect([own.user, table, Number((rows as { n: number }[])[0].n) > 0]).toEqual([own.user, table, true]);
      for (const other of accounts.filter((a) => a.user !== own.user)) {
        await expect(conn.query(`SELECT COUNT(*) FROM \`${other.database}\`.migrations`)).rejects.toMatchObject({ code: 'ER_TABLEACCESS_DENIED_ERROR' });
      }
      await conn.end();
    }
  });

  it('--help prints the usage, --mysql included, and starts nothing', () => {
    const help = execFileSync(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'start-all.js'), '--help'], { cwd: ROOT, env: { ...withoutTestDatabase(process.env), DATA_DIR: path.join(dataDir, 'help') }, encoding: 'utf8' });
    expect(help).toMatch(/^Usage: npm start/);
    expect(help).toContain('--mysql <admin URL>');
    expect(fs.existsSync(path.join(dataDir, 'help'))).toBe(false);
  });

  it('stops every process on SIGTERM to the group and frees every port', async () => {
    process.kill(-start!.pid!, 'SIGTERM');
    await exited;
    for (const port of ports) expect([port, await listening(port)]).toEqual([port, false]);
  }, 30_000);
});

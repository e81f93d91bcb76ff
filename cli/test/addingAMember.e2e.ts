/**
 * README "Adding a member", step by step, on a running federation: a fifth
 * member with a made-up code (MK) joins with `jpg member add`, its service is
 * started with the exact command jpg printed, and its data is answered
 * through the gateway, which is never restarted (the same process, watching
 * its config file). On MariaDB (TEST_DATABASE_URL) the member gets its own
 * database and user (`--mysql`); otherwise a SQLite file in DATA_DIR.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadFederationConfig } from '../../gateway/config';
import { RunningGateway, startGateway } from '../../gateway/server';
import { memberAccount } from '../../lib/db/provision';
import { memoryLogger } from '../../lib/observability/logger';
import { ensureBuild, ROOT } from '../../test/testkit/build';
import { dropDatabaseAccounts, testBackend } from '../../test/testkit/database';
import { CONTRACT_SDL, Federation, PROCUREMENT_SDL, startFederation } from '../../test/testkit/federation';
import { runJpg } from './runJpg';

const backend = testBackend();
const prefix = `t${randomBytes(3).toString('hex')}_`;
let federation: Federation;
let gateway: RunningGateway;
let dir: string;
let configFile: string;
let service: ChildProcess | undefined;
let serviceOutput = '';
const log = memoryLogger('info', 'gateway');

beforeAll(async () => {
  ensureBuild();
  federation = await startFederation({ members: ['XK', 'AL'] });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-member-add-'));
  configFile = path.join(dir, 'federation.json');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      gateway: { port: 0, host: '127.0.0.1' },
      subgraphs: [
        { name: 'procurement', url: federation.procurement.url, sdl: PROCUREMENT_SDL },
        { name: 'country', sdl: CONTRACT_SDL, sharded: { key: ['code', 'countryCode'], argument: 'country', members: { XK: { url: federation.members.XK.url }, AL: { url: federation.members.AL.url } } } },
      ],
    }),
  );
  gateway = await startGateway({ config: loadFederationConfig(configFile), port: 0, host: '127.0.0.1', logger: log.logger, webApps: false, watchConfig: true });
}, 240_000);

afterAll(async () => {
  if (service?.pid) {
    process.kill(-service.pid, 'SIGTERM');
    await new Promise((resolve) => service!.once('exit', resolve));
  }
  await gateway?.stop();
  await federation?.stop();
  if (backend.kind === 'mysql') await dropDatabaseAccounts(backend.serverUrl, [memberAccount('MK', prefix)]);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function asMinistryOfMK(query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await federation.authorization(['ministry:MK'])) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

it('joins a fifth member to the running federation and answers its data through the gateway, without a gateway restart', async () => {
  const gatewayPort = gateway.port;
  const env = { DATA_DIR: path.join(dir, 'data') };
  Object.assign(process.env, env);

  // Step 1: jpg member add.
  const database = backend.kind === 'mysql' ? ['--mysql', backend.serverUrl, '--mysql-prefix', prefix] : [];
  const added = await runJpg(['member', 'add', 'MK', '--name', 'Ministry of Defence of North Macedonia', '--country-name', 'North Macedonia', '--config', configFile, ...database]);
  expect(added.stderr).not.toMatch(/^jpg: /m);
  expect(added.code).toBe(0);
  const command = added.stdout.split('\n').find((line) => line.includes('npm run start:country'))!.trim();
  expect(command).toMatch(/^PORT=\d+ DATABASE_URL='[^']+' npm run start:country -- --member MK --no-seed$/);
  expect(loadFederationConfig(configFile).subgraphs[1].sharded!.members.MK).toBeDefined();

  // Step 2: its service, started with exactly that command.
  service = spawn('sh', ['-c', command], { cwd: ROOT, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  service.stdout!.on('data', (chunk) => (serviceOutput += chunk));
  service.stderr!.on('data', (chunk) => (serviceOutput += chunk));

  // Step 3: jpg member list shows it in service, once it answers.
  const deadline = Date.now() + 60_000;
  let state: any;
  while (Date.now() < deadline) {
    const listed = await runJpg(['member', 'list', '--gateway', gateway.origin, '--format', 'json', '--config', configFile]);
    state = JSON.parse(listed.stdout || '{"members":[]}').members.find((m: any) => m.code === 'MK');
    if (state?.status === 'available') break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  expect({ state, serviceOutput }).toMatchObject({ state: { status: 'available' } });

  // Its ministry enters its record through the gateway, and the graph answers it with procurement's registry.
  const set = await asMinistryOfMK('mutation { setMinistry(country: "MK", input: { name: "Ministry of Defence", minister: "A. Minister", headquarters: "Skopje" }) { name } }');
  expect(set.errors).toBeUndefined();
  const read = await asMinistryOfMK('{ members { code name membership ministry { name headquarters } } }');
  // Procurement also lists HR and BG, which this federation's config leaves out (UNKNOWN_MEMBER); MK answers.
  expect((read.errors ?? []).filter((e: any) => e.extensions?.country === 'MK' || e.extensions?.country === undefined)).toEqual([]);
  expect(read.data.members.find((m: any) => m.code === 'MK')).toEqual({ code: 'MK', name: 'North Macedonia', membership: 'MEMBER', ministry: { name: 'Ministry of Defence', headquarters: 'Skopje' } });

  // The same gateway process, never restarted: same port, one start-up line.
  expect(gateway.port).toBe(gatewayPort);
  expect(log.entries.filter((e) => /^gateway on /.test(String(e.msg)))).toHaveLength(1);
}, 180_000);

it('takes the member out again with jpg member remove: the gateway drops it without a restart', async () => {
  const removed = await runJpg(['member', 'remove', 'MK', '--config', configFile]);
  expect(removed.code).toBe(0);
  expect(removed.stdout).toMatch(/^Member MK removed from /);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && gateway.ready().members.MK) await new Promise((resolve) => setTimeout(resolve, 100));
  const answer = await asMinistryOfMK('{ ministry(country: "MK") { name } }');
  expect(answer.errors[0].extensions).toMatchObject({ code: 'UNKNOWN_MEMBER', country: 'MK' });
  expect((await runJpg(['member', 'remove', 'MK', '--config', configFile])).code).toBe(1);
});

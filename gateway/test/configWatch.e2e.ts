/**
 * The gateway watches its federation config file: a changed, valid config is
 * applied without a restart (a member added, moved, removed), requests in
 * flight finish on the member set they started with, and an invalid config
 * is refused with a log line naming the field while the last good one keeps
 * serving.
 *
 *   XK, AL  real country subgraphs (AL joins later through the file)
 *   RS      a slow fixture, removed while a request to it is in flight
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadFederationConfig } from '../config';
import { memoryLogger } from '../../lib/observability/logger';
import { RunningGateway, startGateway } from '../server';
import { CountryService, startCountryService } from '../../services/country/service';
import { authorizationFor, CONTRACT_SDL, Federation, PROCUREMENT_SDL, startFederation } from '../../test/testkit/federation';
import { FixtureMember, fixtureMinistry, startFixtureMember } from './fixtures/fixtureMember';

let federation: Federation;
let slowRS: FixtureMember;
let gateway: RunningGateway;
let movedAL: CountryService | undefined;
let dir: string;
let configFile: string;
const log = memoryLogger('info', 'gateway');

function writeConfig(members: Record<string, string>, extra: Record<string, unknown> = {}): void {
  const config = {
    gateway: { port: 0, host: '127.0.0.1' },
    subgraphs: [
      { name: 'procurement', url: federation.procurement.url, sdl: PROCUREMENT_SDL },
      { name: 'country', sdl: CONTRACT_SDL, sharded: { key: ['code', 'countryCode'], argument: 'country', recheckMs: 0, members: Object.fromEntries(Object.entries(members).map(([code, url]) => [code, { url }])), ...extra } },
    ],
  };
  // As an editor or jpg does it: a new file renamed over the old one.
  fs.writeFileSync(`${configFile}.tmp`, JSON.stringify(config, null, 2));
  fs.renameSync(`${configFile}.tmp`, configFile);
}

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function query(text: string): Promise<any> {
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(await authorizationFor('procurement')) }, body: JSON.stringify({ query: text }) });
  return response.json();
}

const ministryOf = (code: string) => `{ ministry(country: "${code}") { name } }`;
const memberCodes = () => Object.keys(gateway.ready().members ?? {}).sort();

beforeAll(async () => {
  federation = await startFederation({ members: ['XK', 'AL'] });
  slowRS = await startFixtureMember({ name: 'RS' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-watch-'));
  configFile = path.join(dir, 'federation.json');
  writeConfig({ XK: federation.members.XK.url, RS: slowRS.url });
  gateway = await startGateway({ config: loadFederationConfig(configFile), port: 0, host: '127.0.0.1', logger: log.logger, webApps: false, watchConfig: true });
}, 240_000);

afterAll(async () => {
  await gateway?.stop();
  await slowRS?.stop();
  await movedAL?.stop();
  await federation?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('adds a member written into the config, without a restart', async () => {
  const before = await query(ministryOf('AL'));
  expect(before.errors[0].extensions).toMatchObject({ code: 'UNKNOWN_MEMBER', country: 'AL' });

  writeConfig({ XK: federation.members.XK.url, AL: federation.members.AL.url, RS: slowRS.url });
  await until('AL in service', () => (gateway.ready().members as any)?.AL?.status === 'available');
  const after = await query(ministryOf('AL'));
  expect(after.errors).toBeUndefined();
  expect(after.data.ministry.name).toMatch(/Albania/);
  expect(log.entries.map((e) => e.msg)).toContainEqual(expect.stringMatching(/federation config .* applied: country members added AL$/));
});

it('refuses an invalid config with a log line naming the field, and keeps serving the last good one', async () => {
  const good = memberCodes();
  fs.writeFileSync(configFile, fs.readFileSync(configFile, 'utf8').replace('"AL"', '"al"'));
  const refusal = await until('the refusal', () => log.entries.find((e) => /change refused/.test(String(e.msg))));
  expect(refusal.level).toBe(50);
  expect(refusal.msg).toMatch(/subgraphs\[1\]\.sharded\.members\.al: member code must be two capital letters/);
  expect(memberCodes()).toEqual(good);
  const still = await query(ministryOf('AL'));
  expect(still.data.ministry.name).toMatch(/Albania/);
});

it('moves a member to another URL', async () => {
  await federation.members.AL.stop();
  movedAL = await startCountryService({ member: 'AL', databaseUrl: federation.members.AL.databaseUrl });
  writeConfig({ XK: federation.members.XK.url, AL: movedAL.url, RS: slowRS.url });
  await until('AL moved', () => (gateway.ready().members as any)?.AL?.url === movedAL!.url);
  const moved = await query(ministryOf('AL'));
  expect(moved.data.ministry.name).toMatch(/Albania/);
});

it('lets a request in flight finish on the member it started with when that member is removed', async () => {
  slowRS.delayMs = 1500;
  const inFlight = query(ministryOf('RS'));
  await until('the request at RS', () => slowRS.events.some((e) => e === 'RS got ministry(RS)'));
  writeConfig({ XK: federation.members.XK.url, AL: movedAL!.url });
  await until('RS removed', () => !memberCodes().includes('RS'));

  const finished = await inFlight;
  expect(finished.errors).toBeUndefined();
  expect(finished.data.ministry).toEqual({ name: fixtureMinistry('RS').name });
  const afterwards = await query(ministryOf('RS'));
  expect(afterwards.errors[0].extensions).toMatchObject({ code: 'UNKNOWN_MEMBER', country: 'RS' });
});

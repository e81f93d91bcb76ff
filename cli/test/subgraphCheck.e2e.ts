/**
 * `jpg subgraph check` against running subgraphs (asked for their SDL with the
 * gateway's signature) and proposed SDL files: a description-only change
 * passes (exit 0), a breaking one fails (exit 1) naming it, and a proposed
 * procurement schema that does not compose fails with the composition error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FixtureMember, startFixtureMember, withoutHeadquarters } from '../../gateway/test/fixtures/fixtureMember';
import { CountryService, startCountryService } from '../../services/country/service';
import { createTestDatabase, TestDatabase } from '../../test/testkit/database';
import { CONTRACT_SDL, PROCUREMENT_SDL } from '../../test/testkit/federation';
import { runJpg } from './runJpg';

const DESCRIPTION_ONLY = (sdl: string) => sdl.replace('"""The member addressed (the gateway routes on it)."""', '"""Which member (ISO code)."""');
const BREAKING = withoutHeadquarters;

let dir: string;
let configFile: string;
let database: TestDatabase;
let xk: CountryService;
let described: FixtureMember;
let broken: FixtureMember;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-check-'));
  database = await createTestDatabase('country_xk');
  [xk, described, broken] = await Promise.all([
    startCountryService({ member: 'XK', databaseUrl: database.url }),
    startFixtureMember({ name: 'AL', alterSdl: DESCRIPTION_ONLY }),
    startFixtureMember({ name: 'HR', alterSdl: BREAKING }),
  ]);
  configFile = path.join(dir, 'federation.json');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      subgraphs: [
        { name: 'procurement', url: 'http://127.0.0.1:2/graphql', sdl: PROCUREMENT_SDL },
        { name: 'country', sdl: CONTRACT_SDL, sharded: { key: ['code', 'countryCode'], argument: 'country', members: { XK: { url: xk.url }, AL: { url: described.url } } } },
      ],
    }),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all([xk?.stop(), described?.stop(), broken?.stop()]);
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const jpg = (...args: string[]) => runJpg(['subgraph', 'check', '--config', configFile, ...args]);

describe('jpg subgraph check --member (a running country subgraph)', () => {
  it('passes a real member serving the contract, its URL from the config', async () => {
    const { code, stdout, stderr } = await jpg('--member', 'XK');
    expect(stdout.trim()).toBe('PASS: 0 breaking, 0 dangerous, 0 safe');
    expect(stderr).toContain(`fetching _service { sdl } from ${xk.url}`);
    expect(code).toBe(0);
  });

  it('passes a description-only change, listing each as SAFE with kind and location', async () => {
    const { code, stdout } = await jpg('--member', 'AL');
    expect(stdout).toMatch(/^SAFE +FIELD_ARGUMENT_DESCRIPTION_CHANGED +Query\.ministry\.country +/m);
    expect(stdout).toMatch(/\nPASS: 0 breaking, 0 dangerous, 1 safe\n$/);
    expect(code).toBe(0);
  });

  it('fails a breaking change with exit code 1, naming it (--url, JSON output)', async () => {
    const { code, stdout } = await jpg('--member', 'HR', '--url', broken.url, '--format', 'json');
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ subgraph: 'country', source: broken.url, passed: false });
    expect(report.changes[0]).toMatchObject({ level: 'breaking', kind: 'FIELD_REMOVED', location: 'Ministry.headquarters' });
    expect(report.verdict).toMatch(/^FAIL: 1 breaking, .*first: breaking change FIELD_REMOVED at Ministry\.headquarters/);
    expect(code).toBe(1);
  });

  it('says which member is not in the config (usage error, exit 2)', async () => {
    const { code, stderr } = await jpg('--member', 'MK');
    expect(stderr).toContain('--member MK: not in the federation config');
    expect(code).toBe(2);
  });
});

describe('jpg subgraph check --sdl (a proposed schema)', () => {
  const proposal = (name: string, sdl: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, sdl);
    return file;
  };

  it('fails a proposed country schema with a breaking change and passes a description-only one', async () => {
    const contract = fs.readFileSync(CONTRACT_SDL, 'utf8');
    const bad = await jpg('--sdl', proposal('bad.graphql', BREAKING(contract)));
    expect(bad.stdout).toMatch(/^BREAKING +FIELD_REMOVED +Ministry\.headquarters +Field 'headquarters' was removed/m);
    expect(bad.code).toBe(1);
    const good = await jpg('--sdl', proposal('good.graphql', DESCRIPTION_ONLY(contract)));
    expect(good.stdout).toMatch(/PASS: 0 breaking/);
    expect(good.code).toBe(0);
  });

  it('composes a proposed procurement schema with the rest and fails on a composition error', async () => {
    const procurement = fs.readFileSync(PROCUREMENT_SDL, 'utf8');
    // Procurement declaring the member's own Ministry type as its own, unshareable: composition refuses it.
    const clash = `${procurement}\n"""A clash."""\ntype Ministry {\n  """Name."""\n  name: String!\n}\n`;
    const { code, stdout } = await jpg('--procurement', '--sdl', proposal('procurement.graphql', clash));
    expect(stdout).toMatch(/^ERROR +composition: .*Ministry\.name/m);
    expect(stdout).toMatch(/^SAFE +TYPE_ADDED +Ministry /m);
    expect(stdout).toMatch(/FAIL: .*first: composition: /);
    expect(code).toBe(1);
  });

  it('refuses --procurement without --sdl (exit 2)', async () => {
    const { code, stderr } = await jpg('--procurement');
    expect(stderr).toContain('--procurement checks a proposed schema: give it with --sdl <file>');
    expect(code).toBe(2);
  });
});

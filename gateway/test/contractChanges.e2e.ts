/**
 * The gateway's contract check decides with the same check as
 * `jpg subgraph check` (lib/schemaCheck): a member whose schema differs only
 * in safe ways (descriptions) stays in service; one that deploys a breaking
 * change while running is refused by the periodic re-check, naming the
 * change, without anyone contacting it.
 *
 *   AL  fixture serving the contract with a changed description
 *   HR  fixture serving the contract, redeployed later with a field removed
 */
import { Federation, startFederation } from '../../test/testkit/federation';
import { FixtureMember, fixtureMinistry, startFixtureMember, withoutHeadquarters } from './fixtures/fixtureMember';

const CONTRACT_RECHECK_MS = 300;
const MEMBERS_QUERY = '{ members { code ministry { name } } }';

let federation: Federation;
let describedAL: FixtureMember;
let redeployedHR: FixtureMember;

beforeAll(async () => {
  [describedAL, redeployedHR] = await Promise.all([
    startFixtureMember({ name: 'AL', alterSdl: (sdl) => sdl.replace('"""The member addressed (the gateway routes on it)."""', '"""Which member (ISO code)."""') }),
    startFixtureMember({ name: 'HR' }),
  ]);
  federation = await startFederation({
    members: ['XK'],
    configure: (config) => {
      const country = config.subgraphs.find((s) => s.name === 'country')!;
      country.sharded!.contractRecheckMs = CONTRACT_RECHECK_MS;
      Object.assign(country.sharded!.members, { AL: { url: describedAL.url }, HR: { url: redeployedHR.url } });
    },
  });
}, 240_000);

afterAll(async () => {
  await federation?.stop();
  await Promise.all([describedAL, redeployedHR].map((f) => f?.stop()));
});

const memberOf = (data: any, code: string) => data.members.find((m: any) => m.code === code);

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('keeps a member whose schema differs from the contract only in a description in service', async () => {
  expect(federation.gateway.ready().members.AL).toMatchObject({ status: 'available' });
  const { data, errors } = await federation.query(MEMBERS_QUERY);
  expect((errors ?? []).filter((e: any) => e.extensions?.country === 'AL')).toEqual([]);
  expect(memberOf(data, 'AL').ministry).toEqual({ name: fixtureMinistry('AL').name });
  expect(federation.logs.filter((l) => l.member === 'AL' && l.level >= 40)).toEqual([]);
});

it('refuses a running member that deploys a breaking change at the next periodic check, naming the change', async () => {
  expect(federation.gateway.ready().members.HR).toMatchObject({ status: 'available' });
  const port = redeployedHR.port;
  await redeployedHR.stop();
  redeployedHR = await startFixtureMember({ name: 'HR', port, alterSdl: withoutHeadquarters });

  const refused = await until('HR refused', () => {
    const state = federation.gateway.ready().members.HR as { status: string };
    return state.status === 'refused' ? state : undefined;
  });
  expect(refused).toMatchObject({ reason: expect.stringMatching(/^breaking change FIELD_REMOVED at Ministry\.headquarters: /) });
  // Only contract checks reached it: nobody asked it for data.
  expect(redeployedHR.received.every((query) => query.includes('_service'))).toBe(true);
  expect(federation.logs.map((l) => l.msg)).toContainEqual(expect.stringMatching(/^member HR refused: .*breaking change FIELD_REMOVED at Ministry\.headquarters/));

  const { data, errors } = await federation.query(MEMBERS_QUERY);
  expect(memberOf(data, 'HR').ministry).toBeNull();
  expect(errors).toContainEqual(expect.objectContaining({ extensions: expect.objectContaining({ code: 'MEMBER_UNAVAILABLE', country: 'HR' }) }));
});

/**
 * Value routing of the sharded country subgraph, seen from the members: which
 * requests reach which member, with what, in what order, and how the answers
 * come back together. XK, AL and HR run; BG is in procurement's registry but
 * not in the gateway's config.
 */
import { Federation, RecordedRequest, startFederation } from '../../test/testkit/federation';
import { sql } from './support';

const MEMBERS = ['XK', 'AL', 'HR'];
// The demo's budgets are dated from the day it is seeded (today): last, this and next year.
const THIS_YEAR = new Date().getUTCFullYear();
let federation: Federation;

beforeAll(async () => {
  federation = await startFederation({ members: MEMBERS });
}, 240_000);

afterAll(() => federation?.stop());

beforeEach(() => federation.resetRequestCounts());

const countryRequests = (): Record<string, RecordedRequest[]> => Object.fromEntries(MEMBERS.map((code) => [code, federation.requests(code)]));
const representationsIn = (request: RecordedRequest) => (request.variables?.representations ?? []) as Array<Record<string, unknown>>;
const ministryName = async (code: string) => (await sql(federation.members[code].service.dataSource, 'SELECT name FROM ministry WHERE country_code = ?', [code]))[0].name;

describe('entity fetches', () => {
  it('sends each member one request with only its own representations, and puts the answers back in order', async () => {
    // Every order's participants, members interleaved: one entity fetch over all of them.
    const { data, errors } = await federation.query('{ jointOrders { participants { code ministry { name } } } }');
    expect(errors).toBeUndefined();

    const requests = countryRequests();
    for (const code of MEMBERS) {
      expect(requests[code]).toHaveLength(1);
      const codes = representationsIn(requests[code][0]).map((r) => r.code);
      expect(codes.length).toBeGreaterThan(0);
      expect(new Set(codes)).toEqual(new Set([code]));
    }
    // Every entity got its own member's answer, wherever it sat in the list.
    const countries = data.jointOrders.flatMap((o: any) => o.participants);
    expect(countries.length).toBeGreaterThan(MEMBERS.length);
    for (const country of countries) expect(country.ministry.name).toBe(await ministryName(country.code));
  });

  it('makes exactly one request per member per step of the plan, all members of a step in parallel', async () => {
    // Two steps of the plan reach the members: the participants' requirements, and the allocations'
    // countries' budgets. They leave in the same turn, so each member gets them merged as ONE request
    // (gateway/datasources/fetchMerger.ts); unmerged, each step would be one operation text.
    // A page of requirements, not the whole list: the cost analysis counts the page's size, not an assumed one.
    const { errors } = await federation.query(`{
      jointOrders { participants { code requirementsPage(priority: CRITICAL, first: 5) { nodes { id item { name } } } }
                    lines { allocations { country { budget(year: ${THIS_YEAR}) { year } } } } }
    }`);
    expect(errors).toBeUndefined();
    const requests = countryRequests();
    const steps = new Set(requests.XK.map((r) => r.query));
    expect(steps.size).toBe(1);
    expect([...steps][0]).toMatch(/p0: _entities.*p1: _entities/s);
    for (const code of MEMBERS) {
      const texts = requests[code].map((r) => r.query);
      expect(texts).toHaveLength(steps.size); // never two requests for one step…
      expect(new Set(texts)).toEqual(steps); // …and every step reached every member
    }
    expect(federation.requestCounts()).toMatchObject({ XK: steps.size, AL: steps.size, HR: steps.size });
  });

  it("re-indexes a member's errors onto its own entities", async () => {
    const { data, errors } = await federation.query('{ members { code budget(year: 1800) { year } } }');
    const memberErrors = errors!.filter((e) => e.extensions?.code === 'BAD_USER_INPUT');
    expect(memberErrors).toHaveLength(MEMBERS.length);
    for (const error of memberErrors) {
      const [, index, field] = error.path!;
      expect(field).toBe('budget');
      expect(data.members[index as number].code).toBe(error.extensions!.country);
      expect(data.members[index as number].budget).toBeNull();
    }
  });
});

describe('root fields, routed by their country argument', () => {
  it('sends a literal and a variable member to their members, splitting one operation and merging it by alias', async () => {
    const { data, errors } = await federation.query(
      `query Two($other: ID!) {
        xk: ministry(country: "XK") { name }
        other: ministry(country: $other) { name }
        xkBudget: budget(country: "XK", year: ${THIS_YEAR}) { year }
      }`,
      { other: 'AL' },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ xk: { name: await ministryName('XK') }, other: { name: await ministryName('AL') }, xkBudget: { year: THIS_YEAR } });

    const requests = countryRequests();
    expect(requests.XK).toHaveLength(1);
    expect(requests.XK[0].query).toMatch(/xk: ministry\(country: "XK"\)[\s\S]*xkBudget: budget/);
    expect(requests.XK[0].query).not.toContain('other');
    expect(requests.AL).toHaveLength(1);
    expect(requests.AL[0].query).toContain('other: ministry(country: $other)');
    expect(requests.AL[0].variables).toEqual({ other: 'AL' });
    expect(requests.HR).toHaveLength(0);
  });

  it('runs mutations for two members in document order, each on its own database', async () => {
    const input = (name: string) => ({ name, minister: 'Test Minister', headquarters: 'Test HQ' });
    const { data, errors } = await federation.query(
      `mutation Ministries($xk: SetMinistryInput!, $al: SetMinistryInput!, $holding: RecordHoldingInput!) {
        first: setMinistry(country: "XK", input: $xk) { name }
        second: setMinistry(country: "AL", input: $al) { name }
        third: recordHolding(country: "XK", input: $holding) { id countryCode quantity }
      }`,
      { xk: input('Kosovo MoD (renamed)'), al: input('Albania MoD (renamed)'), holding: { nsn: '1005-01-631-5031', quantity: 7, unit: 'Test Company', status: 'RESERVE' } },
    );
    expect(errors).toBeUndefined();
    expect(data.first.name).toBe('Kosovo MoD (renamed)');
    expect(data.second.name).toBe('Albania MoD (renamed)');
    expect(data.third).toMatchObject({ countryCode: 'XK', quantity: 7 });

    const requests = countryRequests();
    const [xkFirst, xkThird] = requests.XK;
    const [alSecond] = requests.AL;
    expect(requests.XK).toHaveLength(2);
    expect(requests.AL).toHaveLength(1);
    expect(xkFirst.query).toContain('first: setMinistry');
    expect(alSecond.query).toContain('second: setMinistry');
    expect(xkThird.query).toContain('third: recordHolding');
    expect(xkFirst.sequence).toBeLessThan(alSecond.sequence);
    expect(alSecond.sequence).toBeLessThan(xkThird.sequence);

    // Written where they were addressed, and nowhere else.
    expect(await ministryName('XK')).toBe('Kosovo MoD (renamed)');
    expect(await ministryName('AL')).toBe('Albania MoD (renamed)');
    const holdings = await sql(federation.members.XK.service.dataSource, 'SELECT quantity FROM holding WHERE id = ?', [data.third.id]);
    expect(holdings).toEqual([{ quantity: 7 }]);
    expect(await sql(federation.members.AL.service.dataSource, "SELECT id FROM holding WHERE unit = 'Test Company'")).toEqual([]);
  });

  it("passes on a member's refusal of a bad variable with its code and field, and writes nothing", async () => {
    const before = await sql(federation.members.HR.service.dataSource, 'SELECT COUNT(*) AS n FROM requirement');
    const { data, errors } = await federation.query(
      'mutation Bad($input: CreateRequirementInput!) { createRequirement(country: "HR", input: $input) { id } }',
      { input: { nsn: '1005-01-631-5031', quantity: 3, priority: 'HIGH', neededBy: '2026-02-30' } },
    );
    expect(data?.createRequirement ?? null).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.neededBy', country: 'HR' }) })]);
    expect(await sql(federation.members.HR.service.dataSource, 'SELECT COUNT(*) AS n FROM requirement')).toEqual(before);
  });
});

describe('members the gateway cannot ask', () => {
  it('answers an unknown member code with UNKNOWN_MEMBER for that field only, contacting no member for it', async () => {
    const { data, errors } = await federation.query('{ holdings(country: "ZZ") { id } ministry(country: "HR") { name } }');
    expect(data).toEqual({ holdings: null, ministry: { name: await ministryName('HR') } });
    expect(errors).toEqual([
      expect.objectContaining({ path: ['holdings'], message: expect.stringContaining('"ZZ"'), extensions: expect.objectContaining({ code: 'UNKNOWN_MEMBER', country: 'ZZ' }) }),
    ]);
    expect(federation.requestCounts()).toMatchObject({ XK: 0, AL: 0, HR: 1 });
  });

  it('answers for a member in the registry but not in the config (BG, then a newly admitted one) as UNKNOWN_MEMBER', async () => {
    const admitted = await federation.query('mutation { admitMember(code: "MK", name: "North Macedonia", natoRelation: MEMBER) { code } }');
    expect(admitted.errors).toBeUndefined();

    const { data, errors } = await federation.query('{ members { code name ministry { name } } }');
    const unknown = ['BG', 'MK'];
    for (const member of data.members) {
      if (unknown.includes(member.code)) expect(member.ministry).toBeNull();
      else expect(member.ministry.name).toBe(await ministryName(member.code));
    }
    expect(errors).toHaveLength(unknown.length);
    for (const error of errors!) {
      const index = error.path![1] as number;
      expect(error.path).toEqual(['members', index, 'ministry']);
      expect(error.extensions).toMatchObject({ code: 'UNKNOWN_MEMBER', country: data.members[index].code });
      expect(unknown).toContain(error.extensions!.country);
      expect(error.message).toContain(error.extensions!.country);
    }
  });
});

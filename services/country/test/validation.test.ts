import { ITEM } from '../../../lib/reference/items';
import { onlyError, RunningMember, snapshotDatabase, startMember } from './memberServer';

const RECORD_HOLDING = 'mutation($input: RecordHoldingInput!) { recordHolding(country: "XK", input: $input) { id } }';
const UPDATE_HOLDING = 'mutation($id: ID!, $input: UpdateHoldingInput!) { updateHolding(country: "XK", id: $id, input: $input) { id } }';
const CREATE_REQUIREMENT = 'mutation($input: CreateRequirementInput!) { createRequirement(country: "XK", input: $input) { id } }';
const UPDATE_REQUIREMENT = 'mutation($id: ID!, $input: UpdateRequirementInput!) { updateRequirement(country: "XK", id: $id, input: $input) { id } }';
const SET_BUDGET = 'mutation($input: SetBudgetInput!) { setBudget(country: "XK", input: $input) { year } }';
const SET_MINISTRY = 'mutation($input: SetMinistryInput!) { setMinistry(country: "XK", input: $input) { name } }';

const holding = { nsn: ITEM.M4A1, quantity: 10, unit: 'KSF 1st Infantry Regiment', status: 'OPERATIONAL' };
const requirement = { nsn: ITEM.PVS_31, quantity: 10, priority: 'MEDIUM', neededBy: '2027-01-31' };
const budget = { year: 2029, defenceTotal: '300000000.00', procurement: '90000000.00', currency: 'EUR' };
const ministry = { name: 'Ministry of Defence', minister: 'A. Minister', headquarters: 'Prishtinë' };

interface BadInput {
  what: string;
  query: string;
  variables: (ids: { holding: string; requirement: string }) => Record<string, unknown>;
  field: string;
  /** Part of the message that says what is wrong. */
  problem: RegExp;
}

const CASES: BadInput[] = [
  { what: 'a zero quantity', query: RECORD_HOLDING, variables: () => ({ input: { ...holding, quantity: 0 } }), field: 'input.quantity', problem: /positive whole number/ },
  { what: 'a negative quantity', query: RECORD_HOLDING, variables: () => ({ input: { ...holding, quantity: -5 } }), field: 'input.quantity', problem: /positive whole number/ },
  { what: 'a fractional quantity', query: RECORD_HOLDING, variables: () => ({ input: { ...holding, quantity: 1.5 } }), field: 'input.quantity', problem: /non-integer/ },
  { what: 'an NSN of 12 digits', query: RECORD_HOLDING, variables: () => ({ input: { ...holding, nsn: '1005-01-631-503' } }), field: 'input.nsn', problem: /NNNN-NN-NNN-NNNN/ },
  { what: 'an NSN without dashes', query: RECORD_HOLDING, variables: () => ({ input: { ...holding, nsn: '1005016315031' } }), field: 'input.nsn', problem: /NNNN-NN-NNN-NNNN/ },
  { what: 'an NSN not in the catalogue', query: RECORD_HOLDING, variables: () => ({ input: { ...holding, nsn: '9999-99-999-9999' } }), field: 'input.nsn', problem: /not in the shared catalogue/ },
  { what: 'a blank formation', query: RECORD_HOLDING, variables: () => ({ input: { ...holding, unit: '   ' } }), field: 'input.unit', problem: /blank/ },
  { what: 'a formation name over 120 characters', query: RECORD_HOLDING, variables: () => ({ input: { ...holding, unit: 'x'.repeat(121) } }), field: 'input.unit', problem: /120/ },
  { what: 'an unknown holding status', query: RECORD_HOLDING, variables: () => ({ input: { ...holding, status: 'BROKEN' } }), field: 'input.status', problem: /BROKEN/ },
  { what: 'an update that changes nothing', query: UPDATE_HOLDING, variables: ({ holding }) => ({ id: holding, input: {} }), field: 'input', problem: /at least one field/ },
  { what: 'an update to a zero quantity', query: UPDATE_HOLDING, variables: ({ holding }) => ({ id: holding, input: { quantity: 0 } }), field: 'input.quantity', problem: /positive/ },
  { what: 'a date that does not exist', query: CREATE_REQUIREMENT, variables: () => ({ input: { ...requirement, neededBy: '2026-02-30' } }), field: 'input.neededBy', problem: /LocalDate/ },
  { what: 'a date in another format', query: CREATE_REQUIREMENT, variables: () => ({ input: { ...requirement, neededBy: '30/09/2026' } }), field: 'input.neededBy', problem: /LocalDate/ },
  { what: 'a date out of range', query: CREATE_REQUIREMENT, variables: () => ({ input: { ...requirement, neededBy: '1999-12-31' } }), field: 'input.neededBy', problem: /2000-2100/ },
  { what: 'an unknown priority', query: CREATE_REQUIREMENT, variables: () => ({ input: { ...requirement, priority: 'URGENT' } }), field: 'input.priority', problem: /URGENT/ },
  { what: 'a requirement created as FULFILLED', query: CREATE_REQUIREMENT, variables: () => ({ input: { ...requirement, status: 'FULFILLED' } }), field: 'input.status', problem: /DRAFT or SUBMITTED/ },
  { what: 'a CRITICAL requirement without justification', query: CREATE_REQUIREMENT, variables: () => ({ input: { ...requirement, priority: 'CRITICAL', justification: ' ' } }), field: 'input.justification', problem: /CRITICAL/ },
  { what: 'a requirement for a zero quantity', query: CREATE_REQUIREMENT, variables: () => ({ input: { ...requirement, quantity: 0 } }), field: 'input.quantity', problem: /positive/ },
  { what: 'a requirement update with an impossible date', query: UPDATE_REQUIREMENT, variables: ({ requirement }) => ({ id: requirement, input: { neededBy: '2027-13-01' } }), field: 'input.neededBy', problem: /LocalDate/ },
  { what: 'a requirement update that changes nothing', query: UPDATE_REQUIREMENT, variables: ({ requirement }) => ({ id: requirement, input: {} }), field: 'input', problem: /at least one field/ },
  { what: 'an amount with three decimals', query: SET_BUDGET, variables: () => ({ input: { ...budget, defenceTotal: '12.345' } }), field: 'input.defenceTotal', problem: /2 decimal places/ },
  { what: 'a negative amount', query: SET_BUDGET, variables: () => ({ input: { ...budget, procurement: '-5.00' } }), field: 'input.procurement', problem: /non-negative/ },
  { what: 'an amount in exponent notation', query: SET_BUDGET, variables: () => ({ input: { ...budget, defenceTotal: '3e8' } }), field: 'input.defenceTotal', problem: /decimal string/ },
  { what: 'an amount beyond 13 integer digits', query: SET_BUDGET, variables: () => ({ input: { ...budget, defenceTotal: '12345678901234.00' } }), field: 'input.defenceTotal', problem: /13 integer digits/ },
  { what: 'procurement above the defence total', query: SET_BUDGET, variables: () => ({ input: { ...budget, procurement: '300000000.01' } }), field: 'input.procurement', problem: /must not exceed defenceTotal/ },
  { what: 'a currency that is not ISO 4217', query: SET_BUDGET, variables: () => ({ input: { ...budget, currency: 'EURO' } }), field: 'input.currency', problem: /ISO 4217/ },
  { what: 'a made-up currency code', query: SET_BUDGET, variables: () => ({ input: { ...budget, currency: 'XQZ' } }), field: 'input.currency', problem: /ISO 4217/ },
  { what: 'a year before 2000', query: SET_BUDGET, variables: () => ({ input: { ...budget, year: 1999 } }), field: 'input.year', problem: /2000 to 2100/ },
  { what: 'a year after 2100', query: SET_BUDGET, variables: () => ({ input: { ...budget, year: 2101 } }), field: 'input.year', problem: /2000 to 2100/ },
  { what: 'a year given as text', query: SET_BUDGET, variables: () => ({ input: { ...budget, year: '2029' } }), field: 'input.year', problem: /Int/ },
  { what: 'a blank minister', query: SET_MINISTRY, variables: () => ({ input: { ...ministry, minister: '' } }), field: 'input.minister', problem: /blank/ },
];

describe('country subgraph input validation (XK)', () => {
  let xk: RunningMember;
  const ids = { holding: '', requirement: '' };
  beforeAll(async () => {
    xk = await startMember('XK', { seed: true });
    const holdings = (await xk.gql('{ holdings(country: "XK") { id } }')).data.holdings;
    const requirements = (await xk.gql('{ requirements(country: "XK", status: DRAFT) { id } }')).data.requirements;
    Object.assign(ids, { holding: holdings[0].id, requirement: requirements[0].id });
  });
  afterAll(() => xk?.stop());

  it.each(CASES)('refuses $what, naming $field, and writes nothing', async ({ query, variables, field, problem }) => {
    const before = await snapshotDatabase(xk.service.dataSource);
    const error = onlyError(await xk.gql(query, variables(ids)));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toMatch(problem);
    expect(error.message).toContain(field.split('.').pop());
    expect(await snapshotDatabase(xk.service.dataSource)).toEqual(before);
  });

  it('names every bad field of one input at once', async () => {
    const error = onlyError(await xk.gql(RECORD_HOLDING, { input: { ...holding, quantity: 0, unit: '', nsn: '1234' } }));
    expect(error.extensions?.fields).toEqual(expect.arrayContaining(['input.quantity', 'input.unit', 'input.nsn']));
  });
});

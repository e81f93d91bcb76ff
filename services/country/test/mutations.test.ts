import { Budget, Holding, Ministry, Requirement } from '../entities';
import { ITEM } from '../../../lib/reference/items';
import { onlyError, RunningMember, snapshotDatabase, startMember } from './memberServer';

const RECORD_HOLDING = 'mutation($input: RecordHoldingInput!) { recordHolding(country: "XK", input: $input) { id countryCode category quantity unit status natoStandard item { nsn } } }';
const UPDATE_HOLDING = 'mutation($id: ID!, $input: UpdateHoldingInput!) { updateHolding(country: "XK", id: $id, input: $input) { id quantity unit status natoStandard item { nsn } } }';
const CREATE_REQUIREMENT =
  'mutation($input: CreateRequirementInput!) { createRequirement(country: "XK", input: $input) { id countryCode quantity priority neededBy status justification item { nsn } } }';
const UPDATE_REQUIREMENT = 'mutation($id: ID!, $input: UpdateRequirementInput!) { updateRequirement(country: "XK", id: $id, input: $input) { id quantity priority neededBy status justification } }';
const SET_BUDGET = 'mutation($input: SetBudgetInput!) { setBudget(country: "XK", input: $input) { year defenceTotal { amount currency } procurement { amount currency } } }';
const SET_MINISTRY = 'mutation($input: SetMinistryInput!) { setMinistry(country: "XK", input: $input) { name minister headquarters } }';

describe('country subgraph mutations (XK, empty database)', () => {
  let xk: RunningMember;
  beforeAll(async () => {
    xk = await startMember('XK');
  });
  afterAll(() => xk?.stop());

  const holdingRow = (id: string) => xk.service.dataSource.getRepository(Holding).findOneByOrFail({ id: Number(id) });
  const requirementRow = (id: string) => xk.service.dataSource.getRepository(Requirement).findOneByOrFail({ id: Number(id) });

  async function createRequirement(input: Record<string, unknown>): Promise<string> {
    const { data, errors } = await xk.gql(CREATE_REQUIREMENT, { input: { nsn: ITEM.PVS_31, quantity: 100, priority: 'MEDIUM', neededBy: '2027-03-31', ...input } });
    expect(errors).toBeUndefined();
    return data.createRequirement.id;
  }

  describe('recordHolding', () => {
    it('records a holding with the catalogue category of its item, NATO standard by default', async () => {
      const { data, errors } = await xk.gql(RECORD_HOLDING, { input: { nsn: ITEM.JLTV, quantity: 12, unit: '  KSF Rapid Reaction Brigade ', status: 'OPERATIONAL' } });
      expect(errors).toBeUndefined();
      expect(data.recordHolding).toMatchObject({ countryCode: 'XK', category: 'VEHICLES', quantity: 12, unit: 'KSF Rapid Reaction Brigade', status: 'OPERATIONAL', natoStandard: true, item: { nsn: ITEM.JLTV } });
      expect(await holdingRow(data.recordHolding.id)).toEqual({
        id: Number(data.recordHolding.id),
        countryCode: 'XK',
        nsn: ITEM.JLTV,
        category: 'VEHICLES',
        quantity: 12,
        unit: 'KSF Rapid Reaction Brigade',
        status: 'OPERATIONAL',
        natoStandard: true,
      });
    });

    it('records a holding that does not meet its NATO standard', async () => {
      const { data } = await xk.gql(RECORD_HOLDING, { input: { nsn: ITEM.HMMWV, quantity: 4, unit: 'KSF 1st Infantry Regiment', status: 'RESERVE', natoStandard: false } });
      expect((await holdingRow(data.recordHolding.id)).natoStandard).toBe(false);
    });
  });

  describe('updateHolding', () => {
    it('changes only the fields it is given', async () => {
      const created = (await xk.gql(RECORD_HOLDING, { input: { nsn: ITEM.M4A1, quantity: 700, unit: 'KSF 2nd Infantry Regiment', status: 'OPERATIONAL' } })).data.recordHolding;
      const { data, errors } = await xk.gql(UPDATE_HOLDING, { id: created.id, input: { quantity: 680, status: 'MAINTENANCE' } });
      expect(errors).toBeUndefined();
      expect(data.updateHolding).toEqual({ id: created.id, quantity: 680, unit: 'KSF 2nd Infantry Regiment', status: 'MAINTENANCE', natoStandard: true, item: { nsn: ITEM.M4A1 } });
      expect(await holdingRow(created.id)).toMatchObject({ quantity: 680, status: 'MAINTENANCE', unit: 'KSF 2nd Infantry Regiment', nsn: ITEM.M4A1 });
    });

    it('answers NOT_FOUND for a holding the member does not have, writing nothing', async () => {
      const before = await snapshotDatabase(xk.service.dataSource);
      const body = await xk.gql(UPDATE_HOLDING, { id: '98765', input: { quantity: 1 } });
      expect(onlyError(body).extensions).toMatchObject({ code: 'NOT_FOUND', country: 'XK' });
      expect(body.data.updateHolding).toBeNull();
      expect(await snapshotDatabase(xk.service.dataSource)).toEqual(before);
    });
  });

  describe('createRequirement', () => {
    it('creates a DRAFT requirement unless told otherwise, with its date and trimmed justification', async () => {
      const { data, errors } = await xk.gql(CREATE_REQUIREMENT, {
        input: { nsn: ITEM.SWITCHBLADE, quantity: 40, priority: 'CRITICAL', neededBy: '2026-12-15', justification: '  No loitering munition capability.  ' },
      });
      expect(errors).toBeUndefined();
      expect(data.createRequirement).toMatchObject({
        countryCode: 'XK',
        quantity: 40,
        priority: 'CRITICAL',
        neededBy: '2026-12-15',
        status: 'DRAFT',
        justification: 'No loitering munition capability.',
        item: { nsn: ITEM.SWITCHBLADE },
      });
      expect(await requirementRow(data.createRequirement.id)).toMatchObject({ nsn: ITEM.SWITCHBLADE, neededBy: '2026-12-15', status: 'DRAFT', countryCode: 'XK' });
    });

    it('creates a requirement submitted straight away', async () => {
      const id = await createRequirement({ status: 'SUBMITTED' });
      expect((await requirementRow(id)).status).toBe('SUBMITTED');
    });
  });

  describe('updateRequirement', () => {
    it('moves a requirement DRAFT → SUBMITTED → FULFILLED, then refuses any change to it (REQUIREMENT_CLOSED)', async () => {
      const id = await createRequirement({});
      expect((await xk.gql(UPDATE_REQUIREMENT, { id, input: { status: 'SUBMITTED', quantity: 120 } })).data.updateRequirement).toMatchObject({ status: 'SUBMITTED', quantity: 120 });
      expect((await xk.gql(UPDATE_REQUIREMENT, { id, input: { status: 'FULFILLED' } })).data.updateRequirement.status).toBe('FULFILLED');
      const body = await xk.gql(UPDATE_REQUIREMENT, { id, input: { quantity: 1 } });
      expect(onlyError(body).extensions).toMatchObject({ code: 'REQUIREMENT_CLOSED', country: 'XK' });
      expect(await requirementRow(id)).toMatchObject({ status: 'FULFILLED', quantity: 120 });
    });

    it('refuses a status change the life cycle does not allow (DRAFT → FULFILLED)', async () => {
      const id = await createRequirement({});
      const body = await xk.gql(UPDATE_REQUIREMENT, { id, input: { status: 'FULFILLED', quantity: 5 } });
      expect(onlyError(body).extensions).toMatchObject({ code: 'INVALID_STATUS_TRANSITION', country: 'XK', field: 'input.status' });
      expect(await requirementRow(id)).toMatchObject({ status: 'DRAFT', quantity: 100 });
    });

    it('revises date, priority and justification, and clears a justification with null', async () => {
      const id = await createRequirement({ justification: 'Initial estimate' });
      const raised = await xk.gql(UPDATE_REQUIREMENT, { id, input: { neededBy: '2026-06-30', priority: 'HIGH' } });
      expect(raised.data.updateRequirement).toMatchObject({ neededBy: '2026-06-30', priority: 'HIGH', justification: 'Initial estimate' });
      const cleared = await xk.gql(UPDATE_REQUIREMENT, { id, input: { justification: null } });
      expect(cleared.data.updateRequirement.justification).toBeNull();
      expect(await requirementRow(id)).toMatchObject({ neededBy: '2026-06-30', priority: 'HIGH', justification: null });
    });

    it('refuses to make a requirement CRITICAL without a justification, writing nothing', async () => {
      const id = await createRequirement({});
      const body = await xk.gql(UPDATE_REQUIREMENT, { id, input: { priority: 'CRITICAL', quantity: 3 } });
      expect(onlyError(body).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.justification' });
      expect(await requirementRow(id)).toMatchObject({ priority: 'MEDIUM', quantity: 100 });
    });

    it('lets exactly one of two simultaneous status changes land', async () => {
      const id = await createRequirement({ status: 'SUBMITTED' });
      const [fulfil, withdraw] = await Promise.all([
        xk.gql(UPDATE_REQUIREMENT, { id, input: { status: 'FULFILLED' } }),
        xk.gql(UPDATE_REQUIREMENT, { id, input: { status: 'WITHDRAWN' } }),
      ]);
      const landed = [fulfil, withdraw].filter((body) => !body.errors);
      const refused = [fulfil, withdraw].filter((body) => body.errors);
      expect(landed).toHaveLength(1);
      expect(['CONFLICT', 'REQUIREMENT_CLOSED']).toContain(onlyError(refused[0]).extensions?.code);
      expect((await requirementRow(id)).status).toBe(landed[0].data.updateRequirement.status);
    });
  });

  describe('setBudget', () => {
    it("sets a year's budget exactly, in minor units, and replaces it on a second call", async () => {
      const first = await xk.gql(SET_BUDGET, { input: { year: 2028, defenceTotal: '1234567890123.45', procurement: '98765432.1', currency: 'EUR' } });
      expect(first.errors).toBeUndefined();
      expect(first.data.setBudget).toEqual({ year: 2028, defenceTotal: { amount: '1234567890123.45', currency: 'EUR' }, procurement: { amount: '98765432.10', currency: 'EUR' } });
      const second = await xk.gql(SET_BUDGET, { input: { year: 2028, defenceTotal: '310000000', procurement: '0', currency: 'EUR' } });
      expect(second.data.setBudget.procurement.amount).toBe('0.00');
      const rows = await xk.service.dataSource.getRepository(Budget).findBy({ year: 2028 });
      expect(rows).toEqual([{ countryCode: 'XK', year: 2028, currency: 'EUR', defenceTotalMinor: 31000000000n, procurementMinor: 0n }]);
    });
  });

  describe('setMinistry', () => {
    it('sets the ministry and replaces it when a new minister takes office', async () => {
      const ministry = { name: 'Ministry of Defence of the Republic of Kosovo', minister: 'Ejup Maqedonci', headquarters: 'Prishtinë' };
      expect((await xk.gql(SET_MINISTRY, { input: ministry })).data.setMinistry).toEqual(ministry);
      const next = { ...ministry, minister: '  A. N. Other ' };
      expect((await xk.gql(SET_MINISTRY, { input: next })).data.setMinistry.minister).toBe('A. N. Other');
      expect(await xk.service.dataSource.getRepository(Ministry).find()).toEqual([{ countryCode: 'XK', ...ministry, minister: 'A. N. Other' }]);
      expect((await xk.gql('{ ministry(country: "XK") { minister } }')).data.ministry.minister).toBe('A. N. Other');
    });
  });
});

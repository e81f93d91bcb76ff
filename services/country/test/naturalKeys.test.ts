/**
 * Entering the same record twice changes nothing: holdings are keyed by item +
 * formation + status, requirements by the ministry's own reference, budgets by
 * year. And deleteHolding, with every write leaving exactly its audit entries.
 */
import { AuditEntry, Holding, Requirement } from '../entities';
import { ITEM } from '../../../lib/reference/items';
import { onlyError, RunningMember, snapshotDatabase, startMember } from './memberServer';

const RECORD_HOLDING = 'mutation($input: RecordHoldingInput!) { recordHolding(country: "XK", input: $input) { id quantity unit status natoStandard } }';
const UPDATE_HOLDING = 'mutation($id: ID!, $input: UpdateHoldingInput!) { updateHolding(country: "XK", id: $id, input: $input) { id quantity unit status } }';
const DELETE_HOLDING = 'mutation($id: ID!) { deleteHolding(country: "XK", id: $id) { id quantity unit status item { nsn } } }';
const CREATE_REQUIREMENT = 'mutation($input: CreateRequirementInput!) { createRequirement(country: "XK", input: $input) { id reference quantity status } }';
const UPDATE_REQUIREMENT = 'mutation($id: ID!, $input: UpdateRequirementInput!) { updateRequirement(country: "XK", id: $id, input: $input) { id reference } }';
const SET_BUDGET = 'mutation($input: SetBudgetInput!) { setBudget(country: "XK", input: $input) { year } }';

describe('natural keys and deleteHolding (XK, empty database)', () => {
  let xk: RunningMember;
  beforeAll(async () => {
    xk = await startMember('XK');
  });
  afterAll(() => xk?.stop());

  const auditCount = () => xk.service.dataSource.getRepository(AuditEntry).count();
  const holdings = () => xk.service.dataSource.getRepository(Holding).find({ order: { id: 'ASC' } });

  describe('recordHolding', () => {
    const line = { nsn: ITEM.M4A1, quantity: 120, unit: 'KSF Guards Company', status: 'OPERATIONAL' };

    it('records the same entry twice as one line, with one audit entry', async () => {
      const first = await xk.gql(RECORD_HOLDING, { input: line });
      const entries = await auditCount();
      const snapshot = await snapshotDatabase(xk.service.dataSource);
      const second = await xk.gql(RECORD_HOLDING, { input: { ...line, unit: ` ${line.unit} ` } });
      expect(second).toEqual(first);
      expect(await snapshotDatabase(xk.service.dataSource)).toEqual(snapshot);
      expect(await auditCount()).toBe(entries);
    });

    it('sets the quantity of the existing line for the same item, formation and status; keeps natoStandard unless given', async () => {
      const original = (await xk.gql(RECORD_HOLDING, { input: { ...line, unit: 'KSF Signals Company', natoStandard: false } })).data.recordHolding;
      const again = (await xk.gql(RECORD_HOLDING, { input: { ...line, unit: 'KSF Signals Company', quantity: 90 } })).data.recordHolding;
      expect(again).toEqual({ ...original, quantity: 90, natoStandard: false });
      expect((await holdings()).filter((h) => h.unit === 'KSF Signals Company')).toHaveLength(1);
    });

    it('keeps lines of another status or formation apart', async () => {
      await xk.gql(RECORD_HOLDING, { input: { ...line, status: 'RESERVE' } });
      await xk.gql(RECORD_HOLDING, { input: { ...line, unit: 'KSF Guards Company B' } });
      expect((await holdings()).filter((h) => h.nsn === ITEM.M4A1 && h.unit.startsWith('KSF Guards Company'))).toHaveLength(3);
    });
  });

  describe('updateHolding', () => {
    it('refuses to make a line the duplicate of another (DUPLICATE_HOLDING), writing nothing', async () => {
      const a = (await xk.gql(RECORD_HOLDING, { input: { nsn: ITEM.HMMWV, quantity: 4, unit: 'KSF Motor Pool', status: 'OPERATIONAL' } })).data.recordHolding;
      await xk.gql(RECORD_HOLDING, { input: { nsn: ITEM.HMMWV, quantity: 2, unit: 'KSF Motor Pool', status: 'MAINTENANCE' } });
      const snapshot = await snapshotDatabase(xk.service.dataSource);
      const body = await xk.gql(UPDATE_HOLDING, { id: a.id, input: { status: 'MAINTENANCE' } });
      expect(onlyError(body).extensions).toMatchObject({ code: 'DUPLICATE_HOLDING', country: 'XK' });
      expect(await snapshotDatabase(xk.service.dataSource)).toEqual(snapshot);
    });
  });

  describe('deleteHolding', () => {
    it('deletes the line, answers it as it was, and records the deletion', async () => {
      const created = (await xk.gql(RECORD_HOLDING, { input: { nsn: ITEM.PVS_31, quantity: 8, unit: 'KSF Scouts', status: 'RESERVE' } })).data.recordHolding;
      const { data, errors } = await xk.gql(DELETE_HOLDING, { id: created.id });
      expect(errors).toBeUndefined();
      expect(data.deleteHolding).toEqual({ id: created.id, quantity: 8, unit: 'KSF Scouts', status: 'RESERVE', item: { nsn: ITEM.PVS_31 } });
      expect((await holdings()).map((h) => String(h.id))).not.toContain(created.id);
      const [last] = await xk.service.dataSource.getRepository(AuditEntry).find({ order: { id: 'DESC' }, take: 1 });
      expect(last).toMatchObject({ action: 'deleteHolding', recordType: 'Holding', recordKey: created.id, after: null, role: 'ministry:XK', subject: 'test-suite' });
      expect(JSON.parse(last.before!)).toMatchObject({ id: created.id, quantity: 8, unit: 'KSF Scouts' });
    });

    it('answers NOT_FOUND for a line the member does not have (or no longer has), writing nothing', async () => {
      const snapshot = await snapshotDatabase(xk.service.dataSource);
      for (const id of ['98765', 'not-an-id']) {
        const body = await xk.gql(DELETE_HOLDING, { id });
        expect(onlyError(body).extensions).toMatchObject({ code: 'NOT_FOUND', country: 'XK' });
        expect(body.data.deleteHolding).toBeNull();
      }
      expect(await snapshotDatabase(xk.service.dataSource)).toEqual(snapshot);
    });
  });

  describe('createRequirement', () => {
    const entry = { reference: 'KSF-2027-014', nsn: ITEM.PRC_163, quantity: 30, priority: 'HIGH', neededBy: '2027-09-30' };

    it('answers the existing requirement for the same entry with the same reference, writing nothing', async () => {
      const first = await xk.gql(CREATE_REQUIREMENT, { input: entry });
      expect(first.data.createRequirement).toMatchObject({ reference: 'KSF-2027-014', quantity: 30, status: 'DRAFT' });
      const snapshot = await snapshotDatabase(xk.service.dataSource);
      expect(await xk.gql(CREATE_REQUIREMENT, { input: entry })).toEqual(first);
      expect(await snapshotDatabase(xk.service.dataSource)).toEqual(snapshot);
    });

    it('refuses a different entry under a reference in use (DUPLICATE_REFERENCE), writing nothing', async () => {
      const snapshot = await snapshotDatabase(xk.service.dataSource);
      const body = await xk.gql(CREATE_REQUIREMENT, { input: { ...entry, quantity: 31 } });
      expect(onlyError(body).extensions).toMatchObject({ code: 'DUPLICATE_REFERENCE', country: 'XK', field: 'input.reference' });
      expect(await snapshotDatabase(xk.service.dataSource)).toEqual(snapshot);
    });

    it('gives a requirement without a reference "REQ-<id>", which the ministry can change to its own', async () => {
      const created = (await xk.gql(CREATE_REQUIREMENT, { input: { ...entry, reference: undefined } })).data.createRequirement;
      expect(created.reference).toBe(`REQ-${created.id}`);
      const renamed = await xk.gql(UPDATE_REQUIREMENT, { id: created.id, input: { reference: 'KSF-2027-015' } });
      expect(renamed.data.updateRequirement).toEqual({ id: created.id, reference: 'KSF-2027-015' });
      const taken = await xk.gql(UPDATE_REQUIREMENT, { id: created.id, input: { reference: 'KSF-2027-014' } });
      expect(onlyError(taken).extensions).toMatchObject({ code: 'DUPLICATE_REFERENCE' });
      expect((await xk.service.dataSource.getRepository(Requirement).findOneByOrFail({ id: Number(created.id) })).reference).toBe('KSF-2027-015');
    });

    it('refuses a blank reference, naming the field', async () => {
      const body = await xk.gql(CREATE_REQUIREMENT, { input: { ...entry, reference: '   ' } });
      expect(onlyError(body).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(JSON.stringify(onlyError(body))).toContain('input.reference');
    });
  });

  describe('setBudget', () => {
    it('setting the same figures for a year again writes no audit entry', async () => {
      const input = { year: 2030, defenceTotal: '1000.00', procurement: '10.00', currency: 'EUR' };
      await xk.gql(SET_BUDGET, { input });
      const entries = await auditCount();
      await xk.gql(SET_BUDGET, { input });
      expect(await auditCount()).toBe(entries);
    });
  });
});

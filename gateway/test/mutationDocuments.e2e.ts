/**
 * Several mutations in one document, through the gateway: GraphQL runs them
 * one after another and each field's outcome stands on its own. A later
 * refusal answers null with its error; what an earlier mutation committed
 * stays in `data` (the mutation fields are nullable so the null does not
 * climb to the root), whether both fields go to procurement, to two members
 * through the value router, or to procurement and then a member.
 */
import { Federation, startFederation } from '../../test/testkit/federation';
import { sql } from './support';

let federation: Federation;

beforeAll(async () => {
  federation = await startFederation({ members: ['XK', 'AL'] });
}, 240_000);

afterAll(() => federation?.stop());

let cases = 0;
/** A fresh FMS case designator per order created here. */
const caseReference = () => `XK-M-${String(++cases).padStart(3, '0')}`;
const orderInput = () => ({
  title: 'Mutation documents',
  supplier: 'Javelin Joint Venture (Raytheon/Lockheed Martin)',
  caseReference: caseReference(),
  model: 'COORDINATED_NATIONAL',
  offerExpiresOn: '2099-12-31',
  participants: ['AL'],
});
const holdingInput = (unit: string) => ({ nsn: '1005-01-631-5031', quantity: 3, unit, status: 'RESERVE' });

describe('a later failed mutation leaves the earlier committed result in data', () => {
  it('two procurement mutations: the created order is answered, the refused allocation is null with its code', async () => {
    const { status, data, errors } = await federation.query(
      `mutation Two($input: CreateJointOrderInput!) {
        first: createJointOrder(country: "XK", input: $input) { id reference status }
        second: allocate(country: "XK", lineId: "987654", quantity: 5) { id }
      }`,
      { input: orderInput() },
    );
    expect(status).toBe(200);
    expect(data.first).toMatchObject({ status: 'DRAFT', reference: expect.stringMatching(/^JPO-/) });
    expect(data.second).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ path: ['second'], extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
    // The answer tells the truth: the first write was committed.
    const rows = await sql(federation.procurement.service.dataSource, 'SELECT reference, status FROM joint_order WHERE id = ?', [data.first.id]);
    expect(rows).toEqual([{ reference: data.first.reference, status: 'DRAFT' }]);
  });

  it('a rule broken in the middle: the fields before and after it keep their own outcomes', async () => {
    const { data: created } = await federation.query(`mutation($input: CreateJointOrderInput!) { createJointOrder(country: "XK", input: $input) { id } }`, { input: orderInput() });
    const orderId = created.createJointOrder.id;
    const { data, errors } = await federation.query(
      `mutation Three($o: ID!) {
        line: addOrderLine(country: "XK", orderId: $o, nsn: "1410-01-458-4218") { id }
        again: addOrderLine(country: "XK", orderId: $o, nsn: "1410-01-458-4218") { id }
        other: addOrderLine(country: "AL", orderId: $o, nsn: "1265-01-630-1820") { id }
      }`,
      { o: orderId },
    );
    expect(data.line.id).toBeDefined();
    expect(data.again).toBeNull();
    expect(data.other.id).toBeDefined();
    expect(errors).toEqual([expect.objectContaining({ path: ['again'], extensions: expect.objectContaining({ code: 'LINE_EXISTS' }) })]);
    const lines = await sql(federation.procurement.service.dataSource, 'SELECT id FROM order_line WHERE order_id = ? ORDER BY id', [orderId]);
    expect(lines.map((l) => String(l.id))).toEqual([data.line.id, data.other.id]);
  });

  it('country mutations routed to two members one after another: the first member keeps its committed answer when the second refuses', async () => {
    const unit = `Documents ${Date.now()}`;
    const { data, errors } = await federation.query(
      `mutation Members($holding: RecordHoldingInput!) {
        first: recordHolding(country: "XK", input: $holding) { id countryCode quantity }
        second: updateHolding(country: "AL", id: "987654", input: { quantity: 4 }) { id }
      }`,
      { holding: holdingInput(unit) },
    );
    expect(data.first).toMatchObject({ countryCode: 'XK', quantity: 3 });
    expect(data.second).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ path: ['second'], extensions: expect.objectContaining({ code: 'NOT_FOUND', country: 'AL' }) })]);
    expect(await sql(federation.members.XK.service.dataSource, 'SELECT quantity FROM holding WHERE unit = ?', [unit])).toEqual([{ quantity: 3 }]);
  });

  it('a procurement mutation followed by one for a member the gateway does not know: the order is answered, the other field is UNKNOWN_MEMBER', async () => {
    const unit = `Documents ${Date.now()}`;
    const { data, errors } = await federation.query(
      `mutation Mixed($input: CreateJointOrderInput!, $holding: RecordHoldingInput!) {
        first: createJointOrder(country: "XK", input: $input) { id status }
        second: recordHolding(country: "ZZ", input: $holding) { id }
      }`,
      { input: orderInput(), holding: holdingInput(unit) },
    );
    expect(data.first).toMatchObject({ status: 'DRAFT' });
    expect(data.second).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ path: ['second'], extensions: expect.objectContaining({ code: 'UNKNOWN_MEMBER', country: 'ZZ' }) })]);
    expect(await sql(federation.procurement.service.dataSource, 'SELECT status FROM joint_order WHERE id = ?', [data.first.id])).toEqual([{ status: 'DRAFT' }]);
  });

  it('the second member down: the first member keeps its committed answer, the second field is MEMBER_UNAVAILABLE', async () => {
    const unit = `Documents ${Date.now()}`;
    await federation.members.AL.stop();
    try {
      const { data, errors } = await federation.query(
        `mutation Down($holding: RecordHoldingInput!) {
          first: recordHolding(country: "XK", input: $holding) { id quantity }
          second: recordHolding(country: "AL", input: $holding) { id }
        }`,
        { holding: holdingInput(unit) },
      );
      expect(data.first).toMatchObject({ quantity: 3 });
      expect(data.second).toBeNull();
      expect(errors).toEqual([expect.objectContaining({ path: ['second'], extensions: expect.objectContaining({ code: 'MEMBER_UNAVAILABLE', country: 'AL' }) })]);
      expect(await sql(federation.members.XK.service.dataSource, 'SELECT quantity FROM holding WHERE unit = ?', [unit])).toEqual([{ quantity: 3 }]);
    } finally {
      await federation.members.AL.start();
    }
  });
});

/**
 * The purchasers' cases through the gateway, as a client runs them: letter of
 * request, offer, acceptance, re-offer after a lapse, payment schedule,
 * implementation, amendment, deliveries, closure. Every forbidden transition
 * is refused with its code and leaves every table as it was.
 */
import { Federation, startFederation } from '../../../test/testkit/federation';
import { databaseSnapshot, TestProcurement } from './procurementTestkit';
import { addLine, allocate, createOrder, NSN } from './orderSteps';

const CASE = `id reference stage version requestedOn acceptedOn acceptedBy closedOn offerLapsed
  estimate { amount currency }
  currentVersion { version kind expiresOn decision }
  versionInForce { version kind }
  pendingAmendment { version }
  versions { version kind issuedOn expiresOn estimate { amount } decision decidedOn decidedBy }
  payments { id sequence kind dueOn amount { amount } paidOn status }
  history { fromStage toStage changedOn changedBy { code } }
  closure { closedOn estimate { amount } actualCost { amount } variance { amount } variancePercent balance { amount } }`;

const REQUEST = `mutation($c: ID!, $o: ID!) { requestCase(country: $c, orderId: $o, requestReference: "LOR/2026/17", requestedBy: "Minister of Defence") { id reference stage } }`;
const OFFER = `mutation($c: ID!, $id: ID!, $until: LocalDate!) { offerCase(country: $c, caseId: $id, expiresOn: $until, description: "Javelin missiles, training and spares") { id } }`;
const REOFFER = `mutation($c: ID!, $id: ID!, $until: LocalDate!) { reofferCase(country: $c, caseId: $id, expiresOn: $until, description: "Javelin missiles, re-offered at the same terms") { id } }`;
const DECIDE = `mutation($c: ID!, $id: ID!, $d: Decision!, $v: Int, $comment: String) {
  recordCaseDecision(country: $c, caseId: $id, decision: $d, decidedBy: "Col. Arben Krasniqi", version: $v, comment: $comment) { version decision decidedOn }
}`;
const SCHEDULE = `mutation($c: ID!, $id: ID!, $p: [ScheduledPaymentInput!]!) { setCasePaymentSchedule(country: $c, caseId: $id, payments: $p) { sequence kind amount { amount } } }`;
const PAY = `mutation($c: ID!, $id: ID!, $on: LocalDate!) { recordCasePayment(country: $c, paymentId: $id, paidOn: $on) { paidOn } }`;
const IMPLEMENT = `mutation($c: ID!, $id: ID!) { implementCase(country: $c, caseId: $id) { stage } }`;
const AMEND = `mutation($c: ID!, $id: ID!, $e: String!, $until: LocalDate!) { amendCase(country: $c, caseId: $id, description: "Add 2 training rounds per launcher", estimate: $e, expiresOn: $until) { version kind } }`;
const MODIFY = `mutation($c: ID!, $id: ID!, $e: String!) { modifyCase(country: $c, caseId: $id, description: "Revised transport estimate", estimate: $e) { version kind } }`;
const CLOSE = `mutation($c: ID!, $id: ID!, $charges: String!) { closeCase(country: $c, caseId: $id, additionalCharges: $charges) { stage } }`;

describe('purchasers\' cases through the gateway', () => {
  let federation: Federation;
  let today = '2026-05-04';
  /** The orderSteps helpers, sent through the gateway. */
  let p: TestProcurement;
  let orderId: string;
  const caseIds: Record<string, string> = {};

  const ask = async (query: string, variables: Record<string, unknown> = {}, as?: Parameters<Federation['query']>[2]) => federation.query(query, variables, as);
  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const answer = await ask(query, variables);
    if (answer.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors, null, 2)}`);
    return answer.data;
  };
  const caseOf = async (country: string) => (await ok(`query($id: ID!) { case(id: $id) { ${CASE} } }`, { id: caseIds[country] })).case;
  const snapshot = () => databaseSnapshot(federation.procurement.service.dataSource);

  /** A refused mutation: its code, and not a row changed anywhere. */
  async function refused(query: string, variables: Record<string, unknown>, as?: Parameters<Federation['query']>[2]): Promise<{ code: string; message: string; extensions: Record<string, any> }> {
    const before = await snapshot();
    const answer = await ask(query, variables, as);
    const error = answer.errors?.[0];
    if (!error) throw new Error(`expected a refusal, got ${JSON.stringify(answer.data)}`);
    expect(await snapshot()).toBe(before);
    return { code: error.extensions?.code, message: error.message, extensions: error.extensions ?? {} };
  }

  beforeAll(async () => {
    federation = await startFederation({ seed: false, now: () => new Date(`${today}T10:00:00Z`) });
    p = { query: ok } as unknown as TestProcurement;
    const order = await createOrder(p, { caseReference: 'XK-B-ZJQ' });
    orderId = order.id;
    const line = await addLine(p, orderId, NSN.javelin);
    // 180 together reach the 150 tier: 184,000.00 each.
    await allocate(p, line, 'XK', 30);
    await allocate(p, line, 'AL', 60);
    await allocate(p, line, 'HR', 90);
  });
  afterAll(async () => federation?.stop());

  it('opens one case per purchaser with its letter of request, each with its own designator', async () => {
    for (const country of ['XK', 'AL', 'HR']) {
      const { requestCase } = await ok(REQUEST, { c: country, o: orderId });
      caseIds[country] = requestCase.id;
      expect(requestCase).toMatchObject({ reference: `${country}-B-ZJQ`, stage: 'REQUESTED' });
    }
    const { jointOrder } = await ok(`query($id: ID!) { jointOrder(id: $id) { cases { reference purchaser { code } } } }`, { id: orderId });
    expect(jointOrder.cases.map((c: any) => [c.reference, c.purchaser.code])).toEqual([
      ['AL-B-ZJQ', 'AL'],
      ['HR-B-ZJQ', 'HR'],
      ['XK-B-ZJQ', 'XK'],
    ]);
    expect((await refused(REQUEST, { c: 'XK', o: orderId })).code).toBe('CASE_EXISTS');
  });

  it('offers only once the quantities are submitted, priced at the purchaser\'s joint share', async () => {
    expect((await refused(OFFER, { c: 'XK', id: caseIds.XK, until: '2026-05-20' })).code).toBe('CASE_ORDER_NOT_READY');
    await ok(`mutation($o: ID!) { submitForApproval(country: "XK", orderId: $o) { status } }`, { o: orderId });
    await ok(OFFER, { c: 'XK', id: caseIds.XK, until: '2026-05-20' });
    await ok(OFFER, { c: 'AL', id: caseIds.AL, until: '2026-06-30' });
    expect(await caseOf('XK')).toMatchObject({
      stage: 'OFFERED',
      version: 1,
      estimate: { amount: '5520000.00', currency: 'USD' }, // 30 × 184,000.00
      currentVersion: { version: 1, kind: 'OFFER', expiresOn: '2026-05-20', decision: null },
      versionInForce: null,
      offerLapsed: false,
    });
  });

  it('refuses to accept a lapsed offer, in the service and in the database', async () => {
    today = '2026-05-21';
    expect((await caseOf('XK')).offerLapsed).toBe(true);
    const error = await refused(DECIDE, { c: 'XK', id: caseIds.XK, d: 'APPROVED' });
    expect(error).toMatchObject({ code: 'CASE_OFFER_LAPSED', extensions: { country: 'XK', expiresOn: '2026-05-20' } });
    expect(error.message).toMatch(/can only be re-offered/);
    // Written past the service, the signature is refused by the case_version constraint.
    await expect(
      federation.procurement.service.dataSource.query("UPDATE case_version SET decision = 'APPROVED', decided_on = '2026-05-21', decided_by = 'X' WHERE case_id = ? AND version = 1", [caseIds.XK]),
    ).rejects.toThrow(/CHK_case_version_in_time|constraint/i);
  });

  it('re-offers a lapsed offer as a new version, and only a lapsed one', async () => {
    expect((await refused(REOFFER, { c: 'AL', id: caseIds.AL, until: '2026-07-31' })).code).toBe('CASE_OFFER_NOT_LAPSED');
    await ok(REOFFER, { c: 'XK', id: caseIds.XK, until: '2026-06-15' });
    const xk = await caseOf('XK');
    expect(xk).toMatchObject({ stage: 'OFFERED', version: 2, offerLapsed: false, currentVersion: { version: 2, kind: 'REOFFER', expiresOn: '2026-06-15' } });
    expect(xk.versions.map((v: any) => [v.version, v.kind, v.issuedOn, v.decision])).toEqual([
      [1, 'OFFER', '2026-05-04', null],
      [2, 'REOFFER', '2026-05-21', null],
    ]);
  });

  it('is accepted by the purchaser alone, on the current version, with the date and signatory', async () => {
    expect((await refused(DECIDE, { c: 'XK', id: caseIds.XK, d: 'APPROVED' }, { as: 'ministry:AL' })).code).toBe('FORBIDDEN');
    expect((await refused(DECIDE, { c: 'XK', id: caseIds.XK, d: 'APPROVED' }, { as: 'procurement' })).code).toBe('FORBIDDEN');
    expect((await refused(DECIDE, { c: 'AL', id: caseIds.XK, d: 'APPROVED' })).code).toBe('NOT_YOUR_CASE');
    expect((await refused(DECIDE, { c: 'XK', id: caseIds.XK, d: 'APPROVED', v: 1 })).code).toBe('STALE_VERSION');
    const { recordCaseDecision } = await ok(DECIDE, { c: 'XK', id: caseIds.XK, d: 'APPROVED', v: 2 });
    expect(recordCaseDecision).toEqual({ version: 2, decision: 'APPROVED', decidedOn: '2026-05-21' });
    expect(await caseOf('XK')).toMatchObject({ stage: 'ACCEPTED', acceptedOn: '2026-05-21', acceptedBy: 'Col. Arben Krasniqi', versionInForce: { version: 2, kind: 'REOFFER' } });
  });

  it('schedules payments that add up to the estimate, and reads their status on the clock', async () => {
    const wrong = await refused(SCHEDULE, { c: 'XK', id: caseIds.XK, p: [{ dueOn: '2026-06-01', amount: '1104000.00' }] });
    expect(wrong).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'payments' } });
    const { setCasePaymentSchedule } = await ok(SCHEDULE, {
      c: 'XK',
      id: caseIds.XK,
      p: [
        { dueOn: '2026-06-01', amount: '1104000.00' },
        { dueOn: '2026-09-01', amount: '2208000.00' },
        { dueOn: '2027-01-15', amount: '2208000.00' },
      ],
    });
    expect(setCasePaymentSchedule.map((s: any) => [s.sequence, s.kind, s.amount.amount])).toEqual([
      [1, 'INITIAL_DEPOSIT', '1104000.00'],
      [2, 'INSTALMENT', '2208000.00'],
      [3, 'INSTALMENT', '2208000.00'],
    ]);
    expect((await caseOf('XK')).payments.map((s: any) => s.status)).toEqual(['DUE', 'DUE', 'DUE']);
    today = '2026-06-05';
    expect((await caseOf('XK')).payments.map((s: any) => s.status)).toEqual(['OVERDUE', 'DUE', 'DUE']);
  });

  it('implements only a placed order\'s case whose initial deposit is paid', async () => {
    expect((await refused(IMPLEMENT, { c: 'XK', id: caseIds.XK })).code).toBe('ORDER_NOT_PLACED');
    for (const country of ['XK', 'AL', 'HR']) {
      await ok(`mutation($c: ID!, $o: ID!) { recordApproval(country: $c, orderId: $o, decision: APPROVED, decidedBy: "Minister") { decision } }`, { c: country, o: orderId });
    }
    await ok(`mutation($o: ID!) { placeOrder(country: "XK", orderId: $o) { status } }`, { o: orderId });
    expect((await refused(IMPLEMENT, { c: 'XK', id: caseIds.XK })).code).toBe('CASE_DEPOSIT_UNPAID');
    const deposit = (await caseOf('XK')).payments[0];
    expect((await refused(PAY, { c: 'XK', id: deposit.id, on: '2026-06-06' })).extensions.field).toBe('paidOn');
    await ok(PAY, { c: 'XK', id: deposit.id, on: '2026-06-03' });
    expect((await refused(PAY, { c: 'XK', id: deposit.id, on: '2026-06-04' })).code).toBe('PAYMENT_ALREADY_PAID');
    expect((await ok(IMPLEMENT, { c: 'XK', id: caseIds.XK })).implementCase.stage).toBe('IMPLEMENTING');
    expect((await caseOf('XK')).payments.map((s: any) => s.status)).toEqual(['PAID', 'DUE', 'DUE']);
  });

  it('takes an amendment into force only with the purchaser\'s signature, and closes on approved terms only', async () => {
    expect((await ok(AMEND, { c: 'XK', id: caseIds.XK, e: '5600000.00', until: '2026-07-01' })).amendCase).toEqual({ version: 3, kind: 'AMENDMENT' });
    expect(await caseOf('XK')).toMatchObject({ estimate: { amount: '5520000.00' }, versionInForce: { version: 2 }, pendingAmendment: { version: 3 } });
    expect((await refused(MODIFY, { c: 'XK', id: caseIds.XK, e: '5530000.00' })).code).toBe('CASE_AMENDMENT_PENDING');
    // Goods arrive: the case is DELIVERING.
    const { jointOrder } = await ok(`query($id: ID!) { jointOrder(id: $id) { lines { id } } }`, { id: orderId });
    const { scheduleDelivery } = await ok(`mutation($l: ID!) { scheduleDelivery(country: "XK", lineId: $l, quantity: 30, plannedDate: "2026-06-20") { id } }`, { l: jointOrder.lines[0].id });
    today = '2026-06-20';
    await ok(`mutation($d: ID!) { recordDelivery(country: "XK", deliveryId: $d, deliveredOn: "2026-06-20") { status } }`, { d: scheduleDelivery.id });
    expect((await caseOf('XK')).stage).toBe('DELIVERING');
    const unsigned = await refused(CLOSE, { c: 'XK', id: caseIds.XK, charges: '12500.00' });
    expect(unsigned).toMatchObject({ code: 'CASE_AMENDMENT_PENDING', extensions: { version: 3 } });
    await ok(DECIDE, { c: 'XK', id: caseIds.XK, d: 'APPROVED', v: 3 });
    expect(await caseOf('XK')).toMatchObject({ estimate: { amount: '5600000.00' }, versionInForce: { version: 3, kind: 'AMENDMENT' }, pendingAmendment: null });
  });

  it('closes with the actual cost against the estimate, and is read-only after', async () => {
    today = '2026-07-10';
    await ok(CLOSE, { c: 'XK', id: caseIds.XK, charges: '12500.00' });
    const xk = await caseOf('XK');
    // Actual: 30 delivered × 184,000.00 + 12,500.00 charges = 5,532,500.00 against 5,600,000.00 in force.
    expect(xk.closure).toEqual({
      closedOn: '2026-07-10',
      estimate: { amount: '5600000.00' },
      actualCost: { amount: '5532500.00' },
      variance: { amount: '-67500.00' },
      variancePercent: '-1.21', // 67,500 / 5,600,000 = 1.2054 %
      balance: { amount: '4428500.00' }, // 5,532,500.00 − the 1,104,000.00 deposit paid
    });
    expect(xk.history.map((h: any) => [h.fromStage, h.toStage, h.changedOn])).toEqual([
      [null, 'REQUESTED', '2026-05-04'],
      ['REQUESTED', 'OFFERED', '2026-05-04'],
      ['OFFERED', 'ACCEPTED', '2026-05-21'],
      ['ACCEPTED', 'IMPLEMENTING', '2026-06-05'],
      ['IMPLEMENTING', 'DELIVERING', '2026-06-20'],
      ['DELIVERING', 'CLOSED', '2026-07-10'],
    ]);
    const instalment = xk.payments[1];
    for (const [query, variables] of [
      [PAY, { c: 'XK', id: instalment.id, on: '2026-07-10' }],
      [MODIFY, { c: 'XK', id: caseIds.XK, e: '5532500.00' }],
      [SCHEDULE, { c: 'XK', id: caseIds.XK, p: [{ dueOn: '2026-08-01', amount: '4496000.00' }] }],
      [CLOSE, { c: 'XK', id: caseIds.XK, charges: '0.00' }],
    ] as const) {
      expect((await refused(query, variables)).code).toBe('CASE_CLOSED');
    }
  });

  it('is read-only in the database too: a direct SQL write to the closed case, or to a row it owns, is refused', async () => {
    const sql = (statement: string, params: unknown[]) => federation.procurement.service.dataSource.query(statement, params);
    const closed = caseIds.XK;
    for (const [statement, params] of [
      ['UPDATE fms_case SET actual_cost_minor = 1 WHERE id = ?', [closed]],
      ["UPDATE fms_case SET stage = 'DELIVERING', closed_on = NULL, actual_cost_minor = NULL, estimate_at_closure_minor = NULL WHERE id = ?", [closed]],
      ['UPDATE fms_case SET lock_version = lock_version + 1 WHERE id = ?', [closed]],
      ['DELETE FROM fms_case WHERE id = ?', [closed]],
      ['UPDATE case_payment SET paid_on = NULL WHERE case_id = ?', [closed]],
      ['DELETE FROM case_payment WHERE case_id = ? AND paid_on IS NULL', [closed]],
      ["INSERT INTO case_payment (case_id, sequence, kind, due_on, amount_minor, currency) VALUES (?, 9, 'INSTALMENT', '2026-08-01', 100, 'USD')", [closed]],
      ["UPDATE case_version SET description = 'Rewritten after closure' WHERE case_id = ?", [closed]],
      ['DELETE FROM case_version WHERE case_id = ? AND version = 3', [closed]],
      ["INSERT INTO case_version (case_id, version, kind, issued_on, estimate_minor, currency, description) VALUES (?, 9, 'MODIFICATION', '2026-07-10', 100, 'USD', 'After closure')", [closed]],
      ["UPDATE case_stage_change SET changed_on = '2026-07-11' WHERE case_id = ? AND to_stage = 'CLOSED'", [closed]],
      ['DELETE FROM case_stage_change WHERE case_id = ?', [closed]],
      // Moving a row of an open case into the closed one is a write to the closed case.
      ["UPDATE case_stage_change SET case_id = ? WHERE case_id = ? AND to_stage = 'REQUESTED'", [closed, caseIds.HR]],
    ] as const) {
      const before = await snapshot();
      await expect(sql(statement, [...params])).rejects.toThrow(/CASE_CLOSED: \w+ rows of a CLOSED case are read-only/);
      expect(await snapshot()).toBe(before);
    }
    // The guard is the closure's, not the tables': Croatia's case, not closed, still takes writes.
    await expect(sql('UPDATE fms_case SET lock_version = lock_version WHERE id = ?', [caseIds.HR])).resolves.toBeDefined();
    await expect(sql('UPDATE case_version SET description = description WHERE case_id = ?', [caseIds.HR])).resolves.toBeDefined();
  });

  it('admits in the database only the next stage, each once', async () => {
    const sql = (statement: string, params: unknown[]) => federation.procurement.service.dataSource.query(statement, params);
    await expect(sql("INSERT INTO case_stage_change (case_id, from_stage, to_stage, changed_on, changed_by) VALUES (?, 'OFFERED', 'IMPLEMENTING', '2026-07-10', 'AL')", [caseIds.AL])).rejects.toThrow();
    await expect(sql("INSERT INTO case_stage_change (case_id, from_stage, to_stage, changed_on, changed_by) VALUES (?, 'DELIVERING', 'CLOSED', '2026-07-10', 'XK')", [caseIds.XK])).rejects.toThrow();
    await expect(sql("UPDATE fms_case SET stage = 'ACCEPTED' WHERE id = ?", [caseIds.AL])).rejects.toThrow();
    await expect(sql("UPDATE fms_case SET stage = 'CLOSED', closed_on = '2026-07-10' WHERE id = ?", [caseIds.HR])).rejects.toThrow();
  });
});

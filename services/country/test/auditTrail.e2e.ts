/**
 * The audit trail through the real gateway: a ministry's write is read back
 * as who (token subject, role), when, before and after; pages follow each
 * other by cursor; only the member's own ministry and procurement read it.
 * deleteHolding runs for the own ministry only.
 */
import { ITEM } from '../../../lib/reference/items';
import { Federation, startFederation } from '../../../test/testkit/federation';

const AUDIT = `query($first: Int, $after: String) { auditEntries(country: "XK", first: $first, after: $after) {
  entries { id at subject role action recordType recordKey before after } endCursor hasNextPage } }`;

describe('the audit trail through the gateway', () => {
  let federation: Federation;
  beforeAll(async () => {
    federation = await startFederation({ members: ['XK', 'AL'] });
  }, 240_000);
  afterAll(() => federation?.stop());

  it("answers who changed what, when, before and after, for the ministry's own writes", async () => {
    const startedAt = new Date().toISOString();
    const recorded = await federation.query(
      `mutation { recordHolding(country: "XK", input: { nsn: "${ITEM.JLTV}", quantity: 6, unit: "KSF Audit Company", status: OPERATIONAL }) { id } }`,
      undefined,
      { as: 'ministry:XK' },
    );
    expect(recorded.errors).toBeUndefined();
    const id = recorded.data.recordHolding.id;
    await federation.query(`mutation { updateHolding(country: "XK", id: "${id}", input: { quantity: 5 }) { id } }`, undefined, { as: 'ministry:XK' });

    const { data, errors } = await federation.query(AUDIT, { first: 2 }, { as: 'ministry:XK' });
    expect(errors).toBeUndefined();
    const [update, record] = data.auditEntries.entries;
    expect(update).toMatchObject({ subject: 'test ministry:XK', role: 'ministry:XK', action: 'updateHolding', recordType: 'Holding', recordKey: id });
    expect(JSON.parse(update.before)).toMatchObject({ id, quantity: 6, unit: 'KSF Audit Company', status: 'OPERATIONAL', nsn: ITEM.JLTV });
    expect(JSON.parse(update.after)).toMatchObject({ id, quantity: 5 });
    expect(record).toMatchObject({ action: 'recordHolding', recordKey: id, before: null });
    expect(JSON.parse(record.after)).toMatchObject({ quantity: 6, category: 'VEHICLES', natoStandard: true });
    expect(update.at >= startedAt && update.at <= new Date().toISOString()).toBe(true);
    expect(Number(update.id)).toBeGreaterThan(Number(record.id));
  });

  it('pages by cursor from the newest entry to the oldest without gaps or repeats', async () => {
    for (const year of [2031, 2032, 2033]) {
      await federation.query(`mutation { setBudget(country: "XK", input: { year: ${year}, defenceTotal: "100.00", procurement: "1.00", currency: "EUR" }) { year } }`, undefined, {
        as: 'ministry:XK',
      });
    }
    const all = (await federation.query(AUDIT, { first: 500 }, { as: 'procurement' })).data.auditEntries;
    expect(all.hasNextPage).toBe(false);
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { entries: { id: string }[]; endCursor: string | null; hasNextPage: boolean } = (await federation.query(AUDIT, { first: 2, after }, { as: 'ministry:XK' })).data.auditEntries;
      paged.push(...page.entries.map((e) => e.id));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(paged).toEqual(all.entries.map((e: { id: string }) => e.id));
    expect(all.entries.slice(0, 3).map((e: { recordKey: string }) => e.recordKey)).toEqual(['2033', '2032', '2031']);
  });

  it('is refused to another ministry and an analyst (null + FORBIDDEN with the member), the rest of the answer intact', async () => {
    for (const caller of ['ministry:AL', 'analyst'] as const) {
      const { data, errors } = await federation.query('{ auditEntries(country: "XK") { entries { id } } holdings(country: "XK") { id } }', undefined, { as: caller });
      expect(data.auditEntries).toBeNull();
      expect(data.holdings.length).toBeGreaterThan(0);
      expect(errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.country])).toEqual([['auditEntries', 'FORBIDDEN', 'XK']]);
    }
  });

  it('refuses a cursor it did not give, naming the argument', async () => {
    const { errors } = await federation.query('{ auditEntries(country: "XK", after: "yesterday") { entries { id } } }', undefined, { as: 'ministry:XK' });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('deletes a holding for its own ministry only; others are refused and nothing changes', async () => {
    const { data } = await federation.query('{ holdings(country: "XK") { id quantity } }', undefined, { as: 'analyst' });
    const target = data.holdings[data.holdings.length - 1];
    const deletion = `mutation { deleteHolding(country: "XK", id: "${target.id}") { id quantity } }`;
    for (const caller of ['ministry:AL', 'analyst', 'procurement'] as const) {
      const refused = await federation.query(deletion, undefined, { as: caller });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', country: 'XK' });
    }
    const stillThere = (await federation.query(`{ holding(country: "XK", id: "${target.id}") { id } }`, undefined, { as: 'analyst' })).data.holding;
    expect(stillThere).toEqual({ id: target.id });

    const deleted = await federation.query(deletion, undefined, { as: 'ministry:XK' });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data.deleteHolding).toEqual(target);
    expect((await federation.query(`{ holding(country: "XK", id: "${target.id}") { id } }`, undefined, { as: 'analyst' })).data.holding).toBeNull();
    const [last] = (await federation.query(AUDIT, { first: 1 }, { as: 'ministry:XK' })).data.auditEntries.entries;
    expect(last).toMatchObject({ action: 'deleteHolding', recordKey: target.id, after: null });
  });
});

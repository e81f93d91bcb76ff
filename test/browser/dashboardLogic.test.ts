/** The dashboard's own rules, without a browser: alerts, CSV escaping, the token's perspective. */
import { ministryCodes } from '../../web/shared/tokenPayload';
import { dashboardAlerts } from '../../web/dashboard/alerts';
import { csvField, orderLinesCsv } from '../../web/dashboard/orderCsv';
import type { AlertsData, MemberRequirements, OrderDetail, OrderListItem, OverdueDelivery } from '../../web/dashboard/queries';

const usd = (amount: string) => ({ amount, currency: 'USD' });
const country = (code: string) => ({ code, name: `Country ${code}` });

function order(overrides: Partial<OrderListItem>): OrderListItem {
  return {
    id: '1',
    reference: 'JPO-2026-0001',
    title: 'Order',
    supplier: 'Supplier',
    status: 'IN_APPROVAL',
    estimated: true,
    offerExpiresOn: '2026-12-18',
    totalValue: usd('0.00'),
    individualValue: usd('0.00'),
    savings: usd('0.00'),
    savingsPercent: '0.00',
    participants: [country('XK'), country('AL'), country('HR')],
    currentApprovals: [],
    ...overrides,
  };
}

const page = (nodes: OverdueDelivery[], totalCount = nodes.length) => ({ totalCount, nodes });
const alertsData = (overrides: Partial<AlertsData> = {}): AlertsData => ({ overdueScheduled: page([]), overdueInTransit: page([]), members: [], ...overrides });

describe('dashboard alerts', () => {
  const today = '2026-12-02';

  it('warns of an offer expiring within 30 days, naming who has not approved and how they stand', () => {
    const javelin = order({
      currentApprovals: [
        { country: { code: 'XK' }, decision: 'APPROVED' },
        { country: { code: 'AL' }, decision: 'PENDING' },
        { country: { code: 'HR' }, decision: 'REJECTED' },
      ],
    });
    const [alert] = dashboardAlerts([javelin], alertsData(), today).offers;
    expect(alert.daysLeft).toBe(16);
    expect(alert.awaiting.map((p) => [p.code, p.decision])).toEqual([
      ['AL', 'PENDING'],
      ['HR', 'REJECTED'],
    ]);
  });

  it.each([
    ['31 days away', { offerExpiresOn: '2027-01-02' }],
    ['already lapsed', { offerExpiresOn: '2026-12-01' }],
    ['placed', { status: 'PLACED' }],
  ])('leaves out an offer %s', (_, overrides) => {
    expect(dashboardAlerts([order(overrides)], alertsData(), today).offers).toEqual([]);
  });

  it('counts an offer expiring today (it can still be placed today) and names participants never asked', () => {
    const [alert] = dashboardAlerts([order({ offerExpiresOn: today, status: 'DRAFT' })], null, today).offers;
    expect(alert.daysLeft).toBe(0);
    expect(alert.awaiting.map((p) => p.decision)).toEqual(['NOT_SUBMITTED', 'NOT_SUBMITTED', 'NOT_SUBMITTED']);
  });

  it("lists the graph's overdue deliveries of both statuses, most overdue first, and counts those beyond the page", () => {
    const delivery = (id: string, code: string, daysOverdue: number, status: string): OverdueDelivery => ({
      id,
      quantity: 1,
      plannedDate: '2026-09-21',
      status,
      daysOverdue,
      country: country(code),
      line: { item: { name: 'Radio' } },
      order: { id: '2', reference: 'JPO-2025-0002' },
    });
    const data = alertsData({
      overdueScheduled: page([delivery('a', 'XK', 2, 'SCHEDULED'), delivery('b', 'AL', 72, 'SCHEDULED')], 5),
      overdueInTransit: page([delivery('c', 'HR', 80, 'IN_TRANSIT')]),
    });
    const alerts = dashboardAlerts([], data, today);
    expect(alerts.deliveries.map((a) => [a.deliveryId, a.daysOverdue])).toEqual([
      ['c', 80],
      ['b', 72],
      ['a', 2],
    ]);
    expect(alerts.deliveriesNotListed).toBe(3);
    expect(dashboardAlerts([], data, today, ['XK']).deliveries[0].deliveryId).toBe('a');
  });

  it('lists open requirements past their date that allocations do not cover, and a ministry its own first', () => {
    const requirement = (id: string, overrides: object) => ({ id, reference: id, quantity: 10, neededBy: '2026-11-01', status: 'SUBMITTED', priority: 'HIGH', item: { nsn: 'n', name: 'Item' }, allocations: [], ...overrides });
    const members: MemberRequirements[] = [
      { code: 'XK', name: 'Kosovo', requirements: [requirement('uncovered', {}), requirement('partly', { allocations: [{ quantity: 4 }], neededBy: '2026-06-01' })] },
      { code: 'AL', name: 'Albania', requirements: [requirement('covered', { allocations: [{ quantity: 6 }, { quantity: 4 }] }), requirement('future', { neededBy: '2027-01-01' }), requirement('withdrawn', { status: 'WITHDRAWN' }), requirement('mine', { neededBy: '2026-12-01' })] },
      { code: 'HR', name: 'Croatia', requirements: null },
    ];
    const alerts = dashboardAlerts([], alertsData({ members }), today, ['AL']).requirements;
    expect(alerts.map((a) => [a.country.code, a.requirementId, a.covered, a.daysPast])).toEqual([
      ['AL', 'mine', 0, 1],
      ['XK', 'partly', 4, 184],
      ['XK', 'uncovered', 0, 31],
    ]);
  });
});

describe('CSV export', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-2851650.05', '-2851650.05'],
    ['', ''],
  ])('escapes %j as %s', (value, escaped) => {
    expect(csvField(value)).toBe(escaped);
  });

  it('writes one CRLF-ended row per member and line, with the next tier left empty where there is none', () => {
    const detail = {
      ...order({}),
      lines: [
        {
          id: '7',
          item: { nsn: '1410-01-458-4218', name: 'Missile, "Javelin"' },
          quantity: 150,
          unitPrice: usd('184000.00'),
          value: usd('27600000.00'),
          tier: { minQuantity: 150, unitPrice: usd('184000.00') },
          nextTier: null,
          allocations: [{ id: '1', country: country('XK'), quantity: 150, cost: usd('27600000.00') }],
        },
      ],
    } as unknown as OrderDetail;
    const [header, row, end] = orderLinesCsv(detail).split('\r\n');
    expect(header.split(',')).toHaveLength(15);
    expect(row).toBe('JPO-2026-0001,1410-01-458-4218,"Missile, ""Javelin""",XK,Country XK,150,150,184000.00,27600000.00,USD,150,,,,');
    expect(end).toBe('');
  });
});

describe("the token's perspective", () => {
  const token = (payload: object) => `x.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.y`;

  it('reads the ministries a token acts for from its roles, as an array or a space-separated string', () => {
    expect(ministryCodes(token({ roles: ['ministry:al', 'analyst'] }))).toEqual(['AL']);
    expect(ministryCodes(token({ roles: 'procurement ministry:XK' }))).toEqual(['XK']);
    expect(ministryCodes(token({ roles: ['procurement'] }))).toEqual([]);
    expect(ministryCodes('not a token')).toEqual([]);
  });
});

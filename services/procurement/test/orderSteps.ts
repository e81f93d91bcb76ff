/**
 * The workflow's mutations as test steps over HTTP, so each test sets up the
 * order it needs in a few readable lines.
 */
import type { TestProcurement } from './procurementTestkit';

export const NSN = {
  javelin: '1410-01-458-4218', // tiers 1: 216000, 50: 197500, 150: 184000, 400: 176250
  launchUnit: '1265-01-630-1820', // same supplier; tiers 1: 265000, 20: 244000, 60: 231500
  firstAidKit: '6545-01-539-6450', // tiers 1: 118.00, 2000: 104.50, 10000: 96.25
  carbine: '1005-01-631-5031', // Colt Defense
};
export const JAVELIN_SUPPLIER = 'Javelin Joint Venture (Raytheon/Lockheed Martin)';

let cases = 0;
/** A fresh FMS case designator per order: "XK-B-A01", "XK-B-A02"… */
export function nextCaseReference(prefix = 'XK'): string {
  cases += 1;
  return `${prefix}-B-${String.fromCharCode(65 + Math.floor(cases / 100) % 26)}${String(cases % 100).padStart(2, '0')}`;
}

export interface OrderSpec {
  country?: string;
  supplier?: string;
  participants?: string[];
  model?: 'COORDINATED_NATIONAL' | 'LEAD_NATION';
  leadNation?: string;
  offerExpiresOn?: string;
  caseReference?: string;
}

export async function createOrder(p: TestProcurement, spec: OrderSpec = {}): Promise<{ id: string; reference: string; version: number }> {
  const { createJointOrder } = await p.query(
    `mutation($country: ID!, $input: CreateJointOrderInput!) { createJointOrder(country: $country, input: $input) { id reference version } }`,
    {
      country: spec.country ?? 'XK',
      input: {
        title: 'Javelin anti-armour capability',
        supplier: spec.supplier ?? JAVELIN_SUPPLIER,
        caseReference: spec.caseReference ?? nextCaseReference(spec.country ?? 'XK'),
        model: spec.model ?? 'COORDINATED_NATIONAL',
        leadNation: spec.leadNation ?? null,
        offerExpiresOn: spec.offerExpiresOn ?? '2026-12-31',
        participants: spec.participants ?? ['AL', 'HR'],
      },
    },
  );
  return createJointOrder;
}

export async function addLine(p: TestProcurement, orderId: string, nsn: string, country = 'XK'): Promise<string> {
  const { addOrderLine } = await p.query(`mutation($c: ID!, $o: ID!, $n: ID!) { addOrderLine(country: $c, orderId: $o, nsn: $n) { id } }`, { c: country, o: orderId, n: nsn });
  return addOrderLine.id;
}

export async function allocate(p: TestProcurement, lineId: string, country: string, quantity: number): Promise<string> {
  const { allocate: allocation } = await p.query(`mutation($c: ID!, $l: ID!, $q: Int!) { allocate(country: $c, lineId: $l, quantity: $q) { id } }`, { c: country, l: lineId, q: quantity });
  return allocation.id;
}

export async function submit(p: TestProcurement, orderId: string, country = 'XK'): Promise<void> {
  await p.query(`mutation($c: ID!, $o: ID!) { submitForApproval(country: $c, orderId: $o) { id } }`, { c: country, o: orderId });
}

export const RECORD_APPROVAL = `mutation($c: ID!, $o: ID!, $d: Decision!, $by: String!, $comment: String, $v: Int) {
  recordApproval(country: $c, orderId: $o, decision: $d, decidedBy: $by, comment: $comment, version: $v) { id decision version comment decidedBy decidedAt country { code } order { status version } }
}`;

export async function decide(p: TestProcurement, orderId: string, country: string, decision: 'APPROVED' | 'REJECTED', comment?: string) {
  return (await p.query(RECORD_APPROVAL, { c: country, o: orderId, d: decision, by: `Minister of ${country}`, comment: comment ?? null })).recordApproval;
}

export async function place(p: TestProcurement, orderId: string, country = 'XK'): Promise<void> {
  await p.query(`mutation($c: ID!, $o: ID!) { placeOrder(country: $c, orderId: $o) { id } }`, { c: country, o: orderId });
}

/** A Javelin order of XK (100 missiles) and AL (50), in DRAFT. */
export async function draftOrder(p: TestProcurement, spec: OrderSpec = {}) {
  const order = await createOrder(p, { participants: ['AL'], ...spec });
  const lineId = await addLine(p, order.id, NSN.javelin, spec.country ?? 'XK');
  const xk = await allocate(p, lineId, 'XK', 100);
  const al = await allocate(p, lineId, 'AL', 50);
  return { orderId: order.id, lineId, allocations: { XK: xk, AL: al } };
}

/** The same order, approved by XK and AL. */
export async function approvedOrder(p: TestProcurement, spec: OrderSpec = {}) {
  const draft = await draftOrder(p, spec);
  await submit(p, draft.orderId, spec.country ?? 'XK');
  await decide(p, draft.orderId, 'XK', 'APPROVED');
  await decide(p, draft.orderId, 'AL', 'APPROVED');
  return draft;
}

/** The same order, placed. */
export async function placedOrder(p: TestProcurement, spec: OrderSpec = {}) {
  const approved = await approvedOrder(p, spec);
  await place(p, approved.orderId, spec.leadNation ?? spec.country ?? 'XK');
  return approved;
}

export const SCHEDULE_DELIVERY = `mutation($c: ID!, $l: ID!, $q: Int!, $d: LocalDate!) { scheduleDelivery(country: $c, lineId: $l, quantity: $q, plannedDate: $d) { id quantity plannedDate status late } }`;
export const RECORD_DELIVERY = `mutation($c: ID!, $id: ID!, $on: LocalDate!, $q: Int) { recordDelivery(country: $c, deliveryId: $id, deliveredOn: $on, quantity: $q) { id quantity status deliveredDate late order { status completedAt } } }`;

export async function scheduleDelivery(p: TestProcurement, lineId: string, country: string, quantity: number, plannedDate: string): Promise<string> {
  return (await p.query(SCHEDULE_DELIVERY, { c: country, l: lineId, q: quantity, d: plannedDate })).scheduleDelivery.id;
}

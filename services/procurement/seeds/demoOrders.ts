/**
 * Demo joint orders, one in each interesting state, written as the history
 * that produced them: every step goes through the real workflow on a clock
 * set to that step's day. So the data obeys every rule, and all prices and
 * savings come out of the catalogue's tiers; nothing is typed in.
 *
 * The story is told relative to DEMO_TODAY. Requirements are not linked:
 * their ids belong to each member's own database.
 */
import type { DataSource } from 'typeorm';
import { Clock } from '../clock';
import { createContext, ProcurementContext } from '../context';
import { Allocation, JointOrder, OrderLine } from '../entities';
import { Decision, DeliveryStatus, PurchasingModel } from '../types/enums';
import { recordApproval, submitForApproval } from '../workflow/approvals';
import { recordDelivery, scheduleDelivery, updateDeliveryStatus } from '../workflow/deliveries';
import { addOrderLine, allocate, updateAllocation } from '../workflow/lines';
import { createJointOrder } from '../workflow/orders';
import { placeOrder } from '../workflow/placement';
import { createImplementationPlan, recordPlanDecision, reviseImplementationPlan } from '../workflow/plans';

/** The day the demo story has reached. */
export const DEMO_TODAY = '2026-10-01';

const NSN = {
  rifleAmmo: '1305-01-594-5843',
  radio: '5820-01-668-1427',
  nightVision: '5855-01-629-5334',
  javelin: '1410-01-458-4218',
  launchUnit: '1265-01-630-1820',
  firstAidKit: '6545-01-539-6450',
  tourniquet: '6515-01-521-7976',
};

const OFFICIALS: Record<string, string> = {
  XK: 'Col. Arben Krasniqi, Director of Procurement',
  AL: 'Gen. Brig. Elira Hoxha, Armaments Director',
  HR: 'Brig. Ivan Kovačić, Head of Defence Procurement',
};

class Story {
  private current = new Date(`${DEMO_TODAY}T09:00:00Z`);
  readonly ctx: ProcurementContext;

  constructor(dataSource: DataSource) {
    const clock: Clock = { now: () => this.current, today: () => this.current.toISOString().slice(0, 10) };
    this.ctx = createContext(dataSource, clock);
  }

  on(day: string): ProcurementContext {
    this.current = new Date(`${day}T09:30:00Z`);
    return this.ctx;
  }

  /** Adds a line and each member's allocation on it. */
  async line(day: string, order: JointOrder, nsn: string, quantities: Record<string, number>): Promise<OrderLine> {
    const line = await addOrderLine(this.on(day), order.createdBy, order.id, nsn);
    for (const [country, quantity] of Object.entries(quantities)) await allocate(this.ctx, country, line.id, quantity);
    return line;
  }

  async approve(day: string, order: JointOrder, country: string, comment?: string): Promise<void> {
    await recordApproval(this.on(day), country, order.id, { decision: Decision.APPROVED, decidedBy: OFFICIALS[country], comment });
  }

  /** Schedules a delivery and returns its id. */
  async ship(day: string, line: OrderLine, country: string, quantity: number, plannedDate: string): Promise<number> {
    return (await scheduleDelivery(this.on(day), country, line.id, quantity, plannedDate)).id;
  }
}

export async function seedDemoOrders(dataSource: DataSource): Promise<void> {
  const story = new Story(dataSource);

  // COMPLETED: 5.56 mm ammunition, all delivered (one of them late).
  const ammo = await createJointOrder(story.on('2025-10-06'), 'AL', {
    title: '5.56 mm ball ammunition for training and operations 2026',
    supplier: 'Olin Winchester',
    caseReference: 'AL-B-ZAM',
    model: PurchasingModel.COORDINATED_NATIONAL,
    offerExpiresOn: '2025-12-15',
    participants: ['XK', 'HR'],
  });
  const ammoLine = await story.line('2025-10-08', ammo, NSN.rifleAmmo, { XK: 800, AL: 1500, HR: 3000 });
  await submitForApproval(story.on('2025-10-20'), 'AL', ammo.id);
  await story.approve('2025-10-27', ammo, 'AL');
  await story.approve('2025-10-30', ammo, 'XK');
  await story.approve('2025-11-05', ammo, 'HR');
  await placeOrder(story.on('2025-11-10'), 'AL', ammo.id);
  const ammoXk = await story.ship('2025-11-12', ammoLine, 'XK', 800, '2026-01-26');
  const ammoAl = await story.ship('2025-11-12', ammoLine, 'AL', 1500, '2026-01-26');
  const ammoHr1 = await story.ship('2025-11-13', ammoLine, 'HR', 2000, '2026-01-26');
  const ammoHr2 = await story.ship('2025-11-13', ammoLine, 'HR', 1000, '2026-02-16');
  await recordDelivery(story.on('2026-01-22'), 'XK', ammoXk, '2026-01-22');
  await recordDelivery(story.on('2026-01-26'), 'HR', ammoHr1, '2026-01-26');
  await recordDelivery(story.on('2026-01-29'), 'AL', ammoAl, '2026-01-29');
  await recordDelivery(story.on('2026-02-16'), 'HR', ammoHr2, '2026-02-16');

  // DELIVERING: radios and night vision bought by Croatia for all; some deliveries late.
  const comms = await createJointOrder(story.on('2025-11-03'), 'HR', {
    title: 'Tactical radios and night vision for light infantry 2026',
    supplier: 'L3Harris Technologies',
    caseReference: 'HR-B-ZCN',
    model: PurchasingModel.LEAD_NATION,
    leadNation: 'HR',
    offerExpiresOn: '2026-01-31',
    participants: ['XK', 'AL'],
  });
  const radios = await story.line('2025-11-05', comms, NSN.radio, { XK: 80, AL: 150, HR: 200 });
  const goggles = await story.line('2025-11-05', comms, NSN.nightVision, { XK: 60, AL: 120, HR: 340 });
  await submitForApproval(story.on('2025-12-01'), 'HR', comms.id);
  await story.approve('2025-12-04', comms, 'XK');
  await story.approve('2025-12-09', comms, 'AL');
  await story.approve('2025-12-11', comms, 'HR');
  await placeOrder(story.on('2026-01-12'), 'HR', comms.id);
  const gogglesXk = await story.ship('2026-01-20', goggles, 'XK', 60, '2026-08-10');
  const gogglesAl = await story.ship('2026-01-20', goggles, 'AL', 120, '2026-08-10');
  const gogglesHr1 = await story.ship('2026-01-20', goggles, 'HR', 200, '2026-08-10');
  const gogglesHr2 = await story.ship('2026-01-20', goggles, 'HR', 140, '2026-09-14');
  await story.ship('2026-01-21', radios, 'AL', 150, '2026-09-21');
  await story.ship('2026-01-21', radios, 'XK', 80, '2026-10-09');
  await story.ship('2026-01-21', radios, 'HR', 200, '2026-10-19');
  await recordDelivery(story.on('2026-08-07'), 'XK', gogglesXk, '2026-08-07');
  await recordDelivery(story.on('2026-08-10'), 'HR', gogglesHr1, '2026-08-10');
  await recordDelivery(story.on('2026-08-24'), 'AL', gogglesAl, '2026-08-24');
  await updateDeliveryStatus(story.on('2026-09-10'), 'HR', gogglesHr2, DeliveryStatus.IN_TRANSIT);

  // IN_APPROVAL: Javelin. Albania rejected version 1, raised its launch units; version 2 awaits Albania.
  const javelin = await createJointOrder(story.on('2026-07-06'), 'XK', {
    title: 'Javelin anti-armour capability 2027',
    supplier: 'Javelin Joint Venture (Raytheon/Lockheed Martin)',
    caseReference: 'XK-B-ZJV',
    model: PurchasingModel.COORDINATED_NATIONAL,
    offerExpiresOn: '2026-12-18',
    participants: ['AL', 'HR'],
  });
  await story.line('2026-07-08', javelin, NSN.javelin, { XK: 30, AL: 60, HR: 90 });
  const launchUnits = await story.line('2026-07-08', javelin, NSN.launchUnit, { XK: 4, AL: 8, HR: 12 });
  await submitForApproval(story.on('2026-08-03'), 'XK', javelin.id);
  await story.approve('2026-08-10', javelin, 'HR');
  await recordApproval(story.on('2026-08-14'), 'AL', javelin.id, {
    decision: Decision.REJECTED,
    decidedBy: OFFICIALS.AL,
    comment: 'Eight launch units cannot equip two anti-armour companies; Albania needs twelve.',
  });
  const alLaunchUnits = await dataSource.getRepository(Allocation).findOneByOrFail({ lineId: launchUnits.id, countryCode: 'AL' });
  await updateAllocation(story.on('2026-08-17'), 'AL', alLaunchUnits.id, { quantity: 12 });
  await submitForApproval(story.on('2026-08-18'), 'AL', javelin.id);
  await story.approve('2026-08-25', javelin, 'XK');
  await story.approve('2026-08-27', javelin, 'HR', 'Approved as revised; Croatia keeps 12 launch units.');

  // DRAFT: casualty care kits; the tourniquet line is still below the 5,000 tier.
  const medical = await createJointOrder(story.on('2026-09-14'), 'AL', {
    title: 'Combat casualty care kits 2027',
    supplier: 'North American Rescue',
    caseReference: 'AL-B-ZMD',
    model: PurchasingModel.COORDINATED_NATIONAL,
    offerExpiresOn: '2027-01-29',
    participants: ['XK', 'HR'],
  });
  await story.line('2026-09-15', medical, NSN.firstAidKit, { XK: 1500, AL: 3000, HR: 6000 });
  await story.line('2026-09-16', medical, NSN.tourniquet, { XK: 2000, AL: 2500 });

  // The implementation plan for the anti-armour and communications orders, now at version 2.
  const plan = await createImplementationPlan(story.on('2026-07-20'), 'XK', {
    title: 'Anti-armour and tactical communications 2026–2027',
    summary: 'Joint purchase of Javelin missiles and launch units under FMS case XK-B-ZJV, and delivery of the L3Harris radios and night-vision devices under HR-B-ZCN; training at the Croatian Army range in Slunj.',
    orderIds: [comms.id, javelin.id],
  });
  for (const [day, country] of [['2026-07-22', 'XK'], ['2026-07-24', 'HR'], ['2026-07-28', 'AL']]) {
    await recordPlanDecision(story.on(day), country, plan.id, { decision: Decision.APPROVED, decidedBy: OFFICIALS[country] });
  }
  await reviseImplementationPlan(
    story.on('2026-08-20'),
    'XK',
    plan.id,
    'As version 1, with 28 launch units after Albania raised its share to twelve; Albanian crews train with the Croatian battalion in the first rotation.',
  );
  await recordPlanDecision(story.on('2026-08-21'), 'XK', plan.id, { decision: Decision.APPROVED, decidedBy: OFFICIALS.XK });
  await recordPlanDecision(story.on('2026-08-26'), 'HR', plan.id, { decision: Decision.APPROVED, decidedBy: OFFICIALS.HR });
}

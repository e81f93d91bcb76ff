/**
 * Demo joint orders, one in each interesting state, written as the history
 * that produced them: every step goes through the real workflow on a clock
 * set to that step's day. So the data obeys every rule, and all prices and
 * savings come out of the catalogue's tiers; nothing is typed in.
 *
 * Every day is an offset from the demo day (lib/reference/demoCalendar.ts),
 * so whenever the demo is seeded it shows the same story: a completed order,
 * one in delivery with deliveries late and still ahead, an order in approval
 * whose offer lapses within weeks with Albania's approval pending, a draft.
 * Each allocation serves one of its member's demo requirements
 * (lib/reference/demoRequirements.ts), by the requirement's id.
 */
import type { DataSource } from 'typeorm';
import { DemoCalendar, demoCalendar } from '../../../lib/reference/demoCalendar';
import { DEMO_REQUIREMENTS, demoRequirementReference } from '../../../lib/reference/demoRequirements';
import { MEMBERS } from '../../../lib/reference/members';
import { shareRequirements } from '../requirements/shares';
import { ITEM } from '../../../lib/reference/items';
import { Clock } from '../clock';
import { createContext, ProcurementContext } from '../context';
import { Allocation, JointOrder, OrderLine } from '../entities';
import { Decision, DeliveryStatus, PurchasingModel, RequirementStatus } from '../types/enums';
import { recordApproval, submitForApproval } from '../workflow/approvals';
import { recordDelivery, scheduleDelivery, updateDeliveryStatus } from '../workflow/deliveries';
import { addOrderLine, allocate, updateAllocation } from '../workflow/lines';
import { createJointOrder } from '../workflow/orders';
import { placeOrder } from '../workflow/placement';
import { createImplementationPlan, recordPlanDecision, reviseImplementationPlan } from '../workflow/plans';

const OFFICIALS: Record<string, string> = {
  XK: 'Col. Arben Krasniqi, Director of Procurement',
  AL: 'Gen. Brig. Elira Hoxha, Armaments Director',
  HR: 'Brig. Ivan Kovačić, Head of Defence Procurement',
};

/** A member's share of a line: [quantity, the id of the member's requirement it serves]. */
type Share = readonly [quantity: number, requirementId: number];

class Story {
  private current: Date;
  readonly ctx: ProcurementContext;

  constructor(dataSource: DataSource, readonly calendar: DemoCalendar) {
    this.current = new Date(`${calendar.today}T09:00:00Z`);
    const clock: Clock = { now: () => this.current, today: () => this.current.toISOString().slice(0, 10) };
    this.ctx = createContext(dataSource, clock);
  }

  /** The date `offset` days from the demo day. */
  day(offset: number): string {
    return this.calendar.day(offset);
  }

  /** Moves the story's clock to `offset` days from the demo day. */
  on(offset: number): ProcurementContext {
    this.current = new Date(`${this.day(offset)}T09:30:00Z`);
    return this.ctx;
  }

  /** Adds a line and each member's allocation on it, linked to the member's requirement. */
  async line(offset: number, order: JointOrder, nsn: string, shares: Record<string, Share>): Promise<OrderLine> {
    const line = await addOrderLine(this.on(offset), order.createdBy, order.id, nsn);
    for (const [country, [quantity, requirementId]] of Object.entries(shares)) await allocate(this.ctx, country, line.id, quantity, String(requirementId));
    return line;
  }

  /** Each admitted member shares its demo requirements with procurement (invited ones cannot yet). */
  async shareRequirements(offset: number): Promise<void> {
    for (const member of MEMBERS.filter((m) => m.membership === 'MEMBER')) {
      const requirements = DEMO_REQUIREMENTS[member.code] ?? [];
      if (requirements.length === 0) continue;
      await shareRequirements(
        this.on(offset),
        member.code,
        requirements.map((r) => ({
          id: String(r.id),
          reference: demoRequirementReference(member.code, r.id),
          nsn: r.nsn,
          quantity: r.quantity,
          neededBy: this.day(r.neededIn),
          status: r.status as RequirementStatus,
        })),
      );
    }
  }

  async approve(offset: number, order: JointOrder, country: string, comment?: string): Promise<void> {
    await recordApproval(this.on(offset), country, order.id, { decision: Decision.APPROVED, decidedBy: OFFICIALS[country], comment });
  }

  /** Schedules a delivery due `plannedIn` days from the demo day and returns its id. */
  async ship(offset: number, line: OrderLine, country: string, quantity: number, plannedIn: number): Promise<number> {
    return (await scheduleDelivery(this.on(offset), country, line.id, quantity, this.day(plannedIn))).id;
  }
}

/** Replays the demo history up to `today`, the demo day ("YYYY-MM-DD"). */
export async function seedDemoOrders(dataSource: DataSource, today: string): Promise<void> {
  const story = new Story(dataSource, demoCalendar(today));
  await story.shareRequirements(-365);

  // COMPLETED: 5.56 mm ammunition, all delivered (one of them late).
  const ammo = await createJointOrder(story.on(-360), 'AL', {
    title: '5.56 mm ball ammunition for training and operations 2026',
    supplier: 'Olin Winchester',
    caseReference: 'AL-B-ZAM',
    model: PurchasingModel.COORDINATED_NATIONAL,
    offerExpiresOn: story.day(-290),
    participants: ['XK', 'HR'],
  });
  const ammoLine = await story.line(-358, ammo, ITEM.CARTRIDGE_556, { XK: [800, 10], AL: [1500, 11], HR: [3000, 12] });
  await submitForApproval(story.on(-346), 'AL', ammo.id);
  await story.approve(-339, ammo, 'AL');
  await story.approve(-336, ammo, 'XK');
  await story.approve(-330, ammo, 'HR');
  await placeOrder(story.on(-325), 'AL', ammo.id);
  const ammoXk = await story.ship(-323, ammoLine, 'XK', 800, -248);
  const ammoAl = await story.ship(-323, ammoLine, 'AL', 1500, -248);
  const ammoHr1 = await story.ship(-322, ammoLine, 'HR', 2000, -248);
  const ammoHr2 = await story.ship(-322, ammoLine, 'HR', 1000, -227);
  await recordDelivery(story.on(-252), 'XK', ammoXk, story.day(-252));
  await recordDelivery(story.on(-248), 'HR', ammoHr1, story.day(-248));
  await recordDelivery(story.on(-245), 'AL', ammoAl, story.day(-245));
  await recordDelivery(story.on(-227), 'HR', ammoHr2, story.day(-227));

  // DELIVERING: radios and night vision bought by Croatia for all; some deliveries late.
  const comms = await createJointOrder(story.on(-332), 'HR', {
    title: 'Tactical radios and night vision for light infantry 2026',
    supplier: 'L3Harris Technologies',
    caseReference: 'HR-B-ZCN',
    model: PurchasingModel.LEAD_NATION,
    leadNation: 'HR',
    offerExpiresOn: story.day(-243),
    participants: ['XK', 'AL'],
  });
  const radios = await story.line(-330, comms, ITEM.PRC_163, { XK: [80, 4], AL: [150, 5], HR: [200, 6] });
  const goggles = await story.line(-330, comms, ITEM.PVS_31, { XK: [60, 5], AL: [120, 6], HR: [340, 14] });
  await submitForApproval(story.on(-304), 'HR', comms.id);
  await story.approve(-301, comms, 'XK');
  await story.approve(-296, comms, 'AL');
  await story.approve(-294, comms, 'HR');
  await placeOrder(story.on(-262), 'HR', comms.id);
  const gogglesXk = await story.ship(-254, goggles, 'XK', 60, -52);
  const gogglesAl = await story.ship(-254, goggles, 'AL', 120, -52);
  const gogglesHr1 = await story.ship(-254, goggles, 'HR', 200, -52);
  const gogglesHr2 = await story.ship(-254, goggles, 'HR', 140, -17);
  await story.ship(-253, radios, 'AL', 150, -10);
  await story.ship(-253, radios, 'XK', 80, 8);
  await story.ship(-253, radios, 'HR', 200, 18);
  await recordDelivery(story.on(-55), 'XK', gogglesXk, story.day(-55));
  await recordDelivery(story.on(-52), 'HR', gogglesHr1, story.day(-52));
  await recordDelivery(story.on(-38), 'AL', gogglesAl, story.day(-38));
  await updateDeliveryStatus(story.on(-21), 'HR', gogglesHr2, DeliveryStatus.IN_TRANSIT);

  // IN_APPROVAL: Javelin. Albania rejected version 1, raised its launch units; version 2 awaits Albania.
  const javelin = await createJointOrder(story.on(-87), 'XK', {
    title: 'Javelin anti-armour capability 2027',
    supplier: 'Javelin Joint Venture (Raytheon/Lockheed Martin)',
    caseReference: 'XK-B-ZJV',
    model: PurchasingModel.COORDINATED_NATIONAL,
    offerExpiresOn: story.day(24), // lapses within weeks, with Albania's approval still pending
    participants: ['AL', 'HR'],
  });
  await story.line(-85, javelin, ITEM.JAVELIN_MISSILE, { XK: [30, 1], AL: [60, 1], HR: [90, 4] });
  const launchUnits = await story.line(-85, javelin, ITEM.JAVELIN_CLU, { XK: [4, 11], AL: [8, 12], HR: [12, 13] });
  await submitForApproval(story.on(-59), 'XK', javelin.id);
  await story.approve(-52, javelin, 'HR');
  await recordApproval(story.on(-48), 'AL', javelin.id, {
    decision: Decision.REJECTED,
    decidedBy: OFFICIALS.AL,
    comment: 'Eight launch units cannot equip two anti-armour companies; Albania needs twelve.',
  });
  const alLaunchUnits = await dataSource.getRepository(Allocation).findOneByOrFail({ lineId: launchUnits.id, countryCode: 'AL' });
  await updateAllocation(story.on(-45), 'AL', alLaunchUnits.id, { quantity: 12 });
  await submitForApproval(story.on(-44), 'AL', javelin.id);
  await story.approve(-37, javelin, 'XK');
  await story.approve(-35, javelin, 'HR', 'Approved as revised; Croatia keeps 12 launch units.');

  // DRAFT: casualty care kits; the tourniquet line is still below the 5,000 tier.
  const medical = await createJointOrder(story.on(-17), 'AL', {
    title: 'Combat casualty care kits 2027',
    supplier: 'North American Rescue',
    caseReference: 'AL-B-ZMD',
    model: PurchasingModel.COORDINATED_NATIONAL,
    offerExpiresOn: story.day(120),
    participants: ['XK', 'HR'],
  });
  await story.line(-16, medical, ITEM.IFAK, { XK: [1500, 12], AL: [3000, 13], HR: [6000, 10] });
  await story.line(-15, medical, ITEM.TOURNIQUET, { XK: [2000, 13], AL: [2500, 14] });

  // The implementation plan for the anti-armour and communications orders, now at version 2.
  const plan = await createImplementationPlan(story.on(-73), 'XK', {
    title: 'Anti-armour and tactical communications 2026–2027',
    summary: 'Joint purchase of Javelin missiles and launch units under FMS case XK-B-ZJV, and delivery of the L3Harris radios and night-vision devices under HR-B-ZCN; training at the Croatian Army range in Slunj.',
    orderIds: [comms.id, javelin.id],
  });
  for (const [day, country] of [[-71, 'XK'], [-69, 'HR'], [-65, 'AL']] as const) {
    await recordPlanDecision(story.on(day), country, plan.id, { decision: Decision.APPROVED, decidedBy: OFFICIALS[country] });
  }
  await reviseImplementationPlan(
    story.on(-42),
    'XK',
    plan.id,
    'As version 1, with 28 launch units after Albania raised its share to twelve; Albanian crews train with the Croatian battalion in the first rotation.',
  );
  await recordPlanDecision(story.on(-41), 'XK', plan.id, { decision: Decision.APPROVED, decidedBy: OFFICIALS.XK });
  await recordPlanDecision(story.on(-36), 'HR', plan.id, { decision: Decision.APPROVED, decidedBy: OFFICIALS.HR });
}

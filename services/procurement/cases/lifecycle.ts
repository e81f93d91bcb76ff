/**
 * A purchaser's case through its stages, as US Foreign Military Sales runs
 * one: letter of request → offer (letter of offer and acceptance, with an
 * expiry) → acceptance (date, signatory) → implementation → deliveries →
 * closure. A lapsed offer can only be re-offered, as a new version; after
 * implementation the case changes by amendments (signed by the purchaser) and
 * modifications (administrative, no signature). A closed case is read-only.
 *
 * Each command runs in one transaction and changes nothing when refused. The
 * case row is claimed (its lock_version) after its order is shared, in the
 * order every writer takes them; every stage change is also written to
 * case_stage_change, whose constraints admit only the next stage, once.
 */
import type { EntityManager } from 'typeorm';
import { badInput, notFound, ruleBroken } from '../../../lib/errors';
import { MinorUnits, parseAmount } from '../../../lib/money';
import type { ProcurementContext } from '../context';
import { Allocation, Delivery, JointOrder, OrderLine } from '../entities';
import { Decision, DeliveryStatus, JointOrderStatus } from '../types/enums';
import { checkDecision, DecisionInput } from '../workflow/approvals';
import { actingMember, claim, requireParticipant, shareOrder } from '../workflow/guards';
import { figuresInTransaction } from '../workflow/placement';
import { requireCurrentVersion, Rule } from '../workflow/rules';
import { CASE_REFERENCE } from '../workflow/orders';
import { insertUnique, writeTransaction } from '../workflow/transaction';
import { Case } from './case.entity';
import { CaseStageChange } from './caseStageChange.entity';
import { CasePayment } from './casePayment.entity';
import { CaseVersion } from './caseVersion.entity';
import { CaseStage, CaseVersionKind, SIGNED_KINDS } from './enums';
import { CaseRule, caseRuleBroken, lapsed, pendingAmendment, requireStage } from './rules';
import { estimateOf, latestVersion } from './versions';

/** Order statuses in which the quantities are submitted, so an offer can be priced. */
const OFFERABLE: readonly JointOrderStatus[] = [JointOrderStatus.IN_APPROVAL, JointOrderStatus.APPROVED, JointOrderStatus.PLACED, JointOrderStatus.DELIVERING, JointOrderStatus.COMPLETED];
/** Order statuses in which the order is signed with the supplier. */
const PLACED: readonly JointOrderStatus[] = [JointOrderStatus.PLACED, JointOrderStatus.DELIVERING, JointOrderStatus.COMPLETED];
const IN_IMPLEMENTATION: readonly CaseStage[] = [CaseStage.IMPLEMENTING, CaseStage.DELIVERING];

function checkText(value: string, field: string, max: number, what: string): string {
  const text = value.trim();
  if (!text || text.length > max) throw badInput(field, `must ${what}, 1 to ${max} characters`);
  return text;
}

function checkExpiry(expiresOn: string, today: string, field = 'expiresOn'): string {
  if (expiresOn < today) throw badInput(field, `must not be in the past (today is ${today})`);
  return expiresOn;
}

/**
 * Opens a case for a change: shares its order (the order first, then the
 * case, as every writer does), claims the case (unless it is closed) and
 * checks it is the acting member's own.
 */
export async function openCase(tx: EntityManager, caseId: number, country: string): Promise<{ kase: Case; order: JointOrder }> {
  await actingMember(tx, country);
  const seen = await tx.findOne(Case, { where: { id: caseId } });
  if (!seen) throw notFound('Case', String(caseId));
  const order = await shareOrder(tx, seen.orderId);
  // A closed case is read-only, in the database too (migration 1796700000000-ClosedCasesReadOnly): not claimed,
  // so every command answers CASE_CLOSED (requireStage) instead of running into the database's refusal.
  const kase = await claim(tx, Case, caseId, (c) => `Case ${c.reference}`, 'Case', true, (c) => c.stage === CaseStage.CLOSED);
  if (kase.countryCode !== country) {
    throw caseRuleBroken(CaseRule.NOT_YOUR_CASE, kase, `Case ${kase.reference} is ${kase.countryCode}'s: only its purchaser (or the office for it) acts on it, not ${country}`, { actingCountry: country });
  }
  return { kase, order };
}

export async function versionsOf(tx: EntityManager, caseId: number): Promise<CaseVersion[]> {
  return tx.find(CaseVersion, { where: { caseId }, order: { version: 'ASC' } });
}

/** Moves the case one stage on and writes the step to its history (the database admits only the next stage). */
async function moveTo(tx: EntityManager, kase: Case, to: CaseStage, day: string, country: string, fields: Partial<Case> = {}): Promise<void> {
  const from = kase.stage;
  await tx.update(Case, { id: kase.id }, { ...fields, stage: to });
  await tx.insert(CaseStageChange, { caseId: kase.id, fromStage: from, toStage: to, changedOn: day, changedBy: country });
  Object.assign(kase, fields, { stage: to });
}

/** The purchaser's share of the order at the joint prices now: what an offer estimates. */
async function shareEstimate(tx: EntityManager, kase: Case, order: JointOrder): Promise<MinorUnits> {
  const figures = await figuresInTransaction(tx, order);
  const share = figures.byCountry.find((c) => c.countryCode === kase.countryCode)?.committed ?? 0n;
  if (share <= 0n) {
    throw caseRuleBroken(CaseRule.CASE_NOTHING_TO_OFFER, kase, `${kase.countryCode} has no allocation in joint order ${order.reference}: there is nothing to offer in case ${kase.reference}`);
  }
  return share;
}

export interface LetterOfRequest {
  requestReference: string;
  requestedBy: string;
  /** The case designator; by default the joint order's, with the purchaser's code first. */
  reference?: string | null;
}

/** A member's letter of request opens its case in a joint order it takes part in. */
export async function requestCase(ctx: ProcurementContext, country: string, orderId: number, letter: LetterOfRequest): Promise<Case> {
  const requestReference = checkText(letter.requestReference, 'requestReference', 60, "give the letter of request's own reference");
  const requestedBy = checkText(letter.requestedBy, 'requestedBy', 120, 'name the signing official');
  return writeTransaction(ctx.dataSource, async (tx) => {
    await actingMember(tx, country);
    const order = await shareOrder(tx, orderId);
    await requireParticipant(tx, order, country);
    if (order.status === JointOrderStatus.CANCELLED) {
      throw ruleBroken(CaseRule.CASE_ORDER_NOT_READY, `Joint order ${order.reference} is CANCELLED: no case can be requested in it`, { country, orderId: String(order.id), status: order.status });
    }
    const reference = letter.reference ?? (CASE_REFERENCE.test(order.caseReference) ? `${country}${order.caseReference.slice(2)}` : null);
    if (!reference || !CASE_REFERENCE.test(reference) || !reference.startsWith(`${country}-`)) {
      throw badInput('reference', `must be the purchaser's case designator, starting with its code, like "${country}-B-ZAF" (got "${reference ?? ''}")`);
    }
    if (await tx.existsBy(Case, { orderId, countryCode: country })) {
      throw ruleBroken(CaseRule.CASE_EXISTS, `${country} already has a case in joint order ${order.reference}`, { country, orderId: String(order.id) });
    }
    const today = ctx.clock.today();
    const kase = tx.create(Case, { orderId, countryCode: country, reference, stage: CaseStage.REQUESTED, version: 0, requestedOn: today, requestReference, requestedBy, acceptedOn: null, acceptedBy: null, closedOn: null, estimateAtClosureMinor: null, actualCostMinor: null, lockVersion: 0 });
    await insertUnique(tx, Case, kase, () => ruleBroken(CaseRule.CASE_REFERENCE_TAKEN, `Case reference ${reference} is taken`, { country, field: 'reference' }));
    await tx.insert(CaseStageChange, { caseId: kase.id, fromStage: null, toStage: CaseStage.REQUESTED, changedOn: today, changedBy: country });
    return kase;
  });
}

export interface Offer {
  expiresOn: string;
  description: string;
}

/** Writes the offer as the case's next version and returns its number (the caller moves the case to it). */
async function issueOffer(tx: EntityManager, ctx: ProcurementContext, kase: Case, order: JointOrder, kind: CaseVersionKind, offer: Offer): Promise<number> {
  if (!OFFERABLE.includes(order.status)) {
    throw caseRuleBroken(CaseRule.CASE_ORDER_NOT_READY, kase, `Joint order ${order.reference} is ${order.status}: an offer is priced on submitted quantities (from IN_APPROVAL on)`, { status: order.status });
  }
  const estimate = await shareEstimate(tx, kase, order);
  const version = kase.version + 1;
  await tx.insert(CaseVersion, {
    caseId: kase.id, version, kind, issuedOn: ctx.clock.today(), expiresOn: offer.expiresOn, estimateMinor: estimate, currency: order.currency,
    description: offer.description, decision: null, decidedOn: null, decidedBy: null, comment: null,
  });
  return version;
}

/** The letter of offer: version 1, priced at the purchaser's share of the order now, valid until `expiresOn`. */
export async function offerCase(ctx: ProcurementContext, country: string, caseId: number, offer: Offer): Promise<Case> {
  const terms = { expiresOn: checkExpiry(offer.expiresOn, ctx.clock.today()), description: checkText(offer.description, 'description', 2000, 'say what is offered') };
  return writeTransaction(ctx.dataSource, async (tx) => {
    const { kase, order } = await openCase(tx, caseId, country);
    requireStage(kase, [CaseStage.REQUESTED], 'be offered');
    const version = await issueOffer(tx, ctx, kase, order, CaseVersionKind.OFFER, terms);
    await moveTo(tx, kase, CaseStage.OFFERED, ctx.clock.today(), country, { version });
    return kase;
  });
}

/** A new offer, as a new version, once the current one lapsed unsigned or was declined. */
export async function reofferCase(ctx: ProcurementContext, country: string, caseId: number, offer: Offer): Promise<Case> {
  const today = ctx.clock.today();
  const terms = { expiresOn: checkExpiry(offer.expiresOn, today), description: checkText(offer.description, 'description', 2000, 'say what is offered') };
  return writeTransaction(ctx.dataSource, async (tx) => {
    const { kase, order } = await openCase(tx, caseId, country);
    requireStage(kase, [CaseStage.OFFERED], 'be re-offered');
    const current = latestVersion(await versionsOf(tx, kase.id)) as CaseVersion;
    if (!lapsed(current, today) && current.decision !== Decision.REJECTED) {
      throw caseRuleBroken(CaseRule.CASE_OFFER_NOT_LAPSED, kase, `The offer of case ${kase.reference} (version ${current.version}) holds until ${current.expiresOn}: it can be signed, not re-offered`, { expiresOn: current.expiresOn });
    }
    kase.version = await issueOffer(tx, ctx, kase, order, CaseVersionKind.REOFFER, terms);
    await tx.update(Case, { id: kase.id }, { version: kase.version });
    return kase;
  });
}

/**
 * The purchaser's decision on the case's current version: signing (APPROVED)
 * or declining (REJECTED) its offer or an amendment, within its validity.
 * Signing the offer accepts the case.
 */
export async function recordCaseDecision(ctx: ProcurementContext, country: string, caseId: number, input: DecisionInput): Promise<CaseVersion> {
  const { decidedBy, comment } = checkDecision(input);
  const today = ctx.clock.today();
  return writeTransaction(ctx.dataSource, async (tx) => {
    const { kase } = await openCase(tx, caseId, country);
    requireStage(kase, [CaseStage.OFFERED, ...IN_IMPLEMENTATION], 'be signed');
    requireCurrentVersion(`Case ${kase.reference}`, kase.version, input.version, country);
    const current = latestVersion(await versionsOf(tx, kase.id)) as CaseVersion;
    if (!SIGNED_KINDS.includes(current.kind) || current.decision !== null) {
      throw caseRuleBroken(CaseRule.CASE_NOTHING_TO_SIGN, kase, `Version ${current.version} of case ${kase.reference} (${current.kind}) awaits no decision${current.decision ? `: it was ${current.decision} on ${current.decidedOn}` : ''}`);
    }
    if (lapsed(current, today)) {
      const isOffer = current.kind !== CaseVersionKind.AMENDMENT;
      throw caseRuleBroken(
        isOffer ? CaseRule.CASE_OFFER_LAPSED : CaseRule.CASE_AMENDMENT_LAPSED,
        kase,
        `Version ${current.version} of case ${kase.reference} lapsed after ${current.expiresOn} (today is ${today})${isOffer ? ': it can only be re-offered, as a new version' : ': a new amendment is needed'}`,
        { expiresOn: current.expiresOn, version: current.version },
      );
    }
    Object.assign(current, { decision: input.decision, decidedOn: today, decidedBy, comment });
    await tx.update(CaseVersion, { caseId: kase.id, version: current.version }, { decision: input.decision, decidedOn: today, decidedBy, comment });
    if (kase.stage === CaseStage.OFFERED && input.decision === Decision.APPROVED) {
      await moveTo(tx, kase, CaseStage.ACCEPTED, today, country, { acceptedOn: today, acceptedBy: decidedBy });
    }
    return current;
  });
}

/** True when goods for the purchaser are moving or have arrived in the order. */
async function goodsMoving(tx: EntityManager, kase: Case): Promise<boolean> {
  const deliveries = await tx.findBy(Delivery, { orderId: kase.orderId, countryCode: kase.countryCode });
  return deliveries.some((d) => d.status !== DeliveryStatus.SCHEDULED);
}

/** Implementation: the purchaser signed, paid its initial deposit, and the joint order is placed. */
export async function implementCase(ctx: ProcurementContext, country: string, caseId: number): Promise<Case> {
  return writeTransaction(ctx.dataSource, async (tx) => {
    const { kase, order } = await openCase(tx, caseId, country);
    requireStage(kase, [CaseStage.ACCEPTED], 'be implemented');
    if (!PLACED.includes(order.status)) {
      throw caseRuleBroken(Rule.ORDER_NOT_PLACED, kase, `Joint order ${order.reference} is ${order.status}: case ${kase.reference} is implemented once the order is placed`, { status: order.status });
    }
    const deposit = await tx.findOne(CasePayment, { where: { caseId: kase.id, sequence: 1 } });
    if (!deposit?.paidOn) {
      throw caseRuleBroken(CaseRule.CASE_DEPOSIT_UNPAID, kase, deposit ? `The initial deposit of case ${kase.reference} (due ${deposit.dueOn}) is not paid yet` : `Case ${kase.reference} has no payment schedule yet: the initial deposit comes first`);
    }
    const today = ctx.clock.today();
    await moveTo(tx, kase, CaseStage.IMPLEMENTING, today, country);
    if (await goodsMoving(tx, kase)) await moveTo(tx, kase, CaseStage.DELIVERING, today, country);
    return kase;
  });
}

/**
 * Called by the deliveries' workflow when goods for a member move: its case,
 * if implemented, enters DELIVERING.
 */
export async function caseGoodsMoving(tx: EntityManager, orderId: number, country: string, today: string): Promise<void> {
  const kase = await tx.findOne(Case, { where: { orderId, countryCode: country } });
  if (kase?.stage !== CaseStage.IMPLEMENTING) return;
  await claim(tx, Case, kase.id, (c) => `Case ${c.reference}`, 'Case', true);
  await moveTo(tx, kase, CaseStage.DELIVERING, today, country);
}

export interface CaseChange {
  description: string;
  /** The case's new estimate, a decimal string in the order's currency. */
  estimate: string;
  /** For an amendment: the last day the purchaser can sign it. */
  expiresOn?: string | null;
}

async function changeCase(ctx: ProcurementContext, country: string, caseId: number, kind: CaseVersionKind.AMENDMENT | CaseVersionKind.MODIFICATION, change: CaseChange): Promise<CaseVersion> {
  const today = ctx.clock.today();
  const description = checkText(change.description, 'description', 2000, 'say what changes');
  const estimate = parseAmount(change.estimate, 'estimate');
  if (estimate <= 0n) throw badInput('estimate', 'must be greater than zero');
  let expiresOn: string | null = null;
  if (kind === CaseVersionKind.AMENDMENT) {
    if (!change.expiresOn) throw badInput('expiresOn', 'is required for an amendment: the last day the purchaser can sign it');
    expiresOn = checkExpiry(change.expiresOn, today);
  } else if (change.expiresOn) {
    throw badInput('expiresOn', 'is only for an amendment: a modification takes effect without a signature');
  }
  return writeTransaction(ctx.dataSource, async (tx) => {
    const { kase, order } = await openCase(tx, caseId, country);
    requireStage(kase, IN_IMPLEMENTATION, `take ${kind === CaseVersionKind.AMENDMENT ? 'an amendment' : 'a modification'}`);
    const pending = pendingAmendment(latestVersion(await versionsOf(tx, kase.id)), today);
    if (pending) {
      throw caseRuleBroken(CaseRule.CASE_AMENDMENT_PENDING, kase, `Amendment version ${pending.version} of case ${kase.reference} awaits ${kase.countryCode}'s signature (until ${pending.expiresOn}): it is signed or declined first`, { version: pending.version });
    }
    const version = tx.create(CaseVersion, {
      caseId: kase.id, version: kase.version + 1, kind, issuedOn: today, expiresOn, estimateMinor: estimate, currency: order.currency,
      description, decision: null, decidedOn: null, decidedBy: null, comment: null,
    });
    await tx.insert(CaseVersion, version);
    await tx.update(Case, { id: kase.id }, { version: version.version });
    return version;
  });
}

/** An amendment (change of scope): a new version that takes effect once the purchaser signs it. */
export function amendCase(ctx: ProcurementContext, country: string, caseId: number, change: CaseChange): Promise<CaseVersion> {
  return changeCase(ctx, country, caseId, CaseVersionKind.AMENDMENT, change);
}

/** A modification (administrative, within scope): a new version in force at once. */
export function modifyCase(ctx: ProcurementContext, country: string, caseId: number, change: CaseChange): Promise<CaseVersion> {
  return changeCase(ctx, country, caseId, CaseVersionKind.MODIFICATION, change);
}

/** What the purchaser's delivered goods cost at the prices the order was placed at. */
async function deliveredValue(tx: EntityManager, kase: Case): Promise<{ value: MinorUnits; open: string[] }> {
  const allocations = await tx.findBy(Allocation, { orderId: kase.orderId, countryCode: kase.countryCode });
  const lines = await tx.findBy(OrderLine, { orderId: kase.orderId });
  const delivered = await tx.findBy(Delivery, { orderId: kase.orderId, countryCode: kase.countryCode, status: DeliveryStatus.DELIVERED });
  let value = 0n;
  const open: string[] = [];
  for (const allocation of allocations) {
    const line = lines.find((l) => l.id === allocation.lineId) as OrderLine;
    const quantity = delivered.filter((d) => d.allocationId === allocation.id).reduce((sum, d) => sum + d.quantity, 0);
    if (quantity < allocation.quantity) open.push(`${line.nsn} (${quantity} of ${allocation.quantity})`);
    value += BigInt(quantity) * (line.agreedUnitPriceMinor ?? 0n);
  }
  return { value, open };
}

/**
 * Closes a case once everything for the purchaser has arrived: the actual
 * cost is what was delivered at the placed order's unit prices plus the
 * charges on the final bill (transport, handling), set against the estimate
 * in force. The case is read-only from then on.
 */
export async function closeCase(ctx: ProcurementContext, country: string, caseId: number, additionalCharges = '0.00'): Promise<Case> {
  const charges = parseAmount(additionalCharges, 'additionalCharges');
  if (charges < 0n) throw badInput('additionalCharges', 'must not be negative');
  const today = ctx.clock.today();
  return writeTransaction(ctx.dataSource, async (tx) => {
    const { kase } = await openCase(tx, caseId, country);
    requireStage(kase, [CaseStage.DELIVERING], 'be closed');
    const versions = await versionsOf(tx, kase.id);
    const pending = pendingAmendment(latestVersion(versions), today);
    if (pending) {
      throw caseRuleBroken(CaseRule.CASE_AMENDMENT_PENDING, kase, `Amendment version ${pending.version} of case ${kase.reference} is not signed: a case closes only on approved terms`, { version: pending.version });
    }
    const { value, open } = await deliveredValue(tx, kase);
    if (open.length > 0) {
      throw caseRuleBroken(CaseRule.CASE_DELIVERIES_OPEN, kase, `Case ${kase.reference} still has goods to deliver: ${open.join(', ')}`, { open });
    }
    const estimate = estimateOf(versions)?.minor ?? 0n;
    await moveTo(tx, kase, CaseStage.CLOSED, today, country, { closedOn: today, estimateAtClosureMinor: estimate, actualCostMinor: value + charges });
    return kase;
  });
}

/**
 * A case's payment schedule: the initial deposit first, then instalments,
 * adding up to the case's estimate. Paid payments stay as they are; a new
 * schedule (e.g. after an amendment) replaces the unpaid ones. A payment's
 * status is read on the procurement clock.
 */
import { badInput } from '../../../lib/errors';
import { formatAmount, MinorUnits, parseAmount, sumMinor } from '../../../lib/money';
import type { ProcurementContext } from '../context';
import { parseId } from '../workflow/guards';
import { writeTransaction } from '../workflow/transaction';
import { CasePayment } from './casePayment.entity';
import { CaseStage, PaymentKind, PaymentStatus } from './enums';
import { openCase, versionsOf } from './lifecycle';
import { CaseRule, caseRuleBroken, requireStage } from './rules';
import { estimateOf } from './versions';

export interface ScheduledPayment {
  dueOn: string;
  /** Decimal string in the case's currency. */
  amount: string;
}

/** PAID once paid; else OVERDUE after its due day, DUE until then. */
export function paymentStatus(payment: Pick<CasePayment, 'paidOn' | 'dueOn'>, today: string): PaymentStatus {
  if (payment.paidOn) return PaymentStatus.PAID;
  return today > payment.dueOn ? PaymentStatus.OVERDUE : PaymentStatus.DUE;
}

/** Schedules (or reschedules) the unpaid part of a case; with what is paid, it must add up to the estimate. */
export async function setPaymentSchedule(ctx: ProcurementContext, country: string, caseId: number, payments: readonly ScheduledPayment[]): Promise<CasePayment[]> {
  const amounts = payments.map((p, i) => {
    const amount = parseAmount(p.amount, `payments[${i}].amount`);
    if (amount <= 0n) throw badInput(`payments[${i}].amount`, 'must be greater than zero');
    if (i > 0 && p.dueOn < payments[i - 1].dueOn) throw badInput(`payments[${i}].dueOn`, `must not be before the payment before it (${payments[i - 1].dueOn})`);
    return amount;
  });
  return writeTransaction(ctx.dataSource, async (tx) => {
    const { kase } = await openCase(tx, caseId, country);
    requireStage(kase, [CaseStage.OFFERED, CaseStage.ACCEPTED, CaseStage.IMPLEMENTING, CaseStage.DELIVERING], 'take a payment schedule');
    const estimate = estimateOf(await versionsOf(tx, kase.id));
    if (!estimate) throw badInput('caseId', `case ${kase.reference} has no offer to schedule payments for`);
    const existing = await tx.find(CasePayment, { where: { caseId: kase.id }, order: { sequence: 'ASC' } });
    const paid = existing.filter((p) => p.paidOn);
    const total = sumMinor([...paid.map((p) => p.amountMinor), ...amounts]);
    if (total !== estimate.minor) {
      throw badInput('payments', `with ${formatAmount(sumMinor(paid.map((p) => p.amountMinor)))} already paid they add up to ${formatAmount(total)} ${estimate.currency}; the estimate of case ${kase.reference} is ${formatAmount(estimate.minor)}`);
    }
    const unpaid = existing.filter((p) => !p.paidOn);
    if (unpaid.length > 0) await tx.delete(CasePayment, unpaid.map((p) => p.id));
    const first = paid.length === 0 ? 1 : Math.max(...paid.map((p) => p.sequence)) + 1;
    const rows = payments.map((p, i) =>
      tx.create(CasePayment, {
        caseId: kase.id,
        sequence: first + i,
        kind: first + i === 1 ? PaymentKind.INITIAL_DEPOSIT : PaymentKind.INSTALMENT,
        dueOn: p.dueOn,
        amountMinor: amounts[i] as MinorUnits,
        currency: estimate.currency,
        paidOn: null,
      }),
    );
    if (rows.length > 0) await tx.insert(CasePayment, rows);
    return [...paid, ...rows];
  });
}

/** Records that a payment was made, on a day not after today. */
export async function recordCasePayment(ctx: ProcurementContext, country: string, paymentId: string, paidOn: string): Promise<CasePayment> {
  const id = parseId(paymentId, 'paymentId');
  const today = ctx.clock.today();
  if (paidOn > today) throw badInput('paidOn', `must not be in the future (today is ${today})`);
  return writeTransaction(ctx.dataSource, async (tx) => {
    const seen = await tx.findOne(CasePayment, { where: { id } });
    if (!seen) throw badInput('paymentId', `no payment has id ${paymentId}`);
    const { kase } = await openCase(tx, seen.caseId, country);
    requireStage(kase, [CaseStage.OFFERED, CaseStage.ACCEPTED, CaseStage.IMPLEMENTING, CaseStage.DELIVERING], 'take payments');
    const payment = (await tx.findOne(CasePayment, { where: { id } })) as CasePayment;
    if (payment.paidOn) throw caseRuleBroken(CaseRule.PAYMENT_ALREADY_PAID, kase, `Payment ${payment.sequence} of case ${kase.reference} was paid on ${payment.paidOn}`, { paymentId });
    if (paidOn < kase.requestedOn) throw badInput('paidOn', `must not be before the case was requested (${kase.requestedOn})`);
    payment.paidOn = paidOn;
    await tx.update(CasePayment, { id }, { paidOn });
    return payment;
  });
}

/**
 * Cases in the graph: read on their own, per joint order and per member; the
 * lifecycle's commands as mutations (each nullable: a refused one answers null
 * with its error and writes nothing).
 */
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Money } from '../../../lib/graphql/money.type';
import { percentOf, sumMinor } from '../../../lib/money';
import { ProcurementContext, write } from '../context';
import { CASE_PAYMENTS, CASE_STAGES, CASE_VERSIONS, CASES, CASES_PER_MEMBER, CASES_PER_ORDER } from '../listSizes';
import { JointOrder, Member } from '../entities';
import { parseId } from '../workflow/guards';
import { AmendCaseArgs, CaseActionArgs, ChangeCaseArgs, CloseCaseArgs, OfferCaseArgs, RecordCasePaymentArgs, RecordCaseDecisionArgs, RequestCaseArgs, SetPaymentScheduleArgs } from './args';
import { Case } from './case.entity';
import { CaseClosure } from './caseClosure.type';
import { CasePayment } from './casePayment.entity';
import { CaseStageChange } from './caseStageChange.entity';
import { CaseVersion } from './caseVersion.entity';
import { CaseStage, PaymentStatus } from './enums';
import { amendCase, closeCase, implementCase, modifyCase, offerCase, recordCaseDecision, reofferCase, requestCase } from './lifecycle';
import { caseLoaders } from './loaders';
import { paymentStatus, recordCasePayment, setPaymentSchedule } from './payments';
import { lapsed, pendingAmendment } from './rules';
import { estimateOf, latestVersion, versionInForce } from './versions';

@Resolver(() => Case)
export class CaseResolver {
  @Query(() => Case, { nullable: true, description: 'One case by id; null if there is none.' })
  async case(@Arg('id', () => ID, { description: "The case's id." }) id: string, @Ctx() ctx: ProcurementContext): Promise<Case | null> {
    return caseLoaders(ctx).caseById.load(parseId(id, 'id'));
  }

  @Directive(CASES)
  @Query(() => [Case], { description: 'Cases, oldest first; optionally one purchaser\'s, or those in one stage.' })
  async cases(
    @Ctx() ctx: ProcurementContext,
    @Arg('purchaser', () => ID, { nullable: true, description: 'Only this member\'s cases.' }) purchaser?: string | null,
    @Arg('stage', () => CaseStage, { nullable: true, description: 'Only cases in this stage.' }) stage?: CaseStage | null,
  ): Promise<Case[]> {
    return ctx.dataSource.getRepository(Case).find({ where: { ...(purchaser ? { countryCode: purchaser } : {}), ...(stage ? { stage } : {}) }, order: { id: 'ASC' } });
  }

  @FieldResolver(() => JointOrder, { description: 'The joint order the case belongs to.' })
  async order(@Root() kase: Case, @Ctx() ctx: ProcurementContext): Promise<JointOrder> {
    return (await ctx.loaders.order.load(kase.orderId)) as JointOrder;
  }

  @FieldResolver(() => Member, { description: 'The purchaser: the member whose case it is.' })
  async purchaser(@Root() kase: Case, @Ctx() ctx: ProcurementContext): Promise<Member> {
    return (await ctx.loaders.member.load(kase.countryCode)) as Member;
  }

  @Directive(CASE_VERSIONS)
  @FieldResolver(() => [CaseVersion], { description: 'Every version of the case document, oldest first.' })
  async versions(@Root() kase: Case, @Ctx() ctx: ProcurementContext): Promise<CaseVersion[]> {
    return caseLoaders(ctx).versions.load(kase.id);
  }

  @FieldResolver(() => CaseVersion, { nullable: true, description: 'The latest version (the one a decision addresses); null while only requested.' })
  async currentVersion(@Root() kase: Case, @Ctx() ctx: ProcurementContext): Promise<CaseVersion | null> {
    return latestVersion(await caseLoaders(ctx).versions.load(kase.id)) ?? null;
  }

  @FieldResolver(() => CaseVersion, { nullable: true, description: 'The version in force: the latest signed one or modification; null before acceptance.' })
  async versionInForce(@Root() kase: Case, @Ctx() ctx: ProcurementContext): Promise<CaseVersion | null> {
    return versionInForce(await caseLoaders(ctx).versions.load(kase.id));
  }

  @FieldResolver(() => Money, { nullable: true, description: "The case's estimate: the version in force's, before acceptance the latest offer's; null while only requested." })
  async estimate(@Root() kase: Case, @Ctx() ctx: ProcurementContext): Promise<Money | null> {
    const estimate = estimateOf(await caseLoaders(ctx).versions.load(kase.id));
    return estimate && Money.of(estimate.minor, estimate.currency);
  }

  @FieldResolver(() => Boolean, { description: 'True while the case is OFFERED and its latest offer lapsed unsigned: it can only be re-offered.' })
  async offerLapsed(@Root() kase: Case, @Ctx() ctx: ProcurementContext): Promise<boolean> {
    const current = latestVersion(await caseLoaders(ctx).versions.load(kase.id));
    return kase.stage === CaseStage.OFFERED && !!current && current.decision === null && lapsed(current, ctx.clock.today());
  }

  @FieldResolver(() => CaseVersion, { nullable: true, description: 'An amendment awaiting the purchaser\'s signature within its validity; null if none.' })
  async pendingAmendment(@Root() kase: Case, @Ctx() ctx: ProcurementContext): Promise<CaseVersion | null> {
    return pendingAmendment(latestVersion(await caseLoaders(ctx).versions.load(kase.id)), ctx.clock.today());
  }

  @Directive(CASE_PAYMENTS)
  @FieldResolver(() => [CasePayment], { description: 'The payment schedule, in order: the initial deposit, then the instalments.' })
  async payments(@Root() kase: Case, @Ctx() ctx: ProcurementContext): Promise<CasePayment[]> {
    return caseLoaders(ctx).payments.load(kase.id);
  }

  @Directive(CASE_STAGES)
  @FieldResolver(() => [CaseStageChange], { description: 'Every stage the case entered, in order.' })
  async history(@Root() kase: Case, @Ctx() ctx: ProcurementContext): Promise<CaseStageChange[]> {
    return caseLoaders(ctx).history.load(kase.id);
  }

  @FieldResolver(() => CaseClosure, { nullable: true, description: 'The final figures once CLOSED; null before.' })
  async closure(@Root() kase: Case, @Ctx() ctx: ProcurementContext): Promise<CaseClosure | null> {
    if (kase.stage !== CaseStage.CLOSED || kase.actualCostMinor === null || kase.estimateAtClosureMinor === null || kase.closedOn === null) return null;
    const [versions, payments] = await Promise.all([caseLoaders(ctx).versions.load(kase.id), caseLoaders(ctx).payments.load(kase.id)]);
    const currency = versions[0].currency;
    const variance = kase.actualCostMinor - kase.estimateAtClosureMinor;
    const paid = sumMinor(payments.filter((p) => p.paidOn).map((p) => p.amountMinor));
    return Object.assign(new CaseClosure(), {
      closedOn: kase.closedOn,
      estimate: Money.of(kase.estimateAtClosureMinor, currency),
      actualCost: Money.of(kase.actualCostMinor, currency),
      variance: Money.of(variance, currency),
      variancePercent: percentOf(variance, kase.estimateAtClosureMinor),
      balance: Money.of(kase.actualCostMinor - paid, currency),
    });
  }

  @Mutation(() => Case, { nullable: true, description: "The acting member's letter of request: opens its case in a joint order it takes part in (REQUESTED)." })
  async requestCase(@Args(() => RequestCaseArgs) { country, orderId, ...letter }: RequestCaseArgs, @Ctx() ctx: ProcurementContext): Promise<Case> {
    return write(ctx, () => requestCase(ctx, country, parseId(orderId, 'orderId'), letter));
  }

  @Mutation(() => Case, { nullable: true, description: "The letter of offer (version 1), priced at the purchaser's share of the order at joint prices (OFFERED)." })
  async offerCase(@Args(() => OfferCaseArgs) { country, caseId, ...offer }: OfferCaseArgs, @Ctx() ctx: ProcurementContext): Promise<Case> {
    return write(ctx, () => offerCase(ctx, country, parseId(caseId, 'caseId'), offer));
  }

  @Mutation(() => Case, { nullable: true, description: 'A new offer as a new version, once the current one lapsed unsigned or was declined (refused with CASE_OFFER_NOT_LAPSED while it can still be signed).' })
  async reofferCase(@Args(() => OfferCaseArgs) { country, caseId, ...offer }: OfferCaseArgs, @Ctx() ctx: ProcurementContext): Promise<Case> {
    return write(ctx, () => reofferCase(ctx, country, parseId(caseId, 'caseId'), offer));
  }

  @Mutation(() => CaseVersion, { nullable: true, description: "The purchaser signs (APPROVED) or declines (REJECTED) the current version, an offer or an amendment, within its validity; signing the offer accepts the case (ACCEPTED). A lapsed one is refused (CASE_OFFER_LAPSED, CASE_AMENDMENT_LAPSED)." })
  async recordCaseDecision(@Args(() => RecordCaseDecisionArgs) args: RecordCaseDecisionArgs, @Ctx() ctx: ProcurementContext): Promise<CaseVersion> {
    const { country, caseId, ...decision } = args;
    return write(ctx, () => recordCaseDecision(ctx, country, parseId(caseId, 'caseId'), decision));
  }

  @Mutation(() => Case, { nullable: true, description: 'Implements an ACCEPTED case once its initial deposit is paid and the joint order placed (IMPLEMENTING; DELIVERING at once if goods already move).' })
  async implementCase(@Args(() => CaseActionArgs) { country, caseId }: CaseActionArgs, @Ctx() ctx: ProcurementContext): Promise<Case> {
    return write(ctx, () => implementCase(ctx, country, parseId(caseId, 'caseId')));
  }

  @Mutation(() => CaseVersion, { nullable: true, description: "An amendment (change of scope) of an implemented case: a new version that takes effect only once the purchaser signs it with recordCaseDecision." })
  async amendCase(@Args(() => AmendCaseArgs) { country, caseId, ...change }: AmendCaseArgs, @Ctx() ctx: ProcurementContext): Promise<CaseVersion> {
    return write(ctx, () => amendCase(ctx, country, parseId(caseId, 'caseId'), change));
  }

  @Mutation(() => CaseVersion, { nullable: true, description: 'A modification (administrative, within scope) of an implemented case: a new version in force at once, no signature needed.' })
  async modifyCase(@Args(() => ChangeCaseArgs) { country, caseId, ...change }: ChangeCaseArgs, @Ctx() ctx: ProcurementContext): Promise<CaseVersion> {
    return write(ctx, () => modifyCase(ctx, country, parseId(caseId, 'caseId'), change));
  }

  @Mutation(() => Case, { nullable: true, description: 'Closes a DELIVERING case once everything for the purchaser has arrived and no amendment awaits signature: the actual cost is set against the estimate; the case is read-only from then on.' })
  async closeCase(@Args(() => CloseCaseArgs) { country, caseId, additionalCharges }: CloseCaseArgs, @Ctx() ctx: ProcurementContext): Promise<Case> {
    return write(ctx, () => closeCase(ctx, country, parseId(caseId, 'caseId'), additionalCharges));
  }

  @Mutation(() => [CasePayment], { nullable: true, description: "Sets the unpaid part of a case's payment schedule (paid payments stay); with what is paid it must add up to the case's estimate." })
  async setCasePaymentSchedule(@Args(() => SetPaymentScheduleArgs) { country, caseId, payments }: SetPaymentScheduleArgs, @Ctx() ctx: ProcurementContext): Promise<CasePayment[]> {
    return write(ctx, () => setPaymentSchedule(ctx, country, parseId(caseId, 'caseId'), payments));
  }

  @Mutation(() => CasePayment, { nullable: true, description: 'Records that a payment of the acting member\'s case was made.' })
  async recordCasePayment(@Args(() => RecordCasePaymentArgs) { country, paymentId, paidOn }: RecordCasePaymentArgs, @Ctx() ctx: ProcurementContext): Promise<CasePayment> {
    return write(ctx, () => recordCasePayment(ctx, country, paymentId, paidOn));
  }
}

@Resolver(() => CaseVersion)
export class CaseVersionResolver {
  @FieldResolver(() => Money, { description: "The case's estimate in this version, in the order's currency." })
  estimate(@Root() version: CaseVersion): Money {
    return Money.of(version.estimateMinor, version.currency);
  }
}

@Resolver(() => CasePayment)
export class CasePaymentResolver {
  @FieldResolver(() => Money, { description: 'The amount due.' })
  amount(@Root() payment: CasePayment): Money {
    return Money.of(payment.amountMinor, payment.currency);
  }

  @FieldResolver(() => PaymentStatus, { description: "PAID, DUE or OVERDUE on the procurement clock's today." })
  status(@Root() payment: CasePayment, @Ctx() ctx: ProcurementContext): PaymentStatus {
    return paymentStatus(payment, ctx.clock.today());
  }
}

@Resolver(() => CaseStageChange)
export class CaseStageChangeResolver {
  @FieldResolver(() => Member, { description: 'The member acted for (the purchaser).' })
  async changedBy(@Root() change: CaseStageChange, @Ctx() ctx: ProcurementContext): Promise<Member> {
    return (await ctx.loaders.member.load(change.changedBy)) as Member;
  }
}

/** A joint order groups its members' cases; a member lists its own. */
@Resolver(() => JointOrder)
export class JointOrderCasesResolver {
  @Directive(CASES_PER_ORDER)
  @FieldResolver(() => [Case], { description: "The purchasers' cases in this order, one per member that sent a letter of request, by member code." })
  async cases(@Root() order: JointOrder, @Ctx() ctx: ProcurementContext): Promise<Case[]> {
    return caseLoaders(ctx).casesOfOrder.load(order.id);
  }
}

@Resolver(() => Member)
export class MemberCasesResolver {
  @Directive(CASES_PER_MEMBER)
  @FieldResolver(() => [Case], { description: "The member's own cases in every joint order, oldest first." })
  async cases(@Root() member: Member, @Ctx() ctx: ProcurementContext): Promise<Case[]> {
    return caseLoaders(ctx).casesOfMember.load(member.code);
  }
}

import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ProcurementContext, write } from '../context';
import { ImplementationPlan, JointOrder, Member, PlanApproval, PlanVersion } from '../entities';
import { CreateImplementationPlanArgs, RecordPlanDecisionArgs, RevisePlanArgs } from '../types/args';
import { approvedBy } from '../workflow/approvalState';
import { parseId } from '../workflow/guards';
import { createImplementationPlan, recordPlanDecision, reviseImplementationPlan } from '../workflow/plans';
import { present } from './lists';
import { APPROVAL_HISTORY, MEMBERS, ORDERS_PER_PLAN, PLANS, PLAN_VERSIONS } from '../listSizes';

/** Every participant of the orders a plan covers, by code. */
async function approversOf(ctx: ProcurementContext, plan: ImplementationPlan): Promise<string[]> {
  const orders = await ctx.loaders.ordersOfPlan.load(plan.id);
  const participants = present(await ctx.loaders.participants.loadMany(orders.map((o) => o.id))).flat();
  return [...new Set(participants.map((p) => p.countryCode))].sort();
}

async function approvedCodes(ctx: ProcurementContext, plan: ImplementationPlan): Promise<string[]> {
  const [history, approvers] = await Promise.all([ctx.loaders.planApprovals.load(plan.id), approversOf(ctx, plan)]);
  return approvedBy(history, plan.version, approvers);
}

async function membersOf(ctx: ProcurementContext, codes: string[]): Promise<Member[]> {
  return present(await ctx.loaders.member.loadMany(codes));
}

@Resolver(() => ImplementationPlan)
export class ImplementationPlanResolver {
  @Directive(PLANS)
  @Query(() => [ImplementationPlan], { description: 'Implementation plans, newest first, with which ministries approved their current version.' })
  async implementationPlans(@Ctx() ctx: ProcurementContext): Promise<ImplementationPlan[]> {
    return ctx.dataSource.getRepository(ImplementationPlan).find({ order: { id: 'DESC' } });
  }

  @Query(() => ImplementationPlan, { nullable: true, description: 'One implementation plan by its id; null if there is none.' })
  async implementationPlan(@Arg('id', () => ID, { description: 'The plan\'s id.' }) id: string, @Ctx() ctx: ProcurementContext): Promise<ImplementationPlan | null> {
    return ctx.loaders.plan.load(parseId(id, 'id'));
  }

  @Mutation(() => ImplementationPlan, { nullable: true, description: 'Drafts version 1 of a plan for joint orders the acting member takes part in.' })
  async createImplementationPlan(@Args(() => CreateImplementationPlanArgs) { country, input }: CreateImplementationPlanArgs, @Ctx() ctx: ProcurementContext): Promise<ImplementationPlan> {
    const orderIds = input.orderIds.map((id) => parseId(id, 'orderIds'));
    return write(ctx, () => createImplementationPlan(ctx, country, { title: input.title, summary: input.summary, orderIds }));
  }

  @Mutation(() => ImplementationPlan, { nullable: true, description: 'A new version of the plan (text, and optionally the orders covered); earlier approvals no longer count.' })
  async reviseImplementationPlan(@Args(() => RevisePlanArgs) { country, planId, summary, orderIds }: RevisePlanArgs, @Ctx() ctx: ProcurementContext): Promise<ImplementationPlan> {
    const ids = orderIds?.map((id) => parseId(id, 'orderIds')) ?? null;
    return write(ctx, () => reviseImplementationPlan(ctx, country, parseId(planId, 'planId'), summary, ids));
  }

  @Mutation(() => PlanApproval, { nullable: true, description: "Records the acting ministry's decision on the plan's current version." })
  async recordPlanDecision(@Args(() => RecordPlanDecisionArgs) args: RecordPlanDecisionArgs, @Ctx() ctx: ProcurementContext): Promise<PlanApproval> {
    const { country, planId, ...decision } = args;
    return write(ctx, () => recordPlanDecision(ctx, country, parseId(planId, 'planId'), decision));
  }

  @FieldResolver(() => String, { description: 'The text of the current version.' })
  async summary(@Root() plan: ImplementationPlan, @Ctx() ctx: ProcurementContext): Promise<string> {
    const versions = await ctx.loaders.planVersions.load(plan.id);
    return versions.find((v) => v.version === plan.version)?.summary ?? '';
  }

  @Directive(PLAN_VERSIONS)
  @FieldResolver(() => [PlanVersion], { description: 'Every version, oldest first.' })
  async versions(@Root() plan: ImplementationPlan, @Ctx() ctx: ProcurementContext): Promise<PlanVersion[]> {
    return ctx.loaders.planVersions.load(plan.id);
  }

  @Directive(ORDERS_PER_PLAN)
  @FieldResolver(() => [JointOrder], { description: 'The joint orders it covers.' })
  async orders(@Root() plan: ImplementationPlan, @Ctx() ctx: ProcurementContext): Promise<JointOrder[]> {
    return ctx.loaders.ordersOfPlan.load(plan.id);
  }

  @Directive(MEMBERS)
  @FieldResolver(() => [Member], { description: 'The ministries that must approve: every participant of the covered orders.' })
  async approvers(@Root() plan: ImplementationPlan, @Ctx() ctx: ProcurementContext): Promise<Member[]> {
    return membersOf(ctx, await approversOf(ctx, plan));
  }

  @Directive(MEMBERS)
  @FieldResolver(() => [Member], { description: 'The ministries whose standing decision on the current version is APPROVED.' })
  async approvedBy(@Root() plan: ImplementationPlan, @Ctx() ctx: ProcurementContext): Promise<Member[]> {
    return membersOf(ctx, await approvedCodes(ctx, plan));
  }

  @Directive(MEMBERS)
  @FieldResolver(() => [Member], { description: 'The ministries that have not approved the current version yet.' })
  async awaiting(@Root() plan: ImplementationPlan, @Ctx() ctx: ProcurementContext): Promise<Member[]> {
    const [approvers, approved] = await Promise.all([approversOf(ctx, plan), approvedCodes(ctx, plan)]);
    return membersOf(ctx, approvers.filter((code) => !approved.includes(code)));
  }

  @FieldResolver(() => Boolean, { description: 'Every approver approved the current version.' })
  async fullyApproved(@Root() plan: ImplementationPlan, @Ctx() ctx: ProcurementContext): Promise<boolean> {
    const [approvers, approved] = await Promise.all([approversOf(ctx, plan), approvedCodes(ctx, plan)]);
    return approvers.length > 0 && approved.length === approvers.length;
  }

  @Directive(APPROVAL_HISTORY)
  @FieldResolver(() => [PlanApproval], { description: 'Every decision on every version, oldest first.' })
  async approvals(@Root() plan: ImplementationPlan, @Ctx() ctx: ProcurementContext): Promise<PlanApproval[]> {
    return ctx.loaders.planApprovals.load(plan.id);
  }

  @FieldResolver(() => Member, { description: 'The member that drafted the plan.' })
  async createdBy(@Root() plan: ImplementationPlan, @Ctx() ctx: ProcurementContext): Promise<Member> {
    return (await ctx.loaders.member.load(plan.createdBy)) as Member;
  }
}

@Resolver(() => PlanApproval)
export class PlanApprovalResolver {
  @FieldResolver(() => Member, { description: 'The ministry that decided.' })
  async country(@Root() approval: PlanApproval, @Ctx() ctx: ProcurementContext): Promise<Member> {
    return (await ctx.loaders.member.load(approval.countryCode)) as Member;
  }
}

@Resolver(() => PlanVersion)
export class PlanVersionResolver {
  @FieldResolver(() => Member, { description: 'The member that wrote this version.' })
  async createdBy(@Root() version: PlanVersion, @Ctx() ctx: ProcurementContext): Promise<Member> {
    return (await ctx.loaders.member.load(version.createdBy)) as Member;
  }
}

import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ProcurementContext } from '../context';
import { Approval, JointOrder, Member } from '../entities';

@Resolver(() => Approval)
export class ApprovalResolver {
  @FieldResolver(() => Member, { description: 'The ministry this entry is for.' })
  async country(@Root() approval: Approval, @Ctx() ctx: ProcurementContext): Promise<Member> {
    return (await ctx.loaders.member.load(approval.countryCode)) as Member;
  }

  @FieldResolver(() => JointOrder, { description: 'The joint order decided on.' })
  async order(@Root() approval: Approval, @Ctx() ctx: ProcurementContext): Promise<JointOrder> {
    return (await ctx.loaders.order.load(approval.orderId)) as JointOrder;
  }
}

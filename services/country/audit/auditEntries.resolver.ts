import { Max, Min } from 'class-validator';
import { Args, ArgsType, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { LessThan } from 'typeorm';
import { badInput } from '../../../lib/errors';
import type { CountryContext } from '../context';
import { toRowId } from '../ids';
import { MemberArgs } from '../resolvers/args';
import { AuditEntry } from './auditEntry.entity';

export const AUDIT_PAGE_MAX = 500;

@ArgsType()
class AuditEntriesArgs extends MemberArgs {
  @Field(() => Int, { defaultValue: 50, description: `How many entries, newest first: 1 to ${AUDIT_PAGE_MAX}.` })
  @Min(1, { message: `must be from 1 to ${AUDIT_PAGE_MAX}` })
  @Max(AUDIT_PAGE_MAX, { message: `must be from 1 to ${AUDIT_PAGE_MAX}` })
  first: number;

  @Field(() => String, { nullable: true, description: "The entries older than this cursor: a page's endCursor. Leave out for the newest." })
  after?: string | null;
}

@ObjectType({ description: 'A page of the audit trail, newest entry first.' })
export class AuditEntryPage {
  @Field(() => [AuditEntry], { description: 'The entries of this page, newest first.' })
  entries: AuditEntry[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next (older) page; null on an empty page.' })
  endCursor: string | null;

  @Field({ description: 'Whether older entries follow this page.' })
  hasNextPage: boolean;
}

@Resolver()
export class AuditEntriesResolver {
  @Query(() => AuditEntryPage, {
    nullable: true,
    description: "Every change to the ministry's records (mutations and imports): who, when, before and after. Read by the member's own ministry and procurement.",
  })
  async auditEntries(@Args(() => AuditEntriesArgs) { first, after }: AuditEntriesArgs, @Ctx() ctx: CountryContext): Promise<AuditEntryPage> {
    const olderThan = after === undefined || after === null ? undefined : toRowId(after);
    if (olderThan === undefined && after !== undefined && after !== null) throw badInput('after', `must be an endCursor from an earlier page, got "${after.slice(0, 16)}"`);
    // One row more than asked tells whether another page follows.
    const rows = await ctx.dataSource.getRepository(AuditEntry).find({
      where: { countryCode: ctx.member, ...(olderThan === undefined ? {} : { id: LessThan(olderThan) }) },
      order: { id: 'DESC' },
      take: first + 1,
    });
    const entries = rows.slice(0, first);
    return { entries, endCursor: entries.length ? String(entries[entries.length - 1].id) : null, hasNextPage: rows.length > first };
  }
}

import { Args, ArgsType, Ctx, Directive, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { keysetPage, SortKey } from '../../../lib/db/keysetPage';
import { ConnectionOf, PageRequest, WithPage } from '../../../lib/graphql/pagination';
import type { CountryContext } from '../context';
import { MemberArgs } from '../resolvers/args';
import { AuditEntry } from './auditEntry.entity';
import { AUDIT_ENTRIES, AUDIT_PAGE } from '../listSizes';

/** The audit trail's own, documented page sizes (from before the shared pagination; kept so no client breaks). */
export const AUDIT_PAGE_MAX = 500;
const AUDIT_PAGE_DEFAULT = 50;

/** Newest first: ids grow with time within the member. */
const AUDIT_SORT: SortKey<AuditEntry>[] = [{ column: 'a.id', property: 'id', direction: 'DESC', kind: 'number' }];

@ArgsType()
class AuditEntriesArgs extends WithPage(MemberArgs, 'audit entries', AUDIT_PAGE_MAX, AUDIT_PAGE_DEFAULT) {}

/**
 * A page of the trail as a connection (totalCount, pageInfo, edges, nodes),
 * with the first version's fields kept, deprecated, beside their replacements.
 */
@ObjectType({ description: 'A page of the audit trail, newest entry first, with the total and the cursor for the next (older) page.' })
export class AuditEntryPage extends ConnectionOf(AuditEntry, 'AuditEntry', 'audit entries') {
  @Directive(AUDIT_ENTRIES)
  @Field(() => [AuditEntry], { description: 'The entries of this page, newest first.', deprecationReason: 'Use nodes (or edges, with each entry\'s cursor).' })
  get entries(): AuditEntry[] {
    return this.nodes;
  }

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next (older) page; null on an empty page.', deprecationReason: 'Use pageInfo.endCursor.' })
  get endCursor(): string | null {
    return this.pageInfo.endCursor;
  }

  @Field({ description: 'Whether older entries follow this page.', deprecationReason: 'Use pageInfo.hasNextPage.' })
  get hasNextPage(): boolean {
    return this.pageInfo.hasNextPage;
  }
}

@Resolver()
export class AuditEntriesResolver {
  @Directive(AUDIT_PAGE)
  @Query(() => AuditEntryPage, {
    nullable: true,
    description: "Every change to the ministry's records (mutations and imports), newest first, a page at a time: who, when, before and after. Read by the member's own ministry and procurement.",
  })
  async auditEntries(@Args(() => AuditEntriesArgs) { first, after }: MemberArgs & PageRequest, @Ctx() ctx: CountryContext): Promise<AuditEntryPage> {
    const filtered = ctx.dataSource.getRepository(AuditEntry).createQueryBuilder('a').where('a.countryCode = :member', { member: ctx.member });
    const page = await keysetPage(filtered, { list: 'auditEntries', sort: AUDIT_SORT, first, after, max: AUDIT_PAGE_MAX });
    // Descriptors, not values: totalCount stays a getter that counts only when asked for.
    return Object.defineProperties(Object.create(AuditEntryPage.prototype) as AuditEntryPage, Object.getOwnPropertyDescriptors(page));
  }
}

/** The membership registry: inviting a country and admitting it as a member. */
import { badInput } from '../../../lib/errors';
import { Member } from '../entities';
import type { ProcurementContext } from '../context';
import { legacyNatoStatus, Membership, NatoRelation, NatoStatus } from '../types/enums';
import { parseMemberCode } from './guards';
import { memberRuleBroken, Rule } from './rules';
import { insertUnique, writeTransaction } from './transaction';

export interface MemberDetails {
  code: string;
  name: string;
  natoRelation?: NatoRelation | null;
  /** The deprecated way to give the relation. */
  natoStatus?: NatoStatus | null;
}

/** The registry fields from checked details: both NATO columns from the one relation. */
function checkDetails(details: MemberDetails): { name: string; natoRelation: NatoRelation; natoStatus: NatoStatus } {
  parseMemberCode(details.code, 'code');
  const name = details.name.trim();
  if (name.length === 0 || name.length > 100) throw badInput('name', 'must be 1 to 100 characters');
  const given = details.natoRelation ?? details.natoStatus;
  if (!given) throw badInput('natoRelation', 'is required: MEMBER, ASPIRANT, PARTNER or NONE');
  if (details.natoRelation && details.natoStatus && (details.natoRelation as string) !== details.natoStatus) {
    throw badInput('natoStatus', `says ${details.natoStatus} but natoRelation says ${details.natoRelation}; give natoRelation alone`);
  }
  const natoRelation = given as string as NatoRelation;
  return { name, natoRelation, natoStatus: legacyNatoStatus(natoRelation) };
}

function memberExists(code: string, membership: Membership): Error {
  return memberRuleBroken(Rule.MEMBER_EXISTS, code, `"${code}" is already ${membership === Membership.MEMBER ? 'a member' : 'invited'}`, { field: 'code' });
}

/** Records an invitation: the country appears in the registry but cannot take part in orders yet. */
export async function inviteMember(ctx: ProcurementContext, details: MemberDetails): Promise<Member> {
  const registry = checkDetails(details);
  return writeTransaction(ctx.dataSource, async (tx) => {
    const existing = await tx.findOne(Member, { where: { code: details.code } });
    if (existing) throw memberExists(details.code, existing.membership);
    const member = tx.create(Member, { code: details.code, ...registry, membership: Membership.INVITED, admittedAt: null });
    return insertUnique(tx, Member, member, () => memberExists(details.code, Membership.INVITED));
  });
}

/**
 * Admits a member: a new code becomes a MEMBER at once, an invited country is
 * promoted. A code that is already a member is refused.
 */
export async function admitMember(ctx: ProcurementContext, details: MemberDetails): Promise<Member> {
  const registry = checkDetails(details);
  return writeTransaction(ctx.dataSource, async (tx) => {
    const existing = await tx.findOne(Member, { where: { code: details.code } });
    if (existing?.membership === Membership.MEMBER) throw memberExists(details.code, Membership.MEMBER);
    const fields = { ...registry, membership: Membership.MEMBER, admittedAt: ctx.clock.now() };
    if (existing) {
      // Only an invitation still standing is promoted; a concurrent admission leaves nothing to update.
      const promoted = await tx.update(Member, { code: details.code, membership: Membership.INVITED }, fields);
      if (promoted.affected !== 1) throw memberExists(details.code, Membership.MEMBER);
      return tx.findOneOrFail(Member, { where: { code: details.code } });
    }
    return insertUnique(tx, Member, tx.create(Member, { code: details.code, ...fields }), () => memberExists(details.code, Membership.MEMBER));
  });
}

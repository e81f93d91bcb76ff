/**
 * A ministry shares its requirements with procurement (`shareRequirements`):
 * what procurement checks allocation links against and pools. Sharing again
 * updates them; a requirement cannot shrink below what its allocations
 * already take, nor change item once allocations serve it.
 */
import { badInput } from '../../../lib/errors';
import type { ProcurementContext } from '../context';
import { CatalogItem, RequirementShare } from '../entities';
import { RequirementStatus } from '../types/enums';
import { actingMember } from '../workflow/guards';
import { checkQuantity } from '../workflow/lines';
import { memberRuleBroken, Rule } from '../workflow/rules';
import { writeTransaction } from '../workflow/transaction';
import { allocatedTo, checkRequirementId, lockedShare } from './links';

export interface SharedRequirement {
  id: string;
  reference: string;
  nsn: string;
  quantity: number;
  neededBy: string;
  status: RequirementStatus;
}

const MAX_SHARED = 500;

function checkShared(requirements: readonly SharedRequirement[]): void {
  if (requirements.length === 0 || requirements.length > MAX_SHARED) throw badInput('requirements', `give 1 to ${MAX_SHARED} requirements (got ${requirements.length})`);
  const seen = new Set<string>();
  requirements.forEach((r, i) => {
    checkRequirementId(r.id, `requirements[${i}].id`);
    if (seen.has(r.id)) throw badInput(`requirements[${i}].id`, `"${r.id}" is given twice`);
    seen.add(r.id);
    const reference = r.reference.trim();
    if (reference.length === 0 || reference.length > 40) throw badInput(`requirements[${i}].reference`, 'must be 1 to 40 characters');
    checkQuantity(r.quantity, `requirements[${i}].quantity`);
  });
}

export async function shareRequirements(ctx: ProcurementContext, country: string, requirements: readonly SharedRequirement[]): Promise<RequirementShare[]> {
  checkShared(requirements);
  return writeTransaction(ctx.dataSource, async (tx) => {
    await actingMember(tx, country);
    const known = new Set((await tx.findBy(CatalogItem, requirements.map((r) => ({ nsn: r.nsn })))).map((item) => item.nsn));
    const shared: RequirementShare[] = [];
    for (const [i, r] of requirements.entries()) {
      if (!known.has(r.nsn)) throw badInput(`requirements[${i}].nsn`, `"${r.nsn}" is not in the catalogue`);
      const existing = await lockedShare(tx, country, r.id);
      if (existing) {
        const allocated = await allocatedTo(tx, country, r.id);
        if (allocated > 0 && existing.nsn !== r.nsn) {
          throw memberRuleBroken(Rule.REQUIREMENT_ITEM_MISMATCH, country, `Requirement ${existing.reference} is served by allocations of ${existing.nsn}; its item cannot change to ${r.nsn}`, {
            field: `requirements[${i}].nsn`,
          });
        }
        if (r.quantity < allocated) {
          throw memberRuleBroken(Rule.REQUIREMENT_OVER_ALLOCATED, country, `Requirement ${existing.reference} already has ${allocated} allocated; it cannot need fewer (${r.quantity})`, {
            field: `requirements[${i}].quantity`,
            allocated,
          });
        }
      }
      const row = tx.create(RequirementShare, {
        countryCode: country,
        requirementId: r.id,
        reference: r.reference.trim(),
        nsn: r.nsn,
        quantity: r.quantity,
        neededBy: r.neededBy,
        status: r.status,
        sharedAt: ctx.clock.now(),
      });
      await tx.save(RequirementShare, row);
      shared.push(row);
    }
    return shared;
  });
}

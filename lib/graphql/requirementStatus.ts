/**
 * The life cycle of a member's requirement. Both subgraphs expose it: the
 * country subgraph on its requirements, procurement on the requirements
 * ministries share with it. One definition, so the two stay equal and
 * composition merges them (an enum differing between subgraphs is a
 * composition hint at best, a client-visible difference at worst).
 */
import { registerDescribedEnum } from './describedEnum';

export enum RequirementStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  FULFILLED = 'FULFILLED',
  WITHDRAWN = 'WITHDRAWN',
}

registerDescribedEnum(RequirementStatus, 'RequirementStatus', 'A requirement is drafted, submitted to joint procurement, then fulfilled or withdrawn.', {
  DRAFT: 'Being written by the ministry; not yet seen by joint procurement.',
  SUBMITTED: 'Put to joint procurement, to be served by an allocation in a joint order.',
  FULFILLED: 'Met: the items were bought (closed).',
  WITHDRAWN: 'No longer needed (closed).',
});

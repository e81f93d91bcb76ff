/**
 * The alliance's members as the demo knows them at first start. Procurement
 * owns the registry (name, NATO status, membership); each member's own
 * subgraph owns its ministry, inventory, requirements and budgets.
 */
/**
 * The country's relation to NATO: a member, an aspirant (a partner NATO has
 * recognised as seeking membership), a partner (e.g. in the Partnership for
 * Peace), or none (Kosovo: not in the Partnership for Peace; NATO's presence
 * there is KFOR, not a partnership).
 */
export type NatoRelation = 'MEMBER' | 'ASPIRANT' | 'PARTNER' | 'NONE';
export type Membership = 'MEMBER' | 'INVITED';

export interface MemberReference {
  code: string;
  name: string;
  natoRelation: NatoRelation;
  membership: Membership;
  /** Currency of the national defence budget. */
  budgetCurrency: string;
}

export const MEMBERS: readonly MemberReference[] = [
  { code: 'XK', name: 'Kosovo', natoRelation: 'NONE', membership: 'MEMBER', budgetCurrency: 'EUR' },
  { code: 'AL', name: 'Albania', natoRelation: 'MEMBER', membership: 'MEMBER', budgetCurrency: 'ALL' },
  { code: 'HR', name: 'Croatia', natoRelation: 'MEMBER', membership: 'MEMBER', budgetCurrency: 'EUR' },
  { code: 'BG', name: 'Bulgaria', natoRelation: 'MEMBER', membership: 'INVITED', budgetCurrency: 'EUR' },
];

/** ISO 3166-1 alpha-2, plus XK (Kosovo's user-assigned code, used by NATO and the EU). */
export const MEMBER_CODE = /^[A-Z]{2}$/;

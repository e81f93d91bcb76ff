/**
 * The alliance's members as the demo knows them at first start. Procurement
 * owns the registry (name, NATO status, membership); each member's own
 * subgraph owns its ministry, inventory, requirements and budgets.
 */
export type NatoStatus = 'MEMBER' | 'ASPIRANT' | 'PARTNER';
export type Membership = 'MEMBER' | 'INVITED';

export interface MemberReference {
  code: string;
  name: string;
  natoStatus: NatoStatus;
  membership: Membership;
  /** Currency of the national defence budget. */
  budgetCurrency: string;
}

export const MEMBERS: readonly MemberReference[] = [
  { code: 'XK', name: 'Kosovo', natoStatus: 'PARTNER', membership: 'MEMBER', budgetCurrency: 'EUR' },
  { code: 'AL', name: 'Albania', natoStatus: 'MEMBER', membership: 'MEMBER', budgetCurrency: 'ALL' },
  { code: 'HR', name: 'Croatia', natoStatus: 'MEMBER', membership: 'MEMBER', budgetCurrency: 'EUR' },
  { code: 'BG', name: 'Bulgaria', natoStatus: 'MEMBER', membership: 'INVITED', budgetCurrency: 'EUR' },
];

/** ISO 3166-1 alpha-2, plus XK (Kosovo's user-assigned code, used by NATO and the EU). */
export const MEMBER_CODE = /^[A-Z]{2}$/;

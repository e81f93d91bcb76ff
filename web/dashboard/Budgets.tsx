import type { GraphQLErrorPayload } from '../shared/graphqlClient';
import { isForbiddenAt } from '../shared/problems';
import { formatMoney, label, percentOf } from './format';
import type { MemberBudget } from './queries';

interface BudgetsProps {
  members: MemberBudget[];
  errors: GraphQLErrorPayload[];
  unavailable: ReadonlySet<string>;
  year: number;
}

/** Each member's procurement budget for the year against what it has committed to joint orders. */
export function Budgets({ members, errors, unavailable, year }: BudgetsProps) {
  const differentCurrencies = members.some((m) => m.budget?.procurement && m.budget.procurement.currency !== m.totalCommitted.currency);
  return (
    <>
      {differentCurrencies && (
        <p className="budget-note">
          Commitments are in each order's currency, budgets in the national one; where they differ the two are shown side by side, not
          compared — the graph holds no exchange rates.
        </p>
      )}
      <ul className="budgets" data-testid="budgets">
      {members.map((member, index) => {
        const budget = member.budget?.procurement ?? null;
        const sameCurrency = budget !== null && budget.currency === member.totalCommitted.currency;
        const share = sameCurrency ? percentOf(member.totalCommitted.amount, budget.amount) : null;
        return (
          <li key={member.code} data-testid="budget" data-country={member.code} className={unavailable.has(member.code) ? 'is-unavailable' : undefined}>
            <div className="budget-head">
              <span className="budget-country">
                {member.name} <span className="code">{member.code}</span>
              </span>
              {member.membership !== 'MEMBER' && <span className="badge invited">{label(member.membership)}</span>}
              {unavailable.has(member.code) && <span className="badge unavailable-badge">unavailable</span>}
            </div>
            <div className="budget-ministry">{member.ministry?.name ?? ''}</div>
            <dl className="budget-figures">
              <div>
                <dt>Committed</dt>
                <dd data-field="committed">{formatMoney(member.totalCommitted)}</dd>
              </div>
              <div>
                <dt>Procurement budget {year}</dt>
                <dd data-field="budget">{budget ? formatMoney(budget) : missingBudget(member, index, errors, unavailable, year)}</dd>
              </div>
            </dl>
            {share !== null && (
              <div className="budget-bar" title={`${share} % of the ${year} procurement budget committed`}>
                {/* Display only: the width is a percentage computed exactly, then drawn. */}
                <div className={`budget-used${Number(share) > 100 ? ' over' : ''}`} style={{ width: `${Math.min(100, Number(share))}%` }} />
                <span>{share} % committed</span>
              </div>
            )}
          </li>
        );
      })}
      </ul>
    </>
  );
}

function missingBudget(member: MemberBudget, index: number, errors: GraphQLErrorPayload[], unavailable: ReadonlySet<string>, year: number): string {
  if (unavailable.has(member.code)) return 'unavailable — the member is not answering';
  if (isForbiddenAt(errors, ['members', index, 'budget'])) return 'not visible with your role';
  return `no budget recorded for ${year}`;
}

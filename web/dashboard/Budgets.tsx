import type { GraphQLErrorPayload } from '../shared/graphqlClient';
import { isForbiddenAt } from '../shared/problems';
import { committedInYear } from './fiscalYear';
import { formatMoney, label, percentOf } from './format';
import type { MemberBudget, OrderListItem } from './queries';

interface BudgetsProps {
  members: MemberBudget[];
  orders: readonly OrderListItem[];
  errors: GraphQLErrorPayload[];
  unavailable: ReadonlySet<string>;
  year: number;
  years: readonly number[];
  onYearChange(year: number): void;
  /** Members the token acts for: listed first. */
  perspective: readonly string[];
}

/** Each member's procurement budget for one fiscal year against what it committed to joint orders of that year. */
export function Budgets({ members, orders, errors, unavailable, year, years, onYearChange, perspective }: BudgetsProps) {
  const rows = members.map((member, index) => ({ member, index, committed: committedInYear(orders, member.code, year) }));
  const shown = [...rows.filter((r) => perspective.includes(r.member.code)), ...rows.filter((r) => !perspective.includes(r.member.code))];
  const differentCurrencies = rows.some(({ member, committed }) => member.budget?.procurement && committed.some((c) => c.currency !== member.budget?.procurement?.currency));
  return (
    <>
      <div className="budget-year">
        <label htmlFor="budget-year">Fiscal year</label>
        <select id="budget-year" value={year} onChange={(event) => onYearChange(Number(event.target.value))} data-testid="budget-year">
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <span className="budget-rule">an order counts in the year it is placed; approved and not yet placed, in the year its offer expires</span>
      </div>
      {differentCurrencies && (
        <p className="budget-note">
          Commitments are in each order's currency, budgets in the national one; where they differ the two are shown side by side, not
          compared — the graph holds no exchange rates.
        </p>
      )}
      <ul className="budgets" data-testid="budgets" data-year={year}>
        {shown.map(({ member, index, committed }) => {
          const budget = member.budget?.procurement ?? null;
          const single = committed.length === 1 ? committed[0] : committed.length === 0 && budget ? { amount: '0.00', currency: budget.currency } : null;
          const share = budget !== null && single !== null && single.currency === budget.currency ? percentOf(single.amount, budget.amount) : null;
          return (
            <li
              key={member.code}
              data-testid="budget"
              data-country={member.code}
              className={[unavailable.has(member.code) ? 'is-unavailable' : '', perspective.includes(member.code) ? 'yours' : ''].join(' ').trim() || undefined}
            >
              <div className="budget-head">
                <span className="budget-country">
                  {member.name} <span className="code">{member.code}</span>
                </span>
                {perspective.includes(member.code) && <span className="badge yours-badge">your ministry</span>}
                {member.membership !== 'MEMBER' && <span className="badge invited">{label(member.membership)}</span>}
                {unavailable.has(member.code) && <span className="badge unavailable-badge">unavailable</span>}
              </div>
              <div className="budget-ministry">{member.ministry?.name ?? ''}</div>
              <dl className="budget-figures">
                <div>
                  <dt>Committed in {year}</dt>
                  <dd data-field="committed">{committed.length === 0 ? 'nothing' : committed.map(formatMoney).join(' + ')}</dd>
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
                  <span data-field="share">{share} % committed</span>
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

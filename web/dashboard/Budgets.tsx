import type { GraphQLErrorPayload } from '../shared/graphqlClient';
import { isForbiddenAt } from '../shared/problems';
import { formatLocalDate, formatMoney, label } from './format';
import type { ExchangeRate, MemberBudget } from './queries';

interface BudgetsProps {
  members: MemberBudget[];
  errors: GraphQLErrorPayload[];
  unavailable: ReadonlySet<string>;
  year: number;
  years: readonly number[];
  onYearChange(year: number): void;
  /** Members the token acts for: listed first. */
  perspective: readonly string[];
}

/**
 * Each member's procurement budget for one fiscal year against what it committed in that year, as the graph's
 * `budgetComparison` answers them: every figure in one currency, nothing added up or converted here.
 */
export function Budgets({ members, errors, unavailable, year: chosen, years, onYearChange, perspective }: BudgetsProps) {
  // The year the figures are of: the one answered (a newly chosen year shows once its answer arrives).
  const year = members.find((m) => m.budgetComparison)?.budgetComparison?.fiscalYear ?? chosen;
  const rows = members.map((member, index) => ({ member, index }));
  const shown = [...rows.filter((r) => perspective.includes(r.member.code)), ...rows.filter((r) => !perspective.includes(r.member.code))];
  const comparisons = members.flatMap((m) => (m.budgetComparison ? [m.budgetComparison] : []));
  const rates = distinctRates(comparisons.flatMap((c) => c.rates));
  const currency = comparisons[0]?.currency;
  return (
    <>
      <div className="budget-year">
        <label htmlFor="budget-year">Fiscal year</label>
        <select id="budget-year" value={chosen} onChange={(event) => onYearChange(Number(event.target.value))} data-testid="budget-year">
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <span className="budget-rule">committed: the payments of the member's cases falling due in the year</span>
      </div>
      {currency && (
        <p className="budget-note" data-testid="budget-rates">
          In {currency}
          {rates.length > 0 && (
            <>
              {' '}at the reference rates:{' '}
              {rates.map((rate, i) => (
                <span key={`${rate.currency}-${rate.rateDate}`} className="budget-rate" title={rate.source}>
                  {i > 0 && '; '}1 EUR = {rate.unitsPerEuro} {rate.currency} ({formatLocalDate(rate.rateDate)}
                  {/illustrative/i.test(rate.source) ? ', illustrative' : ''})
                </span>
              ))}
            </>
          )}
          .
        </p>
      )}
      <ul className="budgets" data-testid="budgets" data-year={year}>
        {shown.map(({ member, index }) => {
          const comparison = member.budgetComparison;
          const share = comparison?.committedPercent ?? null;
          const converted = (money: { currency: string } | null | undefined) => comparison !== null && money != null && money.currency !== comparison.currency;
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
                  <dd data-field="committed">{comparison ? formatMoney(comparison.committed) : missing(member, index, errors, unavailable, 'budgetComparison')}</dd>
                  {comparison?.committedAsScheduled.some(converted) && (
                    <dd className="budget-as-set" data-field="committedAsScheduled">
                      scheduled as {comparison.committedAsScheduled.map(formatMoney).join(' + ')}
                    </dd>
                  )}
                </div>
                <div>
                  <dt>Procurement budget {year}</dt>
                  <dd data-field="budget">
                    {comparison?.budget ? formatMoney(comparison.budget) : missing(member, index, errors, unavailable, 'budgets', year)}
                  </dd>
                  {converted(comparison?.budgetAsSet) && (
                    <dd className="budget-as-set" data-field="budgetAsSet">
                      set as {formatMoney(comparison?.budgetAsSet)}
                    </dd>
                  )}
                </div>
              </dl>
              {share !== null && (
                <div className="budget-bar" title={`${share} % of the ${year} procurement budget committed; ${formatMoney(comparison?.remaining)} remaining`}>
                  {/* Display only: the graph's exact percentage, drawn. */}
                  <div className={`budget-used${Number(share) > 100 ? ' over' : ''}`} style={{ width: `${Math.min(100, Number(share))}%` }} />
                  <span>
                    <span data-field="share">{share}</span> % committed
                  </span>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Each rate once (every member's comparison lists the rates it used). */
function distinctRates(rates: readonly ExchangeRate[]): ExchangeRate[] {
  const seen = new Map<string, ExchangeRate>();
  for (const rate of rates) seen.set(`${rate.currency} ${rate.rateDate}`, rate);
  return [...seen.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

function missing(member: MemberBudget, index: number, errors: GraphQLErrorPayload[], unavailable: ReadonlySet<string>, field: string, year?: number): string {
  if (unavailable.has(member.code)) return 'unavailable — the member is not answering';
  if (isForbiddenAt(errors, ['members', index, field])) return 'not visible with your role';
  return year === undefined ? 'not answered' : `no budget recorded for ${year}`;
}

import { useEffect, useState, type ReactNode } from 'react';
import { loadToken } from '../shared/bearerToken';
import type { GraphQLResult } from '../shared/graphqlClient';
import { authProblem, memberProblems, type MemberProblem } from '../shared/problems';
import { AppHeader } from '../shared/AppHeader';
import { Approvals } from './Approvals';
import { Budgets } from './Budgets';
import { DeliveryTimeline } from './DeliveryTimeline';
import { Notices } from './Notices';
import { OrderList } from './OrderList';
import { OrderSummary } from './OrderSummary';
import { BUDGET_YEAR, MEMBERS_QUERY, ORDER_QUERY, ORDERS_QUERY, type MemberBudget, type OrderDetail, type OrderListItem } from './queries';
import { SavingsChart } from './SavingsChart';
import { useGraphQL, type QueryState } from './useGraphQL';

/** Orders furthest along first when nothing is selected: they have the most to show. */
const SHOWCASE_STATUSES = ['DELIVERING', 'PLACED', 'APPROVED', 'IN_APPROVAL', 'COMPLETED', 'DRAFT'];

function defaultOrderId(orders: readonly OrderListItem[]): string | null {
  for (const status of SHOWCASE_STATUSES) {
    const order = orders.find((o) => o.status === status);
    if (order) return order.id;
  }
  return orders[0]?.id ?? null;
}

/** The selected order lives in the address (#order=<id>) so a view can be shared or reloaded. */
function orderIdFromHash(): string | null {
  const match = /(?:^#|&)order=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

const resultOf = <T,>(state: QueryState<T>): GraphQLResult<T> | null => (state.phase === 'done' ? state.result : null);

export function Dashboard() {
  const [token, setToken] = useState(loadToken);
  const [reload, setReload] = useState(0);
  const [chosenId, setChosenId] = useState<string | null>(orderIdFromHash);

  useEffect(() => {
    const onHashChange = () => setChosenId(orderIdFromHash());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const ordersState = useGraphQL<{ jointOrders: OrderListItem[] }>(ORDERS_QUERY, undefined, token, { reload });
  const membersState = useGraphQL<{ members: MemberBudget[] }>(MEMBERS_QUERY, { year: BUDGET_YEAR }, token, { reload });
  const orders = resultOf(ordersState)?.data?.jointOrders ?? [];
  const selectedId = chosenId !== null && orders.some((o) => o.id === chosenId) ? chosenId : defaultOrderId(orders);
  const orderState = useGraphQL<{ jointOrder: OrderDetail | null }>(ORDER_QUERY, { id: selectedId }, token, { reload, skip: selectedId === null });

  const results = [resultOf(ordersState), resultOf(membersState), resultOf(orderState)].filter((r) => r !== null);
  const auth = results.map((r) => authProblem(r, token)).find((p) => p !== null) ?? null;
  const unavailable: MemberProblem[] = memberProblems(results.flatMap((r) => r.errors));
  const unavailableCodes = new Set(unavailable.map((p) => p.country));

  const members = resultOf(membersState)?.data?.members ?? [];
  const order = resultOf(orderState)?.data?.jointOrder ?? null;
  const nameOf = (code: string): string =>
    members.find((m) => m.code === code)?.name ?? orders.flatMap((o) => o.participants).find((p) => p.code === code)?.name ?? code;

  const select = (id: string) => {
    setChosenId(id);
    window.history.replaceState(null, '', `#order=${encodeURIComponent(id)}`);
  };

  return (
    <div className="dashboard-page">
      <AppHeader app="Dashboard" otherApp={{ href: '/playground/', label: 'Playground' }} token={token} onTokenChange={setToken}>
        <button type="button" className="refresh" onClick={() => setReload((n) => n + 1)}>
          Refresh
        </button>
      </AppHeader>
      <Notices auth={auth} members={unavailable} nameOf={nameOf} />
      <main className="dashboard">
        <aside className="column-left">
          <Card title="Joint orders">
            <Loaded state={ordersState} what="joint orders">
              {() => <OrderList orders={orders} selectedId={selectedId} onSelect={select} />}
            </Loaded>
          </Card>
          <Card title={`Budgets ${BUDGET_YEAR} against commitments`}>
            <Loaded state={membersState} what="members">
              {(result) => <Budgets members={members} errors={result.errors} unavailable={unavailableCodes} year={BUDGET_YEAR} />}
            </Loaded>
          </Card>
        </aside>
        <div className="column-right">
          {selectedId === null ? (
            <Card title="Selected order">
              <p className="empty">Select a joint order on the left.</p>
            </Card>
          ) : (
            <Loaded state={orderState} what="the selected order" wrap>
              {() =>
                order === null ? (
                  <Card title="Selected order">
                    <p className="empty">This order no longer exists.</p>
                  </Card>
                ) : (
                  <>
                    <div className="card">
                      <OrderSummary order={order} />
                    </div>
                    <Card title="Savings per member: joint price against ordering alone">
                      <SavingsChart rows={order.savingsByCountry} />
                    </Card>
                    <Card title="Approvals by ministry">
                      <Approvals order={order} />
                    </Card>
                    <Card title="Deliveries">
                      <DeliveryTimeline deliveries={order.deliveries} />
                    </Card>
                  </>
                )
              }
            </Loaded>
          )}
        </div>
      </main>
    </div>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card">
      <h2 className="card-title">{title}</h2>
      {children}
    </section>
  );
}

/**
 * Renders `children` once the query answered with data; otherwise says what
 * is happening. Member and token problems are told once at the top, so a
 * failed panel only says that it could not load.
 */
function Loaded<T>({ state, what, wrap, children }: { state: QueryState<T>; what: string; wrap?: boolean; children(result: GraphQLResult<T>): ReactNode }) {
  let message: string;
  if (state.phase !== 'done') message = `Loading ${what}…`;
  else if (state.result.data !== null) return <>{children(state.result)}</>;
  else message = `Could not load ${what}: ${state.result.errors.map((e) => e.message).join('; ') || `HTTP ${state.result.httpStatus}`}`;
  const body = (
    <p className={state.phase === 'done' ? 'load-error' : 'loading'} data-testid={state.phase === 'done' ? 'load-error' : 'loading'}>
      {message}
    </p>
  );
  return wrap ? <div className="card">{body}</div> : body;
}

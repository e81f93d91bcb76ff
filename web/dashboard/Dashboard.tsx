import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { loadToken } from '../shared/bearerToken';
import type { GraphQLResult } from '../shared/graphqlClient';
import { authProblem, memberProblems, type MemberProblem } from '../shared/problems';
import { AppHeader } from '../shared/AppHeader';
import { ministryCodes } from '../shared/tokenPayload';
import { Alerts } from './Alerts';
import { dashboardAlerts } from './alerts';
import { Approvals } from './Approvals';
import { Budgets } from './Budgets';
import { DeliveryTimeline } from './DeliveryTimeline';
import { todayIso } from './format';
import { Notices } from './Notices';
import { downloadText } from './download';
import { csvFileName, orderLinesCsv } from './orderCsv';
import { OrderLines } from './OrderLines';
import { OrderList } from './OrderList';
import { OrderSummary } from './OrderSummary';
import { concerningFirst } from './perspective';
import {
  MEMBERS_QUERY,
  ORDER_QUERY,
  ORDERS_QUERY,
  ALERTS_QUERY,
  type AlertsData,
  type MemberBudget,
  type OrderDetail,
  type OrderListItem,
} from './queries';
import { RefreshControls } from './RefreshControls';
import { SavingsChart } from './SavingsChart';
import { initialRefreshSeconds, saveRefreshSeconds, useAutoRefresh } from './useAutoRefresh';
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
const receivedAt = (state: QueryState<unknown>): Date | null => (state.phase === 'done' ? state.receivedAt : null);

export function Dashboard() {
  const [token, setToken] = useState(loadToken);
  const [reload, setReload] = useState(0);
  const [chosenId, setChosenId] = useState<string | null>(orderIdFromHash);
  const [refreshSeconds, setRefreshSeconds] = useState(initialRefreshSeconds);
  const thisYear = new Date().getUTCFullYear();
  const [year, setYear] = useState(thisYear);
  const perspective = useMemo(() => ministryCodes(token), [token]);

  useEffect(() => {
    const onHashChange = () => setChosenId(orderIdFromHash());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const refresh = useCallback(() => setReload((n) => n + 1), []);
  useAutoRefresh(refreshSeconds, refresh);

  const ordersState = useGraphQL<{ jointOrders: OrderListItem[] }>(ORDERS_QUERY, undefined, token, { reload });
  const membersState = useGraphQL<{ members: MemberBudget[] }>(MEMBERS_QUERY, { year }, token, { reload });
  const alertsState = useGraphQL<AlertsData>(ALERTS_QUERY, undefined, token, { reload });
  // A ministry sees the orders it takes part in first.
  const takesPart = (order: OrderListItem, code: string) => order.participants.some((p) => p.code === code);
  const orders = concerningFirst(resultOf(ordersState)?.data?.jointOrders ?? [], perspective, takesPart);
  const theirs = orders.filter((order) => perspective.some((code) => takesPart(order, code)));
  const selectedId = chosenId !== null && orders.some((o) => o.id === chosenId) ? chosenId : (defaultOrderId(theirs) ?? defaultOrderId(orders));
  const orderState = useGraphQL<{ jointOrder: OrderDetail | null }>(ORDER_QUERY, { id: selectedId }, token, { reload, skip: selectedId === null });

  const states: QueryState<unknown>[] = [ordersState, membersState, alertsState, ...(selectedId === null ? [] : [orderState])];
  const results = states.map((state) => resultOf(state)).filter((r) => r !== null);
  const auth = results.map((r) => authProblem(r, token)).find((p) => p !== null) ?? null;
  const unavailable: MemberProblem[] = memberProblems(results.flatMap((r) => r.errors));
  const unavailableCodes = new Set(unavailable.map((p) => p.country));
  // The page is as fresh as its oldest answer.
  const times = states.map(receivedAt);
  const updatedAt = times.every((t) => t !== null) ? new Date(Math.min(...times.map((t) => (t as Date).getTime()))) : null;

  const members = resultOf(membersState)?.data?.members ?? [];
  const alertsResult = resultOf(alertsState);
  const order = resultOf(orderState)?.data?.jointOrder ?? null;
  const alerts = dashboardAlerts(orders, alertsResult?.data ?? null, todayIso(), perspective);
  // The years worth choosing: every budget year on record and this one, newest first.
  const years = [...new Set([...members.flatMap((m) => (m.budgets ?? []).map((b) => b.year)), thisYear])].sort((a, b) => b - a);
  const nameOf = (code: string): string =>
    members.find((m) => m.code === code)?.name ?? orders.flatMap((o) => o.participants).find((p) => p.code === code)?.name ?? code;

  const select = (id: string) => {
    setChosenId(id);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#order=${encodeURIComponent(id)}`);
  };

  return (
    <div className="dashboard-page">
      <AppHeader app="Dashboard" otherApp={{ href: '/playground/', label: 'Playground' }} token={token} onTokenChange={setToken}>
        <RefreshControls
          updatedAt={updatedAt}
          seconds={refreshSeconds}
          onSecondsChange={(seconds) => {
            saveRefreshSeconds(seconds);
            setRefreshSeconds(seconds);
          }}
          onRefresh={refresh}
        />
        {perspective.length > 0 && (
          <span className="perspective" data-testid="perspective">
            Perspective: {perspective.map(nameOf).join(', ')}
          </span>
        )}
      </AppHeader>
      <Notices auth={auth} members={unavailable} nameOf={nameOf} />
      {resultOf(ordersState)?.data && (
        <div className="alerts-row">
          <Alerts
            alerts={alerts}
            perspective={perspective}
            onSelectOrder={select}
            incomplete={alertsResult !== null && (alertsResult.data === null || alertsResult.errors.length > 0)}
          />
        </div>
      )}
      <main className="dashboard">
        <aside className="column-left">
          <Card title="Joint orders" className="card-orders">
            <Loaded state={ordersState} what="joint orders">
              {() => <OrderList orders={orders} selectedId={selectedId} onSelect={select} perspective={perspective} />}
            </Loaded>
          </Card>
          <Card title="Budgets against commitments" className="card-budgets">
            <Loaded state={membersState} what="members">
              {(result) => (
                <Budgets
                  members={members}
                  errors={result.errors}
                  unavailable={unavailableCodes}
                  year={year}
                  years={years}
                  onYearChange={setYear}
                  perspective={perspective}
                />
              )}
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
                      <OrderSummary
                        order={order}
                        onExportCsv={() => downloadText(csvFileName(order), orderLinesCsv(order), 'text/csv;charset=utf-8')}
                        onPrint={() => window.print()}
                      />
                    </div>
                    <Card title="Lines: quantities, price tiers and the next tier">
                      <OrderLines order={order} />
                    </Card>
                    <Card title="Savings per member: joint price against ordering alone" className="card-savings">
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

function Card({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  return (
    <section className={`card ${className ?? ''}`.trim()}>
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

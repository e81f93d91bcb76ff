/**
 * The test's own view of the public API: the same gateway the pages talk to,
 * queried directly, so a test can compare what a page shows with what the
 * graph answers.
 */
export interface ApiAnswer<TData> {
  status: number;
  data: TData;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export async function queryGateway<TData>(origin: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<ApiAnswer<TData>> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: TData; errors?: ApiAnswer<TData>['errors'] };
  return { status: response.status, ...body };
}

/** "12,550,500.00 USD" → "12550500.00 USD": the page groups digits; the API does not. */
export const ungrouped = (text: string): string => text.replace(/(\d),(?=\d)/g, '$1').replace(/\s+/g, ' ').trim();

export const moneyText = (money: { amount: string; currency: string }): string => `${money.amount} ${money.currency}`;

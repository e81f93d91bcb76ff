import {
  ANONYMOUS_READER,
  canAdmitMembers,
  canReadBudget,
  canReadGraph,
  canRecordApproval,
  canRunOrders,
  canWriteMember,
  forbidden,
  identityOf,
  parseRoles,
  requirePermission,
  type Role,
} from './roles';

const as = (...roles: Role[]) => identityOf('someone', roles);

describe('parseRoles', () => {
  it('reads an array claim', () => {
    expect(parseRoles(['ministry:XK', 'analyst'])).toEqual({ roles: ['ministry:XK', 'analyst'], rejected: [] });
  });

  it('reads a space-separated string claim', () => {
    expect(parseRoles(' procurement  ministry:HR ')).toEqual({ roles: ['procurement', 'ministry:HR'], rejected: [] });
  });

  it('ignores and reports entries that are not roles, never granting them', () => {
    const parsed = parseRoles(['ministry:xk', 'ministry:XKK', 'ministry:', 'admin', 42, { role: 'procurement' }, 'analyst']);
    expect(parsed.roles).toEqual(['analyst']);
    expect(parsed.rejected).toEqual(['ministry:xk', 'ministry:XKK', 'ministry:', 'admin', '42', '{"role":"procurement"}']);
  });

  it('reports a claim of the wrong type instead of granting anything', () => {
    expect(parseRoles({ procurement: true })).toEqual({ roles: [], rejected: ['{"procurement":true}'] });
    expect(parseRoles(undefined)).toEqual({ roles: [], rejected: [] });
  });

  it('counts a repeated role once', () => {
    expect(parseRoles(['analyst', 'analyst']).roles).toEqual(['analyst']);
  });
});

describe('identityOf', () => {
  it('lists the members a caller acts for', () => {
    expect(as('ministry:XK', 'analyst', 'ministry:AL').memberCodes).toEqual(['XK', 'AL']);
  });
});

describe('permissions', () => {
  const kosovo = as('ministry:XK');
  const procurement = as('procurement');
  const analyst = as('analyst');
  const nobody = as();

  it('lets a ministry write and approve for its own member only', () => {
    expect(canWriteMember(kosovo, 'XK')).toBe(true);
    expect(canRecordApproval(kosovo, 'XK')).toBe(true);
    expect(canWriteMember(kosovo, 'AL')).toBe(false);
    expect(canRecordApproval(kosovo, 'AL')).toBe(false);
  });

  it('lets only procurement run joint orders and admit members', () => {
    expect([procurement, kosovo, analyst].map(canRunOrders)).toEqual([true, false, false]);
    expect([procurement, kosovo, analyst].map(canAdmitMembers)).toEqual([true, false, false]);
  });

  it('does not let procurement write a member\'s own records or approve for it', () => {
    expect(canWriteMember(procurement, 'XK')).toBe(false);
    expect(canRecordApproval(procurement, 'XK')).toBe(false);
  });

  it('shows a budget to its own ministry and to procurement only', () => {
    expect(canReadBudget(kosovo, 'XK')).toBe(true);
    expect(canReadBudget(procurement, 'HR')).toBe(true);
    expect(canReadBudget(kosovo, 'HR')).toBe(false);
    expect(canReadBudget(analyst, 'XK')).toBe(false);
  });

  it('lets every role read the graph, and nobody without one', () => {
    expect([kosovo, procurement, analyst].every(canReadGraph)).toBe(true);
    expect(canReadGraph(nobody)).toBe(false);
  });

  it('gives the anonymous reader reading and nothing else', () => {
    expect(canReadGraph(ANONYMOUS_READER)).toBe(true);
    expect(canWriteMember(ANONYMOUS_READER, 'XK') || canRunOrders(ANONYMOUS_READER) || canReadBudget(ANONYMOUS_READER, 'XK')).toBe(false);
  });
});

describe('forbidden', () => {
  it('names the action and the member, with FORBIDDEN and extensions.country', () => {
    const error = forbidden('read the budget', 'HR');
    expect(error.message).toBe('Not allowed to read the budget for member HR');
    expect(error.extensions).toEqual({ code: 'FORBIDDEN', country: 'HR' });
  });

  it('is thrown by requirePermission only when the check fails', () => {
    expect(() => requirePermission(true, 'run joint orders')).not.toThrow();
    expect(() => requirePermission(false, 'run joint orders')).toThrow('Not allowed to run joint orders');
  });
});

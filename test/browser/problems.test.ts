/** What the web apps tell a user about the gateway's answer: token problems and members that did not answer. */
import { createHmac } from 'node:crypto';
import { authProblem, memberProblems } from '../../web/shared/problems';
import type { GraphQLResult } from '../../web/shared/graphqlClient';

/** A real HS256 JWT (the pages never verify it; they only read `exp` for the message). */
function tokenExpiringAt(seconds: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: 'analyst-1', roles: ['analyst'], exp: seconds })}`;
  return `${unsigned}.${createHmac('sha256', 'a development secret for this test only').update(unsigned).digest('base64url')}`;
}

const answer = (httpStatus: number, errors: GraphQLResult<unknown>['errors'], data: unknown = null): GraphQLResult<unknown> => ({ httpStatus, data, errors });
const unauthenticated = answer(401, [{ message: 'Bearer token missing or invalid', extensions: { code: 'UNAUTHENTICATED' } }]);

describe('token problems', () => {
  it('asks for a token when there is none and the gateway wants one', () => {
    expect(authProblem(unauthenticated, '')).toMatchObject({ kind: 'missing', message: expect.stringMatching(/npm start/) });
  });

  it('says when the token expired, reading the time from the token itself', () => {
    const expiredAt = Math.floor(Date.now() / 1000) - 3600;
    const problem = authProblem(unauthenticated, tokenExpiringAt(expiredAt));
    expect(problem).toMatchObject({ kind: 'expired' });
    expect(problem?.message).toContain(new Date(expiredAt * 1000).toLocaleString());
  });

  it("passes on the gateway's reason when a current token is refused", () => {
    const problem = authProblem(unauthenticated, tokenExpiringAt(Math.floor(Date.now() / 1000) + 3600));
    expect(problem).toEqual({ kind: 'rejected', message: 'The gateway did not accept your token: Bearer token missing or invalid' });
  });

  it('treats an UNAUTHENTICATED error in a 200 answer like a 401', () => {
    expect(authProblem(answer(200, unauthenticated.errors), '')?.kind).toBe('missing');
  });

  it('says the role is insufficient on 403', () => {
    expect(authProblem(answer(403, [{ message: 'analysts read only', extensions: { code: 'FORBIDDEN' } }]), 'token')).toEqual({
      kind: 'forbidden',
      message: 'Your token lacks the role this page needs: analysts read only',
    });
  });

  it('leaves a FORBIDDEN field inside an otherwise answered query to the panel that shows it', () => {
    const oneBudgetHidden = answer(200, [{ message: 'budget of another ministry', path: ['members', 1, 'budget'], extensions: { code: 'FORBIDDEN' } }], { members: [] });
    expect(authProblem(oneBudgetHidden, 'token')).toBeNull();
  });

  it('finds nothing wrong in a clean answer', () => {
    expect(authProblem(answer(200, [], { jointOrders: [] }), '')).toBeNull();
  });
});

describe('members that did not answer', () => {
  it('names each unavailable member once, whatever the number of fields it left empty', () => {
    const errors = [
      { message: 'HR is down', path: ['members', 2, 'budget'], extensions: { code: 'MEMBER_UNAVAILABLE', country: 'HR' } },
      { message: 'HR is down', path: ['members', 2, 'ministry'], extensions: { code: 'MEMBER_UNAVAILABLE', country: 'HR' } },
      { message: 'AL too slow', path: ['members', 1, 'budget'], extensions: { code: 'MEMBER_TIMEOUT', country: 'AL' } },
      { message: 'no such member', extensions: { code: 'UNKNOWN_MEMBER', country: 'MK' } },
    ];
    expect(memberProblems(errors)).toEqual([
      { country: 'HR', code: 'MEMBER_UNAVAILABLE', message: 'HR is down' },
      { country: 'AL', code: 'MEMBER_TIMEOUT', message: 'AL too slow' },
      { country: 'MK', code: 'UNKNOWN_MEMBER', message: 'no such member' },
    ]);
  });

  it('ignores errors that do not name a member, or name one for another reason', () => {
    const errors = [
      { message: 'bad input', extensions: { code: 'BAD_USER_INPUT', field: 'id' } },
      { message: 'wrong member', extensions: { code: 'WRONG_MEMBER', country: 'XK' } },
      { message: 'no country', extensions: { code: 'MEMBER_UNAVAILABLE' } },
    ];
    expect(memberProblems(errors)).toEqual([]);
  });
});

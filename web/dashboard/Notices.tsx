import type { AuthProblem, MemberProblem } from '../shared/problems';

const WHY: Record<string, string> = {
  MEMBER_UNAVAILABLE: 'its subgraph is not answering',
  MEMBER_TIMEOUT: 'its subgraph did not answer in time',
  UNKNOWN_MEMBER: 'the gateway has no service registered for it',
};

/** Token problems and members that could not answer; everything else on the page still shows. */
export function Notices({ auth, members, nameOf }: { auth: AuthProblem | null; members: MemberProblem[]; nameOf(code: string): string }) {
  return (
    <>
      {auth && (
        <div className="notice notice-auth" role="alert" data-testid="auth-problem" data-problem={auth.kind}>
          <strong>{auth.kind === 'forbidden' ? 'Not allowed.' : 'Sign-in needed.'}</strong> {auth.message}
        </div>
      )}
      {members.map((problem) => (
        <div key={problem.country} className="notice notice-member" role="alert" data-testid="member-unavailable" data-country={problem.country}>
          <strong>
            {nameOf(problem.country)} ({problem.country}) is unavailable
          </strong>{' '}
          — {WHY[problem.code] ?? problem.message}. Its ministry's own data (budget, ministry name) is missing below; everything else is
          complete.
        </div>
      ))}
    </>
  );
}

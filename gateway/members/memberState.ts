/**
 * What the gateway knows of one member's subgraph. Only `available` members
 * get requests; the others are answered for at once, as unavailable.
 */
export type MemberState =
  /** Not contacted yet. */
  | { status: 'unchecked' }
  /** Answered, and serves the contract. */
  | { status: 'available'; since: Date }
  /** Did not answer (refused the connection, timed out, failed). */
  | { status: 'down'; since: Date; reason: string }
  /** Answered, but its schema is not the contract: never sent anything but contract checks. */
  | { status: 'refused'; since: Date; reason: string };

export type MemberStatus = MemberState['status'];

/** The JSON a member's state is reported as (GET /ready). */
export function describeState(state: MemberState): Record<string, unknown> {
  switch (state.status) {
    case 'unchecked':
      return { status: state.status };
    case 'available':
      return { status: state.status, since: state.since.toISOString() };
    case 'down':
    case 'refused':
      return { status: state.status, since: state.since.toISOString(), reason: state.reason };
  }
}

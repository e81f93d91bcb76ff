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

/** A member's state as JSON (GET /ready). */
export interface MemberStateReport {
  status: MemberStatus;
  since?: string;
  reason?: string;
}

export function describeState(state: MemberState): MemberStateReport {
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

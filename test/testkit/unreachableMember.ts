/**
 * A federation with a member that is down from the start: XK runs, and the
 * config lists BG at a port where nothing listens — how the gateway's own
 * HTTP surface (/ready, /health, partial answers) looks with one member away.
 */
import { Federation, startFederation } from './federation';
import { freePort } from './ports';

export const UNREACHABLE_MEMBER = 'BG';

export async function startFederationWithUnreachableMember(): Promise<Federation> {
  const nowhere = await freePort();
  return startFederation({
    members: ['XK'],
    configure: (config) => {
      config.subgraphs.find((s) => s.sharded)!.sharded!.members[UNREACHABLE_MEMBER] = { url: `http://127.0.0.1:${nowhere}/graphql` };
    },
  });
}

/**
 * Whether a request comes from this machine itself (an operator's curl, a
 * local probe), which may see operational detail without a token. A request
 * relayed by a reverse proxy on the same machine arrives from loopback too,
 * on behalf of anyone: one carrying a forwarding header is never counted as
 * local.
 */
import type { IncomingMessage } from 'node:http';

const LOOPBACK = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip', 'via'];

export function isLoopbackCaller(req: IncomingMessage): boolean {
  if (FORWARDING_HEADERS.some((name) => req.headers[name] !== undefined)) return false;
  return LOOPBACK.test(req.socket.remoteAddress ?? '');
}

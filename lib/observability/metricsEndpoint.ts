/**
 * GET /metrics on every service's own port, in the Prometheus text format.
 *
 * Who may read it (lib/config/env.ts): by default callers on this machine
 * (loopback). METRICS_ALLOW replaces that list with addresses and CIDR
 * ranges (`10.0.0.0/8,::1`; "loopback" names 127.0.0.0/8 and ::1);
 * METRICS_TOKEN lets any caller that sends `Authorization: Bearer <token>`.
 * Anyone else gets 403 (401 with a wrong token) and no metric.
 *
 * A request that came through a proxy (it carries Forwarded or
 * X-Forwarded-For) is never admitted by address: behind a reverse proxy on
 * the same machine every caller would otherwise look like loopback. It
 * needs the token.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { RequestHandler } from 'express';
import { readEnv } from '../config/env';
import type { Registry } from './metrics';

export interface MetricsAccess {
  /** Addresses and CIDR ranges allowed without a token. Default: loopback. */
  allow: string[];
  /** A bearer token that admits any caller. Default: none. */
  token?: string;
}

const LOOPBACK = ['127.0.0.0/8', '::1/128'];
const MIN_TOKEN_LENGTH = 16;

export function readMetricsAccess(): MetricsAccess {
  const allow = readEnv('METRICS_ALLOW');
  const token = readEnv('METRICS_TOKEN');
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) throw new Error(`Environment variable METRICS_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters long`);
  const access = { allow: allow === undefined ? ['loopback'] : allow.split(',').map((entry) => entry.trim()).filter(Boolean), token };
  allowList(access.allow, 'METRICS_ALLOW');
  return access;
}

/** The allow-list as a BlockList (Node's address matcher); a bad entry stops start-up naming it. */
function allowList(entries: string[], source: string): BlockList {
  const list = new BlockList();
  for (const entry of entries.flatMap((e) => (e === 'loopback' ? LOOPBACK : [e]))) {
    const [address, bits] = entry.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? undefined : Number(bits);
    const maxPrefix = family === 6 ? 128 : 32;
    if (family === 0 || (prefix !== undefined && (!Number.isInteger(prefix) || prefix < 0 || prefix > maxPrefix))) {
      throw new Error(`${source}: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, ::1, loopback)`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return list;
}

function allowed(list: BlockList, remote: string | undefined): boolean {
  if (!remote) return false;
  // An IPv4 caller on a dual-stack socket shows as ::ffff:a.b.c.d.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(remote);
  if (mapped) return list.check(mapped[1], 'ipv4');
  return list.check(remote, isIP(remote) === 6 ? 'ipv6' : 'ipv4');
}

const proxied = (headers: IncomingHttpHeaders): boolean => headers.forwarded !== undefined || headers['x-forwarded-for'] !== undefined;

const sameToken = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export function metricsEndpoint(registry: Registry, access: MetricsAccess = readMetricsAccess()): RequestHandler {
  const list = allowList(access.allow, 'metrics allow-list');
  return async (req, res) => {
    const authorization = req.headers.authorization;
    if (access.token && authorization !== undefined) {
      const given = /^Bearer (.+)$/i.exec(authorization)?.[1] ?? '';
      if (!sameToken(given, access.token)) {
        res.status(401).set('WWW-Authenticate', 'Bearer').type('text/plain').send('Wrong metrics token\n');
        return;
      }
    } else if (proxied(req.headers) || !allowed(list, req.socket.remoteAddress)) {
      res.status(403).type('text/plain').send(`Metrics are served to ${access.token ? 'callers with the metrics token or ' : ''}allowed addresses only (METRICS_ALLOW${access.token ? ', METRICS_TOKEN' : ''})\n`);
      return;
    }
    res.set('Content-Type', registry.contentType).set('Cache-Control', 'no-store').send(await registry.metrics());
  };
}

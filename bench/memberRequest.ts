/**
 * One member's cost per request, measured alone: a country subgraph on a
 * throwaway MariaDB database, in this process, asked `ministry { name }` by
 * gateway-signed requests one at a time (what a cross-member query asks of
 * each member). Prints wall time, this process's CPU time (the member and the
 * small client together) and SQL statements per request. For A/B of a
 * member-side change, run it alternately from two builds; for the profile,
 * under `node --cpu-prof`; for system calls, under `strace -f -c`.
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import mysql from 'mysql2/promise';
import { Pool } from 'undici';
import { DEVELOPMENT_DEFAULTS } from '../lib/security/config';
import { GATEWAY_HEADERS } from '../lib/security/headers';
import { encodeIdentity } from '../lib/security/identityHeaders';
import { signGatewayRequest } from '../lib/security/requestSignature';
import { exitWithUsageIfAsked } from '../lib/config/usage';
import { startCountryService } from '../services/country/service';

const USAGE = `
Usage: node dist/bench/memberRequest.js [mysql://server (default mysql://root@127.0.0.1:3306)] [requests (default 2000)]

One member's cost per cross-member request (wall, CPU, SQL statements), measured alone.`;

async function main(): Promise<void> {
  exitWithUsageIfAsked(process.argv.slice(2), USAGE);
  const serverUrl = process.argv[2] ?? 'mysql://root@127.0.0.1:3306';
  const requests = Number(process.argv[3] ?? 2000);
  const name = `jpgm_${crypto.randomBytes(3).toString('hex')}_xk`;
  const admin = await mysql.createConnection(serverUrl);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const service = await startCountryService({ member: 'XK', databaseUrl: `${serverUrl}/${name}`, seed: true });
  const url = new URL(service.url);
  const pool = new Pool(url.origin, { connections: 1 });
  const identity = encodeIdentity({ subject: 'bench', roles: ['procurement'], memberCodes: [] });
  const body = JSON.stringify({ query: 'query($c: ID!) { XK: ministry(country: $c) { name } }', variables: { c: 'XK' } });
  const ask = async () => {
    const headers = { 'content-type': 'application/json', [GATEWAY_HEADERS.identity]: identity };
    Object.assign(headers, signGatewayRequest(DEVELOPMENT_DEFAULTS.signingSecret, { target: 'XK', method: 'POST', pathAndQuery: url.pathname, body, identity }));
    const answer = await pool.request({ path: url.pathname, method: 'POST', headers, body });
    const text = await answer.body.text();
    if (answer.statusCode !== 200 || !text.includes('"name"')) throw new Error(text);
  };
  try {
    for (let i = 0; i < 300; i++) await ask();
    service.statements.reset();
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < requests; i++) await ask();
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    console.log(`${requests} requests: ${(wall / requests).toFixed(3)} ms wall, ${((used.user + used.system) / 1000 / requests).toFixed(3)} ms CPU (client and member, one process) per request, ${(service.statements.count / requests).toFixed(2)} SQL statements per request`);
  } finally {
    await pool.close();
    await service.stop();
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}

void main();

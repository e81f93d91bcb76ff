/**
 * Our own federation for the domain benchmark, laid out as deployed: every
 * member's country subgraph is a process of its own (./domainMember.ts, one
 * service per ministry), procurement runs in this process, and each gateway
 * in front has a process of its own (./domainGateway.ts), with security on
 * (development secrets). Each service has its own throwaway MariaDB database
 * (created here, migrated, seeded with the demo records where a member has
 * them, dropped on exit).
 *
 * Options:
 *   --gateway-cpus <list>  the gateways' CPUs (taskset), e.g. 1
 *   --member-cpus <list>   the member processes' CPUs, e.g. 0 (default: this process's)
 *   --gateways <n,n,...>   one gateway per count, over the first n members
 *                          (default: one over all of them); the members are shared
 *
 * Prints `MEMBERS <pid,pid,...>`, one `GATEWAY <n> <url> <pid>` per gateway
 * and then `READY <url of the last gateway> <token>` (a procurement token,
 * which reads everything).
 * Usage: node dist/bench/targets/domainFederation.js <mysql://server> <XK,AL,HR,...> [options]
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { parseFederationConfig } from '../../gateway/config';
import { readArg } from '../../lib/config/env';
import { DEVELOPMENT_DEFAULTS } from '../../lib/security/config';
import { mintDevelopmentToken } from '../../lib/security/tokens';
import { startProcurementService } from '../../services/procurement/service';
import { startChild, waitForOutput } from '../process';

const ROOT = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const [serverUrl, memberList] = argv;
  const gatewayCpus = readArg(argv, 'gateway-cpus');
  const memberCpus = readArg(argv, 'member-cpus');
  const members = memberList.split(',');
  const sizes = (readArg(argv, 'gateways') ?? String(members.length)).split(',').map(Number);
  const suffix = crypto.randomBytes(3).toString('hex');
  const names = [`jpgb_${suffix}_procurement`, ...members.map((m) => `jpgb_${suffix}_${m.toLowerCase()}`)];
  const admin = await mysql.createConnection(serverUrl);
  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    // Everything at once: the benchmark's stop gives this process 5 s before SIGKILL, and the databases must go too.
    await Promise.all(stops.splice(0).map((step) => step().catch(() => undefined)));
    await Promise.all(names.map((name) => admin.query(`DROP DATABASE IF EXISTS \`${name}\``).catch(() => undefined)));
    await admin.end();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('disconnect', () => void stop());
  try {
    for (const name of names) await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const procurement = await startProcurementService({ databaseUrl: `${serverUrl}/${names[0]}`, seed: true });
    stops.push(() => procurement.stop());
    const countries = members.map((member, i) =>
      startChild(process.execPath, [path.join(__dirname, 'domainMember.js'), member, `${serverUrl}/${names[i + 1]}`], { cpus: memberCpus, env: { LOG_LEVEL: 'warn' }, ipc: true }),
    );
    stops.push(() => Promise.all(countries.map((child) => child.stop())));
    const urls = await Promise.all(countries.map(async (child) => (await waitForOutput(child, /READY (\S+)/, 180_000))[1]));
    console.log(`MEMBERS ${countries.map((child) => child.process.pid).join(',')}`);
    let last = '';
    for (const size of sizes) {
      const config = {
        gateway: { port: 0, host: '127.0.0.1' },
        supergraph: { source: 'sdl' },
        subgraphs: [
          { name: 'procurement', url: procurement.url, sdl: 'schema/procurement.graphql' },
          {
            name: 'country',
            sdl: 'schema/country.graphql',
            sharded: { key: ['code', 'countryCode'], argument: 'country', members: Object.fromEntries(members.slice(0, size).map((m, i) => [m, { url: urls[i] }])) },
          },
        ],
      };
      parseFederationConfig(config, { origin: 'bench domain federation', baseDir: ROOT }); // refused here, before a process is started
      const gateway = startChild(process.execPath, [path.join(__dirname, 'domainGateway.js'), JSON.stringify(config)], { cpus: gatewayCpus, env: { LOG_LEVEL: 'warn' }, ipc: true });
      stops.push(() => gateway.stop());
      [, last] = await waitForOutput(gateway, /READY (\S+)/, 120_000);
      console.log(`GATEWAY ${size} ${last} ${gateway.process.pid}`);
    }
    const token = await mintDevelopmentToken('procurement', { secret: DEVELOPMENT_DEFAULTS.jwtSecret, issuer: DEVELOPMENT_DEFAULTS.issuer, audience: DEVELOPMENT_DEFAULTS.audience, subject: 'bench' });
    console.log(`READY ${last} ${token}`);
  } catch (error) {
    console.error(error);
    await stop();
  }
}

void main();

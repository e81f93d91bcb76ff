/**
 * Our own federation for the domain benchmark: procurement and one country
 * subgraph per member in this process, each on its own throwaway MariaDB
 * database (created here, migrated, seeded with the demo records where a member
 * has them, dropped on exit), and the gateway in front in a process of its own
 * (./domainGateway.ts, on the CPUs given, as the federation benchmark runs its
 * gateways), with security on (development secrets). Prints
 * `READY <gateway url> <token>` (a procurement token, which reads everything).
 * Usage: node dist/bench/targets/domainFederation.js <mysql://server> <XK,AL,HR,...> [gateway CPUs]
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { parseFederationConfig } from '../../gateway/config';
import { DEVELOPMENT_DEFAULTS } from '../../lib/security/config';
import { mintDevelopmentToken } from '../../lib/security/tokens';
import { startCountryService } from '../../services/country/service';
import { startProcurementService } from '../../services/procurement/service';
import { startChild, waitForOutput } from '../process';

const ROOT = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  const [serverUrl, memberList, gatewayCpus] = process.argv.slice(2);
  const members = memberList.split(',');
  const suffix = crypto.randomBytes(3).toString('hex');
  const names = [`jpgb_${suffix}_procurement`, ...members.map((m) => `jpgb_${suffix}_${m.toLowerCase()}`)];
  const admin = await mysql.createConnection(serverUrl);
  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) await step().catch(() => undefined);
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS \`${name}\``).catch(() => undefined);
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
    const countries = await Promise.all(members.map((member, i) => startCountryService({ member, databaseUrl: `${serverUrl}/${names[i + 1]}`, seed: true })));
    for (const country of countries) stops.push(() => country.stop());
    const config = {
      gateway: { port: 0, host: '127.0.0.1' },
      supergraph: { source: 'sdl' },
      subgraphs: [
        { name: 'procurement', url: procurement.url, sdl: 'schema/procurement.graphql' },
        {
          name: 'country',
          sdl: 'schema/country.graphql',
          sharded: { key: ['code', 'countryCode'], argument: 'country', members: Object.fromEntries(members.map((m, i) => [m, { url: countries[i].url }])) },
        },
      ],
    };
    parseFederationConfig(config, { origin: 'bench domain federation', baseDir: ROOT }); // refused here, before a process is started
    const gateway = startChild(process.execPath, [path.join(__dirname, 'domainGateway.js'), JSON.stringify(config)], { cpus: gatewayCpus, env: { LOG_LEVEL: 'warn' }, ipc: true });
    stops.push(() => gateway.stop());
    const [, url] = await waitForOutput(gateway, /READY (\S+)/, 120_000);
    const token = await mintDevelopmentToken('procurement', { secret: DEVELOPMENT_DEFAULTS.jwtSecret, issuer: DEVELOPMENT_DEFAULTS.issuer, audience: DEVELOPMENT_DEFAULTS.audience, subject: 'bench' });
    console.log(`READY ${url} ${token}`);
  } catch (error) {
    console.error(error);
    await stop();
  }
}

void main();

/**
 * Our own federation for the domain benchmark, in one process: procurement and
 * one country subgraph per member, each on its own throwaway MariaDB database
 * (created here, migrated, seeded with the demo records where a member has
 * them, dropped on exit), and the gateway in front, with security on
 * (development secrets). Prints `READY <gateway url> <token>` (a procurement
 * token, which reads everything).
 * Usage: node dist/bench/targets/domainFederation.js <mysql://server> <XK,AL,HR,...>
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { parseFederationConfig } from '../../gateway/config';
import { createGatewayLogger } from '../../gateway/logger';
import { startGateway } from '../../gateway/server';
import { DEVELOPMENT_DEFAULTS } from '../../lib/security/config';
import { mintDevelopmentToken } from '../../lib/security/tokens';
import { startCountryService } from '../../services/country/service';
import { startProcurementService } from '../../services/procurement/service';

const ROOT = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  const [serverUrl, memberList] = process.argv.slice(2);
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
    const config = parseFederationConfig(
      {
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
      },
      { origin: 'bench domain federation', baseDir: ROOT },
    );
    const gateway = await startGateway({ config, port: 0, host: '127.0.0.1', logger: createGatewayLogger({ level: 'warn' }), webApps: false });
    stops.push(() => gateway.stop());
    const token = await mintDevelopmentToken('procurement', { secret: DEVELOPMENT_DEFAULTS.jwtSecret, issuer: DEVELOPMENT_DEFAULTS.issuer, audience: DEVELOPMENT_DEFAULTS.audience, subject: 'bench' });
    console.log(`READY ${gateway.url} ${token}`);
  } catch (error) {
    console.error(error);
    await stop();
  }
}

void main();

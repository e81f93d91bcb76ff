/**
 * Every environment variable the project reads, with its default, in one
 * place. Services read through `readEnv`/`requireEnv` so a missing or bad
 * value stops start-up with a message naming the variable.
 */
export const ENVIRONMENT = {
  DATABASE_URL: 'Database of the service being started: mysql://user:password@host:3306/db or sqlite:path. Default: sqlite:data/<service>.sqlite (country: sqlite:data/country-<member>.sqlite, e.g. country-xk.sqlite)',
  MEMBER: 'Country subgraph: ISO code of the member this process serves (same as --member). Required for start:country.',
  PORT: 'Port the service listens on (same as --port). Defaults: gateway 4000, procurement 4001, country XK 4011, AL 4012, HR 4013, BG 4014 (another member must set it).',
  HOST: 'Address the service binds to. Default 127.0.0.1.',
  GATEWAY_CONFIG: 'Gateway: path of the federation config file (members and subgraph URLs). Default config/federation.json.',
  DATA_DIR: 'npm start and start:country: folder for the embedded SQLite files. Default data/.',
  TEST_DATABASE_URL: 'Tests: MySQL/MariaDB server to create throwaway databases on, e.g. mysql://root@127.0.0.1:3306. Unset: embedded SQLite.',
  WEB_DIST_DIR: 'Gateway: folder of the built web apps (playground/, dashboard/) it serves. Default web/dist (built by npm run build:web).',
  CI: 'When "true", tests that need a missing system part (MariaDB, Chromium) fail instead of being skipped.',
} as const;

export type EnvName = keyof typeof ENVIRONMENT;

export function readEnv(name: EnvName, fallback?: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

export function requireEnv(name: EnvName): string {
  const value = readEnv(name);
  if (value === undefined) throw new Error(`Environment variable ${name} is required: ${ENVIRONMENT[name]}`);
  return value;
}

export function readPort(name: EnvName, fallback: number): number {
  const raw = readEnv(name);
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Environment variable ${name} must be a port number 0-65535 (got "${raw}")`);
  return port;
}

/** `--name value` or `--name=value` from argv. */
export function readArg(argv: readonly string[], name: string): string | undefined {
  const flag = `--${name}`;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag) return argv[i + 1];
    if (argv[i].startsWith(`${flag}=`)) return argv[i].slice(flag.length + 1);
  }
  return undefined;
}

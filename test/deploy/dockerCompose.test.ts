/**
 * docker-compose.yml, checked without a Docker engine: every service, port,
 * dependency, variable, file and URL it names exists and fits together, so
 * `docker compose up` does not fail on a typo.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ENVIRONMENT } from '../../lib/config/env';
import { loadFederationConfig } from '../../gateway/config';
import { DEFAULT_SHUTDOWN_GRACE_MS } from '../../lib/http/gracefulShutdown';

const ROOT = path.resolve(__dirname, '..', '..');

interface ComposeService {
  build?: { context: string; dockerfile: string };
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
}

const compose = YAML.parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
const ours = Object.entries(services).filter(([, s]) => s.build);
const databases = Object.entries(services).filter(([, s]) => s.image?.startsWith('mysql:'));
/** A service's environment as compose would pass it, with `${VAR:?…}` filled in as from a .env (value "VAR-value"). */
const env = (name: string): Record<string, string> =>
  Object.fromEntries(Object.entries(services[name].environment ?? {}).map(([k, v]) => [k, String(v).replace(/\$\{(\w+)(?::[?-][^}]*)?\}/g, '$1-value')]));

describe('docker-compose.yml', () => {
  it('has one MySQL for procurement and one per ministry, beside each service and the gateway', () => {
    expect(databases.map(([name]) => name).sort()).toEqual(['db-al', 'db-bg', 'db-hr', 'db-procurement', 'db-xk']);
    expect(ours.map(([name]) => name).sort()).toEqual(['country-al', 'country-bg', 'country-hr', 'country-xk', 'gateway', 'procurement']);
  });

  it("builds every service of ours from the repository's Dockerfile: node 20 bookworm-slim, npm ci, npm run build", () => {
    for (const [, service] of ours) expect(service.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
    const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim AS build$/m);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^RUN npm run build\b/m);
  });

  it('copies patches/ before npm ci, so the image runs the patched query planner (patches/README.md)', () => {
    const lines = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8').split('\n');
    const copyPatches = lines.findIndex((line) => /^COPY patches\/? \.\/patches\/?$/.test(line));
    const install = lines.findIndex((line) => /^RUN npm ci\b/.test(line));
    expect(copyPatches).toBeGreaterThan(-1);
    expect(copyPatches).toBeLessThan(install);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.scripts.postinstall).toBe('patch-package');
    // A production install (npm ci --omit=dev) applies them too.
    expect(manifest.dependencies['patch-package']).toBeDefined();
    // Each patch is for the exact version the lock file installs (patch-package refuses another).
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
    const patches = fs.readdirSync(path.join(ROOT, 'patches')).filter((file) => file.endsWith('.patch'));
    expect(patches.length).toBeGreaterThan(0);
    for (const file of patches) {
      const [, name, version] = /^(.+)\+([^+]+)\.patch$/.exec(file)!;
      expect([file, lock.packages[`node_modules/${name.replace('+', '/')}`]?.version]).toEqual([file, version]);
    }
  });

  it('runs scripts that exist in the source', () => {
    for (const [name, service] of ours) {
      const [node, script] = service.command ?? [];
      expect([name, node]).toEqual([name, 'node']);
      expect(fs.existsSync(path.join(ROOT, script.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    }
  });

  it('sets only variables the project documents (lib/config/env.ts)', () => {
    for (const [name, service] of ours) {
      const unknown = Object.keys(service.environment ?? {}).filter((variable) => !(variable in ENVIRONMENT));
      expect([name, unknown]).toEqual([name, []]);
    }
  });

  it('depends only on services it defines', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const dependency of Object.keys(service.depends_on ?? {})) expect([name, dependency in services]).toEqual([name, true]);
    }
  });

  it('gives each service its own database, with the user and database that MySQL container creates', () => {
    const used = new Set<string>();
    for (const [name, service] of ours.filter(([n]) => n !== 'gateway')) {
      const url = new URL(env(name).DATABASE_URL);
      const db = env(url.hostname);
      expect(url.protocol).toBe('mysql:');
      expect(db.MYSQL_USER).toBe(decodeURIComponent(url.username));
      expect(db.MYSQL_PASSWORD).toBe(decodeURIComponent(url.password));
      expect(db.MYSQL_DATABASE).toBe(url.pathname.slice(1));
      expect(url.port).toBe('3306');
      expect(service.depends_on?.[url.hostname]).toEqual({ condition: 'service_healthy' });
      expect(used.has(url.hostname)).toBe(false);
      used.add(url.hostname);
    }
  });

  it('checks health on the port each service listens on, and publishes the gateway on its own', () => {
    for (const [name, service] of ours) {
      const port = env(name).PORT;
      expect(env(name).HOST).toBe('0.0.0.0');
      if (service.healthcheck) expect(service.healthcheck.test.join(' ')).toContain(`http://127.0.0.1:${port}/health`);
    }
    expect(services.gateway.ports).toEqual([`${env('gateway').PORT}:${env('gateway').PORT}`]);
  });

  it("points the gateway's config at these services: each member's URL at a service serving that member on that port", () => {
    const configFile = path.join(ROOT, env('gateway').GATEWAY_CONFIG);
    const config = loadFederationConfig(configFile);
    expect(String(config.gateway.port)).toBe(env('gateway').PORT);
    const named: string[] = [];
    for (const subgraph of config.subgraphs) {
      const targets = subgraph.sharded ? Object.entries(subgraph.sharded.members).map(([code, m]) => [code, m.url]) : [[undefined, subgraph.url!]];
      for (const [member, url] of targets) {
        const { hostname, port } = new URL(url!);
        expect(services[hostname]?.build).toBeDefined();
        expect(env(hostname).PORT).toBe(port);
        expect(env(hostname).MEMBER).toBe(member);
        expect(services[hostname].command?.[1]).toBe(`dist/services/${subgraph.name}/index.js`);
        named.push(hostname);
      }
    }
    expect(Object.keys(services.gateway.depends_on ?? {}).filter((name) => name !== 'redis').sort()).toEqual(named.sort());
  });

  it('gives every service of ours the one Redis their replicas share (REDIS_URL), once it answers', () => {
    for (const [name, service] of ours) {
      const url = new URL(env(name).REDIS_URL);
      expect([name, url.protocol, services[url.hostname]?.image?.startsWith('redis:'), url.port]).toEqual([name, 'redis:', true, '6379']);
      expect([name, service.depends_on?.[url.hostname]]).toEqual([name, { condition: 'service_healthy' }]);
    }
  });

  it('lets each service of ours drain on SIGTERM (SHUTDOWN_GRACE_MS) and close its database before Docker kills it', () => {
    for (const [name, service] of ours) {
      const graceMs = Number(env(name).SHUTDOWN_GRACE_MS ?? DEFAULT_SHUTDOWN_GRACE_MS);
      const [, seconds] = /^(\d+)s$/.exec(service.stop_grace_period ?? '10s')!;
      expect([name, Number(seconds) * 1000 >= graceMs + 5000]).toEqual([name, true]);
    }
  });

  it('has the same members as the local federation config', () => {
    const members = (file: string) => Object.keys(loadFederationConfig(path.join(ROOT, 'config', file)).subgraphs.find((s) => s.sharded)!.sharded!.members).sort();
    expect(members('federation.docker.json')).toEqual(members('federation.json'));
  });

  it('lists in .env.example every variable it requires', () => {
    const text = fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
    const required = new Set([...text.matchAll(/\$\{(\w+):\?/g)].map((m) => m[1]));
    const example = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    const listed = new Set([...example.matchAll(/^(\w+)=/gm)].map((m) => m[1]));
    expect([...required].sort()).toEqual([...listed].sort());
  });
});

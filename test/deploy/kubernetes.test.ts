/**
 * deploy/ (kustomize base and the example overlay), checked without a
 * cluster: every manifest parses; every variable, port, probe path, Secret
 * key, file and label it names exists in the code, the federation config,
 * the Secrets and docker-compose.yml, so `kubectl apply -k` does not fail, or
 * quietly open the subgraphs, on a typo. Probe paths are asked of a real
 * gateway and a real subgraph.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ENVIRONMENT } from '../../lib/config/env';
import { memberAccount, subgraphAccount } from '../../lib/db/provision';
import { FederationConfig, loadFederationConfig, parseFederationConfig } from '../../gateway/config';
import { defaultCountryPort } from '../../services/country/config';
import { DEFAULT_SHUTDOWN_GRACE_MS } from '../../lib/http/gracefulShutdown';
import { Federation, startFederation } from '../testkit/federation';

const ROOT = path.resolve(__dirname, '..', '..');
const DEPLOY = path.join(ROOT, 'deploy');
const BASE = path.join(DEPLOY, 'base');
const OVERLAY = path.join(DEPLOY, 'overlays', 'example');

type Labels = Record<string, string>;
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}
interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  volumeMounts?: { name: string; mountPath: string; subPath?: string }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
}
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Labels };
  spec?: any;
  stringData?: Record<string, string>;
  file: string;
}

function parseYamlFile(file: string): Manifest[] {
  const documents = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'));
  for (const document of documents) expect([file, document.errors.map(String)]).toEqual([file, []]);
  return documents.map((d) => ({ ...(d.toJSON() as Omit<Manifest, 'file'>), file: path.relative(ROOT, file) }));
}

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : e.name.endsWith('.yaml') ? [path.join(dir, e.name)] : []));
}

const kustomization = (dir: string) => YAML.parse(fs.readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8'));
const base = kustomization(BASE);
const manifests: Manifest[] = (base.resources as string[]).flatMap((file) => parseYamlFile(path.join(BASE, file)));
const secrets = parseYamlFile(path.join(DEPLOY, 'secrets.example.yaml'));
const ofKind = (kind: string) => manifests.filter((m) => m.kind === kind);
const deployments = ofKind('Deployment');
const deployment = (name: string) => deployments.find((d) => d.metadata.name === name);
const service = (name: string) => ofKind('Service').find((s) => s.metadata.name === name);
const podLabels = (d: Manifest): Labels => d.spec.template.metadata.labels;
const containerOf = (d: Manifest): Container => d.spec.template.spec.containers[0];
const envOf = (c: Container): Record<string, EnvVar> => Object.fromEntries((c.env ?? []).map((e) => [e.name, e]));
const matches = (selector: Labels, labels: Labels) => Object.entries(selector).every(([k, v]) => labels[k] === v);
const ours = deployments.filter((d) => containerOf(d).image === 'joint-procurement-graph');
const gateway = deployment('gateway')!;

/** The federation config of the ConfigMap, validated by the gateway's own loader as mounted in the image (/app/config/…). */
function configMapConfig(): FederationConfig {
  const generator = (base.configMapGenerator as { name: string; files: string[] }[]).find((g) => g.name === 'jpg-federation-config')!;
  const [file] = generator.files;
  return parseFederationConfig(JSON.parse(fs.readFileSync(path.join(BASE, file), 'utf8')), { origin: file, baseDir: path.join(ROOT, 'config') });
}

/** Every process the config names: [deployment name, member code or undefined, subgraph name, port]. */
type Target = [string, string | undefined, string, number];
function configTargets(config: FederationConfig): Target[] {
  const target = (url: string, member: string | undefined, subgraph: string): Target => [new URL(url).hostname, member, subgraph, Number(new URL(url).port)];
  return config.subgraphs.flatMap((s) => (s.sharded ? Object.entries(s.sharded.members).map(([code, m]) => target(m.url, code, s.name)) : [target(s.url!, undefined, s.name)]));
}

describe('deploy/: every manifest parses and every kustomization names every file', () => {
  it('parses every YAML file under deploy/, each document a named Kubernetes object', () => {
    for (const file of yamlFiles(DEPLOY)) {
      for (const m of parseYamlFile(file)) {
        expect([m.file, typeof m.apiVersion, typeof m.kind]).toEqual([m.file, 'string', 'string']);
        if (m.kind !== 'Kustomization') expect([m.file, typeof m.metadata?.name]).toEqual([m.file, 'string']);
      }
    }
  });

  it.each([
    ['base', BASE],
    ['overlays/example', OVERLAY],
  ])('%s: the kustomization lists every file beside it, and each file it lists exists', (_name, dir) => {
    const k = kustomization(dir);
    const listed = [
      ...((k.resources ?? []) as string[]),
      ...((k.configMapGenerator ?? []) as { files: string[] }[]).flatMap((g) => g.files),
      ...((k.patches ?? []) as { path: string }[]).map((p) => p.path),
    ];
    for (const entry of listed) expect([entry, fs.existsSync(path.join(dir, entry))]).toEqual([entry, true]);
    const files = fs.readdirSync(dir).filter((f) => f !== 'kustomization.yaml' && fs.statSync(path.join(dir, f)).isFile());
    expect(files.sort()).toEqual(listed.filter((entry) => !entry.startsWith('..')).sort());
  });

  it('the overlay builds on the base and patches only objects the base has', () => {
    const overlay = kustomization(OVERLAY);
    expect(overlay.resources[0]).toBe('../../base');
    expect(overlay.images.map((i: { name: string }) => i.name)).toEqual(['joint-procurement-graph']);
    for (const { path: file } of overlay.patches as { path: string }[]) {
      for (const patch of parseYamlFile(path.join(OVERLAY, file))) {
        expect(manifests.some((m) => m.kind === patch.kind && m.metadata.name === patch.metadata.name)).toBe(true);
        if (patch.kind === 'HorizontalPodAutoscaler') expect(patch.spec.minReplicas).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('names objects uniquely, and every label selector selects its own pods', () => {
    const keys = manifests.map((m) => `${m.kind}/${m.metadata.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of deployments) expect([d.metadata.name, matches(d.spec.selector.matchLabels, podLabels(d))]).toEqual([d.metadata.name, true]);
    for (const s of ofKind('Service')) {
      const selected = deployments.filter((d) => matches(s.spec.selector, podLabels(d))).map((d) => d.metadata.name);
      expect([s.metadata.name, selected]).toEqual([s.metadata.name, [s.metadata.name]]);
    }
  });
});

describe('deploy/: the gateway scales out', () => {
  it('runs at least two replicas, kept by a PodDisruptionBudget and scaled by a HorizontalPodAutoscaler', () => {
    expect(gateway.spec.replicas).toBeGreaterThanOrEqual(2);
    const pdb = ofKind('PodDisruptionBudget').find((p) => matches(p.spec.selector.matchLabels, podLabels(gateway)))!;
    expect(pdb.spec.minAvailable).toBeGreaterThanOrEqual(1);
    expect(pdb.spec.minAvailable).toBeLessThan(gateway.spec.replicas);
    const hpa = ofKind('HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === 'gateway')!;
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
  });

  it('checks liveness on /health and readiness on /ready', () => {
    const c = containerOf(gateway);
    expect(c.livenessProbe?.httpGet?.path).toBe('/health');
    expect(c.readinessProbe?.httpGet?.path).toBe('/ready');
  });

  it('gives replicas (gateway and subgraphs) the Redis they share', () => {
    for (const d of ours) expect([d.metadata.name, envOf(containerOf(d)).REDIS_URL?.valueFrom?.secretKeyRef?.key]).toEqual([d.metadata.name, 'REDIS_URL']);
    const redisUrl = new URL(secrets.find((s) => s.metadata.name === 'jpg-shared')!.stringData!.REDIS_URL);
    expect(service(redisUrl.hostname)?.spec.ports[0].port).toBe(Number(redisUrl.port));
  });
});

describe('deploy/: the services match the federation config, the code and docker-compose.yml', () => {
  const config = configMapConfig();

  it('the ConfigMap holds a federation config the gateway accepts, with the members of config/federation.json', () => {
    const members = (c: FederationConfig) => Object.keys(c.subgraphs.find((s) => s.sharded)!.sharded!.members).sort();
    expect(members(config)).toEqual(members(loadFederationConfig(path.join(ROOT, 'config', 'federation.json'))));
    expect(config.subgraphs.map((s) => s.name).sort()).toEqual(['country', 'procurement']);
  });

  it('mounts it where GATEWAY_CONFIG points inside the image (WORKDIR of the Dockerfile), so its SDL paths resolve', () => {
    const workdir = /^WORKDIR (\S+)$/m.exec(fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'))![1];
    const c = containerOf(gateway);
    const mount = c.volumeMounts!.find((m) => m.name === 'federation-config')!;
    expect(mount.mountPath).toBe(path.posix.join(workdir, envOf(c).GATEWAY_CONFIG.value!));
    expect(path.posix.dirname(mount.mountPath)).toBe(path.posix.join(workdir, 'config'));
    const volume = gateway.spec.template.spec.volumes.find((v: { name: string }) => v.name === 'federation-config');
    expect(volume.configMap.name).toBe('jpg-federation-config');
    expect(mount.subPath).toBe(base.configMapGenerator[0].files[0]);
    expect(Number(envOf(c).PORT.value)).toBe(config.gateway.port);
    expect(c.ports![0].containerPort).toBe(config.gateway.port);
    expect(service('gateway')!.spec.ports[0].port).toBe(config.gateway.port);
  });

  it('has a Deployment and a Service for each URL of the config, serving that member on that port', () => {
    const targets = configTargets(config);
    expect(targets).toHaveLength(5);
    for (const [name, member, subgraph, port] of targets) {
      const d = deployment(name)!;
      expect([name, d !== undefined, service(name) !== undefined]).toEqual([name, true, true]);
      const c = containerOf(d);
      expect([name, c.command?.[1]]).toEqual([name, `dist/services/${subgraph}/index.js`]);
      expect([name, envOf(c).MEMBER?.value]).toEqual([name, member]);
      expect([name, Number(envOf(c).PORT.value), c.ports![0].containerPort, service(name)!.spec.ports[0].port]).toEqual([name, port, port, port]);
      expect([name, envOf(c).HOST.value]).toEqual([name, '0.0.0.0']);
    }
    expect(ours.map((d) => d.metadata.name).sort()).toEqual(['gateway', ...targets.map(([name]) => name)].sort());
  });

  it("uses each service's default port (services/country/config.ts, services/procurement/index.ts)", () => {
    const procurementDefault = Number(/readPort\('PORT', (\d+)\)/.exec(fs.readFileSync(path.join(ROOT, 'services', 'procurement', 'index.ts'), 'utf8'))![1]);
    for (const [name, member, , port] of configTargets(config)) expect([name, port]).toEqual([name, member ? defaultCountryPort(member) : procurementDefault]);
  });

  it('sets only variables the project documents (lib/config/env.ts), in production mode', () => {
    for (const d of ours) {
      const env = envOf(containerOf(d));
      expect([d.metadata.name, Object.keys(env).filter((v) => !(v in ENVIRONMENT))]).toEqual([d.metadata.name, []]);
      expect([d.metadata.name, env.NODE_ENV?.value]).toEqual([d.metadata.name, 'production']);
    }
  });

  it('runs scripts that exist in the source; subgraphs without demo records', () => {
    for (const d of ours) {
      const [node, script, ...args] = containerOf(d).command!;
      expect([d.metadata.name, node, fs.existsSync(path.join(ROOT, script.replace(/^dist\//, '').replace(/\.js$/, '.ts')))]).toEqual([d.metadata.name, 'node', true]);
      if (d !== gateway) expect([d.metadata.name, args]).toEqual([d.metadata.name, ['--no-seed']]);
    }
  });

  it('runs the same services as docker-compose.yml, with the same commands, members, ports and variables', () => {
    const compose = YAML.parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, { build?: unknown; command: string[]; environment: Record<string, string> }> };
    const composed = Object.entries(compose.services).filter(([, s]) => s.build);
    expect(composed.map(([name]) => name).sort()).toEqual(ours.map((d) => d.metadata.name).sort());
    for (const [name, s] of composed) {
      const c = containerOf(deployment(name)!);
      expect([name, c.command!.slice(0, 2)]).toEqual([name, s.command.slice(0, 2)]);
      expect([name, envOf(c).PORT.value, envOf(c).MEMBER?.value]).toEqual([name, s.environment.PORT, s.environment.MEMBER]);
      expect([name, Object.keys(s.environment).filter((v) => !(v in envOf(c)))]).toEqual([name, []]);
    }
  });
});

describe('deploy/: Secrets', () => {
  const secretKeys = new Map(secrets.map((s) => [s.metadata.name, Object.keys(s.stringData ?? {})]));
  const refs = ours.flatMap((d) => (containerOf(d).env ?? []).filter((e) => e.valueFrom?.secretKeyRef).map((e) => ({ deployment: d.metadata.name, variable: e.name, ...e.valueFrom!.secretKeyRef! })));

  it('every Secret key a Deployment refers to exists in deploy/secrets.example.yaml, and every key there is used', () => {
    for (const ref of refs) expect([ref.deployment, ref.name, ref.key, secretKeys.get(ref.name)?.includes(ref.key)]).toEqual([ref.deployment, ref.name, ref.key, true]);
    for (const [name, keys] of secretKeys) for (const key of keys) expect([name, key, refs.some((r) => r.name === name && r.key === key)]).toEqual([name, key, true]);
    for (const ref of refs) expect(ref.key).toBe(ref.variable);
  });

  it('keeps the Secrets out of the kustomization, so an apply never overwrites the real ones; placeholders fail start-up', () => {
    expect(ofKind('Secret')).toEqual([]);
    const shared = secrets.find((s) => s.metadata.name === 'jpg-shared')!;
    expect(Buffer.byteLength(shared.stringData!.GATEWAY_SIGNING_SECRET)).toBeLessThan(32);
  });

  it("gives each subgraph a database Secret of its own, with compose's user and database names", () => {
    const databaseRefs = refs.filter((r) => r.key === 'DATABASE_URL');
    expect(new Set(databaseRefs.map((r) => r.name)).size).toBe(databaseRefs.length);
    for (const [name, member, subgraph] of configTargets(configMapConfig())) {
      const ref = databaseRefs.find((r) => r.deployment === name)!;
      const url = new URL(secrets.find((s) => s.metadata.name === ref.name)!.stringData!.DATABASE_URL);
      const account = member ? memberAccount(member) : subgraphAccount(subgraph);
      expect([name, url.username, url.pathname.slice(1)]).toEqual([name, account.user, account.database]);
    }
    expect(databaseRefs.some((r) => r.deployment === 'gateway')).toBe(false);
  });

  it("takes from Secrets every variable compose fills from its secrets (${…}), and gives the gateway's to the gateway only", () => {
    const compose = YAML.parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, { build?: unknown; environment: Record<string, string> }> };
    for (const [name, s] of Object.entries(compose.services).filter(([, s]) => s.build)) {
      const env = envOf(containerOf(deployment(name)!));
      for (const [variable, value] of Object.entries(s.environment)) {
        if (String(value).includes('${')) expect([name, variable, env[variable]?.valueFrom?.secretKeyRef !== undefined]).toEqual([name, variable, true]);
      }
    }
    for (const ref of refs.filter((r) => r.name === 'jpg-gateway-auth')) expect(ref.deployment).toBe('gateway');
  });
});

describe('deploy/: NetworkPolicy', () => {
  const policy = ofKind('NetworkPolicy').find((p) => p.metadata.name === 'subgraphs-from-gateway-only')!;
  const subgraphs = ours.filter((d) => d !== gateway);

  it('selects every subgraph pod, and neither the gateway nor Redis', () => {
    for (const d of subgraphs) expect([d.metadata.name, matches(policy.spec.podSelector.matchLabels, podLabels(d))]).toEqual([d.metadata.name, true]);
    for (const d of deployments.filter((d) => !subgraphs.includes(d))) expect([d.metadata.name, matches(policy.spec.podSelector.matchLabels, podLabels(d))]).toEqual([d.metadata.name, false]);
    expect(policy.spec.policyTypes).toEqual(['Ingress']);
  });

  it("lets in only the gateway's pods, on the subgraphs' ports", () => {
    expect(policy.spec.ingress).toHaveLength(1);
    const [rule] = policy.spec.ingress;
    expect(rule.from).toHaveLength(1);
    const [from] = rule.from;
    expect(Object.keys(from)).toEqual(['podSelector']);
    for (const d of deployments) expect([d.metadata.name, matches(from.podSelector.matchLabels, podLabels(d))]).toEqual([d.metadata.name, d === gateway]);
    const ports = subgraphs.map((d) => containerOf(d).ports![0].containerPort).sort();
    expect(rule.ports.map((p: { port: number }) => p.port).sort()).toEqual([...new Set(ports)]);
  });

  it('lets only the gateway and the subgraphs reach Redis', () => {
    const redis = ofKind('NetworkPolicy').find((p) => matches(p.spec.podSelector.matchLabels, podLabels(deployment('redis')!)))!;
    const allowed = deployments.filter((d) => redis.spec.ingress.some((rule: { from: { podSelector: { matchLabels: Labels } }[] }) => rule.from.some((f) => matches(f.podSelector.matchLabels, podLabels(d)))));
    expect(allowed.map((d) => d.metadata.name).sort()).toEqual(ours.map((d) => d.metadata.name).sort());
  });
});

describe('deploy/: shutdown', () => {
  it('gives every pod time for the preStop pause, the drain (SHUTDOWN_GRACE_MS) and 5 s more before Kubernetes kills it', () => {
    for (const d of ours) {
      const c = containerOf(d) as Container & { lifecycle?: { preStop?: { exec?: { command: string[] } } } };
      const [sleep, seconds] = c.lifecycle?.preStop?.exec?.command ?? [];
      expect([d.metadata.name, sleep]).toEqual([d.metadata.name, 'sleep']);
      const graceMs = Number(envOf(c).SHUTDOWN_GRACE_MS?.value ?? DEFAULT_SHUTDOWN_GRACE_MS);
      expect([d.metadata.name, d.spec.template.spec.terminationGracePeriodSeconds * 1000 >= Number(seconds) * 1000 + graceMs + 5000]).toEqual([d.metadata.name, true]);
    }
  });

  it('subgraphs, like the gateway, turn unready (/ready) while they drain and stay live (/health)', () => {
    for (const d of ours) {
      const c = containerOf(d);
      expect([d.metadata.name, c.livenessProbe?.httpGet?.path, c.readinessProbe?.httpGet?.path]).toEqual([d.metadata.name, '/health', '/ready']);
    }
  });
});

describe('deploy/: metrics', () => {
  it('every service is annotated for Prometheus on its own port and /metrics, and gets the metrics token from a Secret', () => {
    for (const d of ours) {
      const c = containerOf(d);
      expect([d.metadata.name, d.spec.template.metadata.annotations]).toEqual([d.metadata.name, { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(c.ports![0].containerPort), 'prometheus.io/path': '/metrics' }]);
      expect([d.metadata.name, envOf(c).METRICS_TOKEN?.valueFrom?.secretKeyRef]).toEqual([d.metadata.name, { name: 'jpg-metrics', key: 'METRICS_TOKEN' }]);
    }
  });

  it("the example overlay lets Prometheus of the monitoring namespace, and no one else, past the base's NetworkPolicy", () => {
    const policies = (kustomization(OVERLAY).resources as string[]).slice(1).flatMap((file) => parseYamlFile(path.join(OVERLAY, file)));
    for (const policy of policies) {
      expect(policy.kind).toBe('NetworkPolicy');
      for (const rule of policy.spec.ingress) {
        for (const from of rule.from) expect(from).toEqual({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } } });
      }
    }
    expect(policies).toHaveLength(1);
  });
});

describe('deploy/: probe and metrics paths answer on a real gateway and a real subgraph', () => {
  let federation: Federation;
  beforeAll(async () => {
    federation = await startFederation({ members: ['XK'] });
  }, 120_000);
  afterAll(() => federation?.stop());

  it('every probe of the gateway and of each subgraph answers 200, and so does the metrics path', async () => {
    const origins: Record<string, string> = { gateway: federation.gatewayOrigin, country: new URL(federation.members.XK.url).origin, procurement: new URL(federation.procurement.url).origin };
    for (const d of ours) {
      const c = containerOf(d);
      const origin = d === gateway ? origins.gateway : origins[c.command![1].split('/')[2]];
      for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) {
        expect([d.metadata.name, probe?.httpGet?.port]).toEqual([d.metadata.name, 'http']);
        const response = await fetch(`${origin}${probe!.httpGet!.path}`);
        expect([d.metadata.name, probe!.httpGet!.path, response.status]).toEqual([d.metadata.name, probe!.httpGet!.path, 200]);
      }
      const metrics = await fetch(`${origin}${d.spec.template.metadata.annotations['prometheus.io/path']}`);
      expect([d.metadata.name, metrics.status, (await metrics.text()).includes('# TYPE ')]).toEqual([d.metadata.name, 200, true]);
    }
  });
});

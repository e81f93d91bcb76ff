/**
 * Makes sure web/dist holds a build of the current sources before a browser
 * test loads the pages: builds when it is missing or older than any source
 * (web/ or examples/queries/). CI starts from a clean checkout and builds once.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const WEB = path.join(ROOT, 'web');
const SOURCES = [path.join(WEB, 'shared'), path.join(WEB, 'playground'), path.join(WEB, 'dashboard'), path.join(ROOT, 'examples', 'queries'), path.join(WEB, 'vite.config.mts'), path.join(WEB, 'precompress.mts')];
const BUILT = ['playground', 'dashboard'].map((app) => path.join(WEB, 'dist', app, 'index.html'));

function newestChange(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

export function webBuildIsCurrent(): boolean {
  const builtAt = Math.min(...BUILT.map((file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0)));
  return builtAt > 0 && builtAt >= Math.max(...SOURCES.map(newestChange));
}

export function ensureWebBuilt(): void {
  if (webBuildIsCurrent()) return;
  // Jest sets NODE_ENV=test, and Vite would then bundle React's development build (StrictMode's double effects
  // included): the pages under test must be the ones `npm run build:web` makes for production.
  execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], timeout: 180_000, env: { ...process.env, NODE_ENV: 'production' } });
}

/**
 * The compiled project (dist/), for tests that run the real commands as a
 * user does (npm run …, node dist/…). `tsc -b` rebuilds only when a source is
 * newer than the build, so the cost is paid once per change.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

export function ensureBuild(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
}

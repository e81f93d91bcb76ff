/** Says which backend the suite runs on, and fails loudly if it is unusable. */
import { assertBackendReachable, describeBackend, testBackend } from './testkit/database';
import { inCI } from './testkit/systemParts';

export default async function globalSetup(): Promise<void> {
  // Services a test starts without its own logger log to stdout: only warnings and worse, unless asked.
  process.env.LOG_LEVEL ??= 'warn';
  if (inCI() && testBackend().kind !== 'mysql') {
    throw new Error('CI=true needs TEST_DATABASE_URL pointing at MySQL/MariaDB (e.g. mysql://root@127.0.0.1:3306); refusing to fall back to SQLite.');
  }
  await assertBackendReachable();
  process.stdout.write(`\nTest backend: ${describeBackend()}\n`);
}

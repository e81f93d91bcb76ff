/**
 * Tests that need a system part a fresh machine may lack. In CI (CI=true) a
 * missing part is a failure; elsewhere the tests are skipped, saying why and
 * which one command installs the part.
 */
import fs from 'node:fs';
import { testBackend } from './database';

export interface SystemPart {
  name: string;
  available: () => boolean;
  install: string;
}

export const CHROMIUM: SystemPart = {
  name: 'Chromium (/usr/bin/chromium)',
  available: () => fs.existsSync('/usr/bin/chromium'),
  install: 'apt-get install -y chromium',
};

export const MARIADB: SystemPart = {
  name: 'MySQL/MariaDB (TEST_DATABASE_URL)',
  available: () => testBackend().kind === 'mysql',
  install: 'apt-get install -y mariadb-server && TEST_DATABASE_URL=mysql://root@127.0.0.1:3306 npm test',
};

export const inCI = (): boolean => process.env.CI === 'true' || process.env.CI === '1';

/**
 * `describe` when the part is there; otherwise, outside CI, a skipped suite
 * named for the reason, and in CI a failing one.
 */
export function describeWith(part: SystemPart, title: string, body: () => void): void {
  if (part.available()) {
    describe(title, body);
    return;
  }
  if (inCI()) {
    describe(title, () => {
      it(`needs ${part.name}`, () => {
        throw new Error(`${part.name} is missing and CI=true makes it mandatory. Install: ${part.install}`);
      });
    });
    return;
  }
  describe.skip(`${title} [skipped: needs ${part.name}; install: ${part.install}]`, body);
}

/** Redis for the tests of state shared between replicas (TEST_REDIS_URL, set by .ci/run). */
export const REDIS: SystemPart = {
  name: 'Redis (TEST_REDIS_URL)',
  available: () => Boolean(process.env.TEST_REDIS_URL),
  install: 'apt-get install -y redis-server && redis-server --daemonize yes && TEST_REDIS_URL=redis://127.0.0.1:6379 npm test',
};

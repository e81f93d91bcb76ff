/**
 * `npm start -- --mysql <admin URL>`: one database and one user per member of
 * each sharded subgraph and one per unsharded subgraph, named as in
 * docker-compose.yml, provisioned through the administrator's URL. The
 * services then get only their own user's URL; the generated passwords stay
 * in `<DATA_DIR>/mysql-credentials.json`.
 */
import path from 'node:path';
import { FederationConfig } from '../gateway/config';
import { memberAccount, provisionDatabase, subgraphAccount } from '../lib/db/provision';

export const CREDENTIALS_FILE = 'mysql-credentials.json';

export interface MysqlFederationOptions {
  /** Before every database and user name (tests use a random one). */
  prefix?: string;
  dataDir: string;
}

/** Each service's DATABASE_URL, keyed as `npm start` names its processes: the subgraph's name, or a member's code. */
export async function provisionFederationDatabases(adminUrl: string, config: FederationConfig, options: MysqlFederationOptions): Promise<Record<string, string>> {
  const provisionOptions = { prefix: options.prefix, credentialsFile: path.join(options.dataDir, CREDENTIALS_FILE) };
  const urls: Record<string, string> = {};
  for (const subgraph of config.subgraphs) {
    if (subgraph.sharded) {
      // A sharded subgraph is the country contract served per member: jpg_country_<code> / <code>_ministry.
      for (const code of Object.keys(subgraph.sharded.members)) urls[code] = await provisionDatabase(adminUrl, memberAccount(code, options.prefix), provisionOptions);
    } else {
      urls[subgraph.name] = await provisionDatabase(adminUrl, subgraphAccount(subgraph.name, options.prefix), provisionOptions);
    }
  }
  return urls;
}
